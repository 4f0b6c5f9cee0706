from balint_trainer.cli import main

raise SystemExit(main())
