"""Authoring aids for the scenario editor: find/replace, decision form, insert menu, preview, transcripts."""
