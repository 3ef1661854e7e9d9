"""`serve`: every card and poster on one page at http://127.0.0.1:8765, kept up to date.

- run.py: the command; build, start the server, follow every save (watchfiles)
- terminal.py: what the command checks and says on the terminal
- desk.py: one update; build through the watch engine, draw pictures, publish
- listing.py: what the page shows, from the manifest of the last good build
- fingerprint.py: a digest of what each page of a PDF draws
- pictures.py: PNGs of the print files' pages; only pages that draw something new are drawn
- page.py: the page and its products' part, from templates/ (Jinja, autoescaped)
- feed.py: the numbered versions every open page waits for (server-sent events)
- server.py: the HTTP server; loopback, GET and HEAD, the page, its assets, output/
"""
