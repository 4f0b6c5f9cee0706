"""The LRS password in the system keyring (Secret Service, macOS Keychain, Windows Credential
Locker) through the ``keyring`` package — never in the database or the settings file.

Without a usable backend (a headless session, no Secret Service), :func:`keyring_available` is
False and the GUI asks once per session and keeps the password in memory only. Finding the
backend takes ~0.5 s: call these off the UI thread.
"""

from __future__ import annotations

from typing import Any

SERVICE = "Balint Trainer LRS"


def _backend() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    if hasattr(backend, "backends") and not backend.backends:  # chainer with nothing behind it
        return None
    return backend


def _account(endpoint: str, username: str) -> str:
    return f"{username}@{endpoint}"


def keyring_available() -> bool:
    return _backend() is not None


def load_password(endpoint: str, username: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        value = backend.get_password(SERVICE, _account(endpoint, username))
    except Exception:  # locked, refused by the user, D-Bus gone
        return None
    return str(value) if value else None


def save_password(endpoint: str, username: str, password: str) -> bool:
    """True when the keyring now holds it; False: keep it in memory for this session only."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(endpoint, username), password)
    except Exception:
        return False
    return True


def delete_password(endpoint: str, username: str) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(endpoint, username))
    except Exception:  # nothing stored, or the keyring refused: nothing to undo
        return
