"""Balint Trainer: practise leading Balint groups against an expert panel."""

__version__ = "0.1.0"
