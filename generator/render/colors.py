"""A layout's CMYK colours as screens show them: the conversion every screen product shares."""

from __future__ import annotations

from generator.model.layout import Cmyk

Rgb = tuple[float, float, float]  # each 0..1


def screen_rgb(cmyk: Cmyk) -> Rgb:
    """The naive device conversion ReportLab uses for its RGB files too."""
    c, m, y, k = cmyk
    return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)


def hex_color(cmyk: Cmyk) -> str:
    """'#rrggbb' for CSS."""
    return "#" + "".join(f"{round(v * 255):02x}" for v in screen_rgb(cmyk))


def relative_luminance(rgb: Rgb) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(v: float) -> float:
        v = round(v * 255) / 255  # as CSS gives it: whole steps of 1/255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Rgb, b: Rgb) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
