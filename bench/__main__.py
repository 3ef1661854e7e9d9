"""Entry point: `python -m bench [--quick] [--strict]`."""

from bench.run import main

raise SystemExit(main())
