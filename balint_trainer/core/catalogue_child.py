"""The child process of a library's first load, run as ``python -m balint_trainer.core.catalogue_child``
(by :mod:`balint_trainer.core.catalogue_children`, which puts this package first on the path).

Parsing thousands of scenario files holds the GIL; in the app's own process that stalls the UI
thread (every paint calls into Python). So the GUI's first load hands its cache misses to
children (see :mod:`balint_trainer.core.catalogue_children`), which run this.

Protocol, lines both ways: stdin ``[index, path]`` (JSON) per file; stdout ``index<TAB>record``
per file, in the order received, where ``record`` is the catalogue cache's index entry for the file
as JSON (kept as text by the parent, so its index is saved without encoding it again)
(:func:`~balint_trainer.core.catalogue_cache.parse_record`), or null when the parent must load
the file itself (a file the cache does not keep, or anything at all that failed: the parent's
own load then reports it exactly as an in-process load does). The child exits at the end of
stdin, or when the parent is gone. Nothing is kept per file; no Qt, only the validator imported.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

# Below the app's priority: the window, painting the rows these produce, must get a core at once
# when it needs one (on 2 cores, two children at normal priority doubled the longest stall of the
# event loop, 209 vs 109 ms, medians of 5 paired first loads of 1,000 files), while the children
# still have every cycle the window leaves idle. The cost: other programs busy on the same cores
# come first too (in those runs, on a busy machine, 10.1 vs 8.1 s). (Windows: BELOW_NORMAL.)
NICENESS = 10


def main() -> int:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
    from balint_trainer.core.catalogue_cache import parse_record

    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        try:
            index, path = json.loads(line)
        except (ValueError, TypeError):
            return 2  # not our parent speaking
        try:
            record = parse_record(str(path))
        except Exception:  # one bad file never stops the others; the parent redoes it
            record = None
        try:
            # ASCII escapes: a lone surrogate from a YAML escape survives the pipe.
            text = json.dumps(record, separators=(",", ":"))
            out.write(f"{int(index)}\t{text}\n".encode("ascii"))
            out.flush()
        except (OSError, ValueError):  # the parent went away (broken pipe)
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
