"""Loading the library off the UI thread: rows stream into the table as files are read.

A first start (or one after the validator changed) parses every file, in child processes
(core/catalogue_children), while the window stays responsive and the table fills in
batches with a progress bar. A warm start reads the catalogue cache on the same worker
and starts no child.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from balint_trainer.gui.switch_interval import short_switch_interval
from balint_trainer.gui.worker import CancelToken, Worker

if TYPE_CHECKING:
    from balint_trainer.core.catalogue import CatalogueEntry
    from balint_trainer.gui.practice.library import LibraryView


STREAM_INTERVAL_S = 0.25
PROGRESS_INTERVAL_S = 0.1
# How long a load may keep the garbage collector paused (see LibraryLoader.freeze_what_is_read).
GC_PAUSE_LIMIT_S = 1.0


class LibraryLoader(QObject):
    """One load of the library on a worker thread; its results come back as signals.

    ``batch`` carries new entries (shown at once on a first load), ``progress`` the files
    done and the total, ``finished`` the complete sorted library, ``failed`` the error of
    the folder walk itself (each file's own problems are entries).
    """

    # Set by the app (gui/app.py, with its gc.freeze() of start-up's objects), never in tests, which
    # rely on gc.collect() finding their cycles. A warm read of 10,000 files makes ~40,000 objects in
    # 0.2 s, none of them garbage, and the collector walked them twice (young, then middle
    # generation), holding the GIL: ~15 ms of a warm start (paired runs). So the collector waits
    # while the read is quick (GC_PAUSE_LIMIT_S at most: a first load collects as usual) and what
    # it read is then frozen, as the app freezes what lives as long as it does.
    # The next load only (start-up's): taken and cleared when a loader is made. A later reload
    # (editor saved, pack imported, F5) collects as usual: ``gc.freeze()`` then would keep for
    # good every cycle alive at that moment that later becomes garbage (a closed editor's).
    freeze_what_is_read = False

    batch = Signal(object)  # list[CatalogueEntry]
    progress = Signal(int, int)
    finished = Signal(object)  # list[CatalogueEntry]
    failed = Signal(object)  # the exception

    def __init__(
        self,
        extra_dirs: Iterable[Path],
        *,
        include_bundled: bool = True,
        batch_size: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._extra_dirs = list(extra_dirs)
        self._include_bundled = include_bundled
        self._batch_size = batch_size
        self._worker: Worker[list[CatalogueEntry] | None] = Worker(self._work, self)
        # The worker's signals come on the UI thread; the thread never touches this object.
        self._worker.partial.connect(self.batch)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self.failed)
        self.cancelled = False
        self._freeze_what_is_read = LibraryLoader.freeze_what_is_read
        LibraryLoader.freeze_what_is_read = False

    def start(self) -> LibraryLoader:
        self._worker.start()
        return self

    def cancel(self) -> None:
        """Stop soon and deliver nothing more (a newer load replaces this one)."""
        self.cancelled = True
        self._worker.cancel()

    def is_running(self) -> bool:
        return self._worker.is_running()

    def _work(self, token: CancelToken) -> list[CatalogueEntry] | None:
        from balint_trainer.core.catalogue import CatalogueLoad

        # Cache misses are parsed in child processes: parsing here would hold the GIL the UI
        # thread needs to paint. The load polls the token, so Cancel (and stop_workers at quit)
        # ends the children within ~50 ms.
        load = CatalogueLoad(self._extra_dirs, include_bundled=self._include_bundled, parse_in_children=True)
        # Rows go to the table at most every STREAM_INTERVAL_S: each insertion makes the table
        # call into Python for every new row (filter) and visible cell while this thread runs
        # Python too. A warm start (the cache: 10,000 files in about half a second) then fills
        # the table once or a few times instead of a hundred; a first load still streams.
        pending: list[CatalogueEntry] = []
        last = time.monotonic()
        reported = last - PROGRESS_INTERVAL_S  # the first batch shows at once
        pause = _CollectorPause(self._freeze_what_is_read)

        def cancelled() -> bool:
            pause.check()  # polled all along the read, also while a first load waits for children
            return token.cancelled()

        try:
            with short_switch_interval():  # shared with the database's opening: one counter
                for batch in load.batches(self._batch_size, cancelled=cancelled):
                    pending.extend(batch.entries)
                    now = time.monotonic()
                    if pending and now - last >= STREAM_INTERVAL_S:
                        token.partial(pending)  # to ``batch``, on the UI thread
                        pending, last = [], now
                    # Progress as often as the eye follows it: a warm start reads a batch in about
                    # 3 ms, and each report makes the UI thread run Python and repaint the bar.
                    if now - reported >= PROGRESS_INTERVAL_S or batch.done >= batch.total:
                        token.report(batch.done, batch.total)
                        reported = now
                    time.sleep(0)  # let the UI thread have the GIL between batches
        finally:
            pause.end(freeze=load.finished)
        # What is still pending comes with ``finished``, the complete list.
        return load.entries if load.finished else None

    def _done(self, entries: object) -> None:
        if not self.cancelled and entries is not None:
            self.finished.emit(entries)
        self.deleteLater()


class _CollectorPause:
    """The garbage collector paused for a quick read (see LibraryLoader.freeze_what_is_read): on
    for good once GC_PAUSE_LIMIT_S has passed (a first load), frozen-then-on if the read ended
    within it. Used on the loader's thread only."""

    def __init__(self, wanted: bool) -> None:
        self.paused = wanted and gc.isenabled()
        self.started = time.monotonic()
        if self.paused:
            gc.disable()

    def check(self) -> None:
        if self.paused and time.monotonic() - self.started >= GC_PAUSE_LIMIT_S:
            gc.enable()
            self.paused = False

    def end(self, *, freeze: bool) -> None:
        if self.paused:
            if freeze:
                gc.freeze()
            gc.enable()
            self.paused = False


def load_into(
    view: LibraryView,
    extra_dirs: Iterable[Path],
    *,
    include_bundled: bool,
    on_finished: Callable[[list[CatalogueEntry]], Any],
    on_failed: Callable[[BaseException], Any],
    batch_size: int = 100,
) -> LibraryLoader:
    """Load the library into ``view`` off the UI thread; any load still running is cancelled.

    On a first load the rows stream in as they are read; a reload keeps the current rows
    until the new list is complete (no flicker, the selection stays). ``on_finished``
    receives the complete sorted library after the view shows it.
    """
    previous = getattr(view, "_loader", None)
    if previous is not None:
        previous.cancel()
    loader = LibraryLoader(extra_dirs, include_bundled=include_bundled, batch_size=batch_size, parent=view)
    view._loader = loader  # type: ignore[attr-defined]
    streaming = view.model.rowCount() == 0
    view.begin_loading()

    def batch(entries: object) -> None:
        if streaming and not loader.cancelled:
            view.append_entries(entries)  # type: ignore[arg-type]

    def progress(done: int, total: int) -> None:
        if not loader.cancelled:
            view.set_load_progress(done, total)

    def finished(entries: object) -> None:
        view._loader = None  # type: ignore[attr-defined]
        view.set_entries(entries)  # type: ignore[arg-type]
        on_finished(entries)  # type: ignore[arg-type]

    def failed(error: object) -> None:
        if loader.cancelled:
            return
        view._loader = None  # type: ignore[attr-defined]
        view.set_entries([])
        on_failed(error if isinstance(error, BaseException) else RuntimeError(str(error)))

    loader.batch.connect(batch)
    loader.progress.connect(progress)
    loader.finished.connect(finished)
    loader.failed.connect(failed)
    return loader.start()
