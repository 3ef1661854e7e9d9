"""What every stage shares: user errors and their places, messages in two languages, page
geometry, the render cache, the text markup of the YAML, and where a project keeps its files."""
