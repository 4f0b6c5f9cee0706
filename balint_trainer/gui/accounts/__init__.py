"""Accounts: who practises (choosing, switching and protecting profiles on this computer) and
profile management and merging (organisers, supervisors)."""
