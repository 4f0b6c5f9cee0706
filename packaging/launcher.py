"""Entry point of the frozen app: the same as the ``balint-trainer`` command."""

import sys

from balint_trainer.cli import main

if __name__ == "__main__":
    if "--multiprocessing-fork" in sys.argv:  # a worker of ``validate --jobs N`` in the frozen app
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
