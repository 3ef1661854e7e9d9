"""`check`: a preflight for any PDF, ours or not: what a print shop would call about."""
