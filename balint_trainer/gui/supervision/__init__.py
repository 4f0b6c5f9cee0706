"""Supervision: the supervisor window (window.py, one module per tab, exports, bundle import, LRS)
and coding recorded sessions of real groups (QtMultimedia loaded lazily)."""
