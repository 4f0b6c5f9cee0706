"""Qt-free domain core: scenario format, validation, scoring and statistics.

Nothing under this package may import PySide6 (a test enforces it).
"""
