"""Supervision of real groups: coding recorded sessions (QtMultimedia loaded lazily)."""
