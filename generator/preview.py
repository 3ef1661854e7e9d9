"""PNG previews of built PDFs, for looking at cards and for the README."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from PIL import Image

from generator.write.atomic import write_atomically

DEFAULT_DPI = 100
GUTTER_PX = 12
BACKGROUND = "#8a8f98"


def page_images(pdf: Path, dpi: int = DEFAULT_DPI) -> list[bytes]:
    """Every page of a PDF as PNG bytes."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().save(buffer, format="PNG", optimize=True)
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()


def contact_sheet(pages: list[bytes]) -> bytes:
    """Fronts (odd pages) in the top row, each back below its front."""
    images = [Image.open(io.BytesIO(page)) for page in pages]
    width, height = images[0].size
    columns = (len(images) + 1) // 2
    sheet = Image.new(
        "RGB",
        (columns * (width + GUTTER_PX) + GUTTER_PX, 2 * (height + GUTTER_PX) + GUTTER_PX),
        BACKGROUND,
    )
    for index, image in enumerate(images):
        column, row = divmod(index, 2)
        sheet.paste(
            image,
            (GUTTER_PX + column * (width + GUTTER_PX), GUTTER_PX + row * (height + GUTTER_PX)),
        )
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_previews(pdfs: list[Path], folder: Path, dpi: int = DEFAULT_DPI) -> list[Path]:
    """One PNG per page and a contact sheet per PDF; returns the files written."""
    outputs = {}
    for pdf in pdfs:
        pages = page_images(pdf, dpi)
        for number, image in enumerate(pages, start=1):
            outputs[folder / f"{pdf.stem}-{number:02d}.png"] = image
        outputs[folder / f"{pdf.stem}-contact.png"] = contact_sheet(pages)
    write_atomically(outputs)
    return sorted(outputs)
