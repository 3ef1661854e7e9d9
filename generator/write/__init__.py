"""Stage 5: write outputs so that a failed build never leaves a half-written file."""
