"""Editors and translators in their own tools: the printed texts as a workbook and as a
translation exchange file, and what comes back written into the YAML, checked as a build
checks it."""
