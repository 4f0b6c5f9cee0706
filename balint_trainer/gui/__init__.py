"""Qt desktop interface. Widgets are thin: domain logic lives in core and services."""
