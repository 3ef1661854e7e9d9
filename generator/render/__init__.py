"""Stage 3: lay out each card face through its Jinja template and draw it with ReportLab."""
