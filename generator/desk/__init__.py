"""The live desk: rebuild on every save (watch.py), preview pictures (preview.py) and the
page in the browser (serve/)."""
