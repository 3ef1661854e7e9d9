"""Running the pipeline: a build (pipeline.py) from load to write, the worker that makes the
screen products beside it, and the revision commands (changes, release) that build first."""
