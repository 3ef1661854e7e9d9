"""The pictures an <image> element draws: found inside the layout's folder, read with Pillow,
and made ready for the document's colour model.

Print files are PDF/X-1a: CMYK only and no transparency. So an image is flattened onto white
and, for print, converted to CMYK by the inverse of the screen conversion (render/colors.py)
with all grey in black (a grey or black logo prints in K only, never as a three-colour black);
for screens it is RGB. The same file always gives the same pixels, so the same PDF bytes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image as Pillow
from PIL import ImageChops, ImageMath, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from generator.core.errors import Location, fail
from generator.core.i18n import _

FORMATS = ("PNG", "JPEG")
WHITE = (255, 255, 255, 255)


def image_file(folder: Path, src: str, template: Path) -> Path:
    """The file `src` names, relative to the layout's folder, or an error naming the template:
    it must resolve inside that folder and exist."""
    path = folder / src
    if not src or Path(src).is_absolute() or not path.resolve().is_relative_to(folder.resolve()):
        raise fail(
            Location(template),
            _("<image> src '{src}' is outside the layout's folder {folder}").format(
                src=src, folder=folder
            ),
            _(
                "put the image in the layout's folder and give its path from there, "
                "such as {example}"
            ).format(example="images/logo.png"),
        )
    if not path.is_file():
        raise fail(
            Location(template),
            _("<image> src '{src}': there is no such file in {folder}").format(
                src=src, folder=folder
            ),
            _("check the file name, or put the image at {path}").format(path=path),
        )
    return path


def check_image(path: Path, src: str, template: Path) -> None:
    """An error naming the template and the file unless Pillow reads it as PNG or JPEG."""
    _decoded(path, _digest(path), src, template)


def image_keys(xml: str, folder: Path) -> tuple[tuple[str, str], ...]:
    """The src and a hash of the bytes of each image a face's draw list shows (for its cache
    key: a changed file is a new drawing). A src that is not a file is left to parse_face."""
    if "<image" not in xml:
        return ()
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return ()
    keys = []
    for node in root.iter("image"):
        src = node.get("src", "")
        path = folder / src
        if src and path.resolve().is_relative_to(folder.resolve()) and path.is_file():
            keys.append((src, _digest(path)))
    return tuple(keys)


def image_reader(path: Path, src: str, template: Path, color_model: str) -> ImageReader:
    """The image ready to draw: flattened onto white, in CMYK for print, RGB for screens."""
    return ImageReader(_converted(path, _digest(path), src, template, color_model))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=32)
def _decoded(path: Path, digest: str, src: str, template: Path) -> Pillow.Image:
    """The file's pixels (digest: of its bytes, so a changed file is read again)."""
    try:
        with Pillow.open(path, formats=FORMATS) as image:
            image.load()
            return image
    except (UnidentifiedImageError, OSError, ValueError, Pillow.DecompressionBombError) as error:
        raise fail(
            Location(template),
            _("<image> src '{src}' is not a PNG or JPEG image that can be read ({error})").format(
                src=src, error=error
            ),
            _("save {path} as PNG or JPEG").format(path=path),
        ) from None


@lru_cache(maxsize=32)
def _converted(path: Path, digest: str, src: str, template: Path, color_model: str) -> Pillow.Image:
    image = _decoded(path, digest, src, template)
    if image.mode == "CMYK":
        return image if color_model == "cmyk" else _cmyk_to_rgb(image)
    flat = Pillow.new("RGBA", image.size, WHITE)
    flat.alpha_composite(image.convert("RGBA"))
    rgb = flat.convert("RGB")
    return _rgb_to_cmyk(rgb) if color_model == "cmyk" else rgb


def _rgb_to_cmyk(image: Pillow.Image) -> Pillow.Image:
    """k = 1 - max(r, g, b), c = (max - r) / max and so on: screen_rgb's inverse, rounded."""
    red, green, blue = image.split()
    most = ImageChops.lighter(ImageChops.lighter(red, green), blue)

    def share(channel: Pillow.Image) -> Pillow.Image:
        # (m - x) * 255 / m in whole numbers, rounded; a black pixel (m = 0) gives 0
        formula = lambda a: ((a["m"] - a["x"]) * 510 + a["m"]) / (a["m"] * 2)  # noqa: E731
        return ImageMath.lambda_eval(formula, m=most, x=channel).convert("L")

    inks = (share(red), share(green), share(blue), ImageChops.invert(most))
    return Pillow.merge("CMYK", inks)


def _cmyk_to_rgb(image: Pillow.Image) -> Pillow.Image:
    """r = (1 - c)(1 - k) and so on: the screen conversion of render/colors.py."""
    cyan, magenta, yellow, black = (ImageChops.invert(band) for band in image.split())
    return Pillow.merge(
        "RGB", [ImageChops.multiply(band, black) for band in (cyan, magenta, yellow)]
    )
