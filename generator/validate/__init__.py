"""Stage 2: check content and layouts, collecting every problem before failing."""
