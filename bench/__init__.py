"""`python -m bench`: build-time, memory and file-size measurements of the generator (issue 8)."""
