"""Crash-safe file writing shared by packs, attempt bundles and the scenario editor."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, *, keep_mode: bool = True) -> None:
    """Write ``data`` so that a crash leaves either the old or the new file, never half of one.

    The temporary file lives in the target's folder, so ``os.replace`` stays on one
    filesystem and is atomic. With ``keep_mode`` an existing file's permission bits
    survive the replacement (mkstemp would otherwise leave 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_mode and path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
