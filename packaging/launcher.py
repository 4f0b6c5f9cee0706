"""Entry point of the frozen app: the same as the ``balint-trainer`` command."""

from balint_trainer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
