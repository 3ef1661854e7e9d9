"""Stage 1: read the user's YAML files safely, keeping line numbers for messages."""
