"""The command line: the commands (main.py), their options, what the terminal shows, the
new-project starter and the message catalogue compiler."""
