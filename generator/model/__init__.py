"""What the content is, as typed data: a deck and its cards, a poster, a layout, the names
an editor reads for them, and the product kinds (product_kinds.py) that say what each makes."""
