"""What a revision leaves behind: the manifest of printed texts, the release record, the
changes between two states, the order note for the print shop and translations that drifted."""
