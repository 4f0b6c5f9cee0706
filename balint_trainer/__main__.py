from balint_trainer.cli import main

if __name__ == "__main__":  # not when a worker process (validate --jobs) imports it as __mp_main__
    raise SystemExit(main())
