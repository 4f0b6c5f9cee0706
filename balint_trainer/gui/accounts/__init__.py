"""Accounts: profile management and merging (organisers, supervisors)."""
