"""Stage 4: place rendered faces on office sheets, with crop marks and duplex backs."""
