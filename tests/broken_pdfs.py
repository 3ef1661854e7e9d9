"""Deliberate mistakes a print-shop preflight must catch, made in a good print file.

Each breaker mutates an open, good PDF/X-1a print file (one A6 card face per page) in
place. The caller saves it with `pdf.save(path, **SAVE_OPTIONS.get(case, {}))`, then, if
the case has one, rewrites the saved bytes with `POST_SAVE[case]`, and runs the preflight.
An empty expected rule id means the file must pass: the case is allowed in PDF/X-1a.

Drawing is added to page 1 in a stream of its own, wrapped in `q … Q`, in the middle of the
card unless the case is about where it is. Images are drawn at 360 ppi, so that only the
case about resolution is short of pixels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

MM = Decimal(72) / Decimal("25.4")
IMAGE_PPI = 360  # comfortably above the 300 ppi a print file needs
MIDDLE = (157, 218)  # about the middle of an A6 face with bleed, in points
BOX = b"127 198 60 40 re f"  # a filled rectangle in the middle of page 1


# Helpers


def _page1(pdf: pikepdf.Pdf) -> pikepdf.Page:
    return pdf.pages[0]


def _draw(
    pdf: pikepdf.Pdf,
    content: bytes,
    resources: Mapping[Name, Mapping[str, pikepdf.Object]] | None = None,
) -> pikepdf.Page:
    """Append `q content Q` to page 1, after its own content, with the resources it names.

    resources maps a resource type (Name.XObject, Name.ExtGState, …) to {key: object}.
    The page's own content is wrapped in q … Q first, so the added drawing starts from the
    page's default graphics state whatever the page leaves behind.
    """
    page = _page1(pdf)
    if resources and Name.Resources not in page.obj:
        page.obj.Resources = Dictionary()
    for kind, entries in (resources or {}).items():
        if kind not in page.obj.Resources:
            page.obj.Resources[kind] = Dictionary()
        for key, obj in entries.items():
            page.obj.Resources[kind][Name("/" + key)] = obj
    page.contents_add(Stream(pdf, b"q\n"), prepend=True)
    page.contents_add(Stream(pdf, b"Q\n"), prepend=False)
    page.contents_add(Stream(pdf, b"q\n" + content.strip() + b"\nQ\n"), prepend=False)
    return page


def _form(
    pdf: pikepdf.Pdf,
    content: bytes,
    bbox: list[float] | None = None,
    resources: pikepdf.Dictionary | None = None,
    **extra: pikepdf.Object,
) -> pikepdf.Stream:
    """A form XObject; its BBox is page 1's MediaBox unless given."""
    form = Stream(pdf, content)
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.BBox = Array(bbox) if bbox is not None else Array(list(_page1(pdf).obj.MediaBox))
    form.Resources = resources if resources is not None else Dictionary()
    for key, value in extra.items():
        form[Name("/" + key)] = value
    return form


def _image(
    pdf: pikepdf.Pdf, size: int, space: Name, pixel: bytes, **extra: pikepdf.Object
) -> pikepdf.Stream:
    """A square image XObject of size × size pixels, every pixel the same bytes."""
    image = Stream(pdf, pixel * (size * size))
    image.Type = Name.XObject
    image.Subtype = Name.Image
    image.Width = size
    image.Height = size
    image.ColorSpace = space
    image.BitsPerComponent = 8
    for key, value in extra.items():
        image[Name("/" + key)] = value
    return image


def _placed(paint: bytes, pixels: int, ppi: float = IMAGE_PPI) -> bytes:
    """Content that paints a square image (`/Name Do` or an inline image) of `pixels` pixels
    a side in the middle of page 1 at `ppi`."""
    side = pixels * 72 / ppi
    x, y = MIDDLE[0] - side / 2, MIDDLE[1] - side / 2
    return f"{side:.4f} 0 0 {side:.4f} {x:.4f} {y:.4f} cm ".encode() + paint


def _font(pdf: pikepdf.Pdf) -> str:
    """The key of a font page 1 uses (all embedded in the good file); from a form if need be."""
    page = _page1(pdf)
    fonts = page.obj.get(Name.Resources, Dictionary()).get(Name.Font, Dictionary())
    if fonts.keys():
        return sorted(fonts.keys())[0].lstrip("/")
    found = _font_in_forms(page.obj.get(Name.Resources, Dictionary()), depth=0)
    if found is None:
        raise ValueError("page 1 uses no font to write with")
    page.add_resource(found, Name.Font, Name("/BrkFont"))
    return "BrkFont"


def _font_in_forms(resources: pikepdf.Dictionary, depth: int) -> pikepdf.Object | None:
    if depth > 8:
        return None
    for xobject in resources.get(Name.XObject, Dictionary()).values():
        if xobject.get(Name.Subtype) != Name.Form:
            continue
        inner = xobject.get(Name.Resources, Dictionary())
        for font in inner.get(Name.Font, Dictionary()).values():
            return font
        found = _font_in_forms(inner, depth + 1)
        if found is not None:
            return found
    return None


def _text(pdf: pikepdf.Pdf, colour: bytes, size: float, x: float, y: float) -> pikepdf.Page:
    """Draw a word in a font of page 1, at `size` points, its baseline starting at x, y."""
    font = _font(pdf)
    return _draw(pdf, colour + f" BT /{font} {size:g} Tf {x:g} {y:g} Td (doen we) Tj ET".encode())


def _annotate(pdf: pikepdf.Pdf, annotation: pikepdf.Dictionary) -> None:
    """Add an annotation to page 1's /Annots."""
    page = _page1(pdf).obj
    annotation.Type = Name.Annot
    annotation.P = page
    if Name.Annots not in page:
        page.Annots = Array()
    page.Annots.append(pdf.make_indirect(annotation))


def _grow(box: pikepdf.Array, by: Decimal) -> Array:
    x0, y0, x1, y1 = (Decimal(str(v)) for v in box)
    return Array([x0 - by, y0 - by, x1 + by, y1 + by])


def _rgb_function() -> Dictionary:
    return Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 0, 0], C1=[0, 0, 1], N=1)


# Document info and PDF/X marks


def version_nonsense(pdf: pikepdf.Pdf) -> None:
    """GTS_PDFXVersion names a PDF/X version that does not exist (PDF/X-1:2003)."""
    pdf.docinfo[Name.GTS_PDFXVersion] = String("PDF/X-1:2003")


def version_missing(pdf: pikepdf.Pdf) -> None:
    """No GTS_PDFXVersion in the document info."""
    del pdf.docinfo[Name.GTS_PDFXVersion]


def version_x4(pdf: pikepdf.Pdf) -> None:
    """Marked PDF/X-4 instead of PDF/X-1a."""
    pdf.docinfo[Name.GTS_PDFXVersion] = String("PDF/X-4")


def title_missing(pdf: pikepdf.Pdf) -> None:
    """No /Title in the document info."""
    del pdf.docinfo[Name.Title]


def dates_missing(pdf: pikepdf.Pdf) -> None:
    """No CreationDate and no ModDate in the document info."""
    del pdf.docinfo[Name.CreationDate]
    del pdf.docinfo[Name.ModDate]


def date_without_zone(pdf: pikepdf.Pdf) -> None:
    """CreationDate without a time zone."""
    pdf.docinfo[Name.CreationDate] = String("D:20261123120000")


def trapped_unknown(pdf: pikepdf.Pdf) -> None:
    """Trapped is /Unknown instead of True or False."""
    pdf.docinfo[Name.Trapped] = Name.Unknown


def no_trailer_id(pdf: pikepdf.Pdf) -> None:
    """No /ID in the trailer (qpdf always writes one: POST_SAVE takes it out again)."""
    if Name.ID in pdf.trailer:
        del pdf.trailer[Name.ID]


# The /ID entry of a classic trailer dictionary: group 1 is what comes before it.
_TRAILER_ID = re.compile(
    rb"(trailer\s*<<(?:(?!startxref).)*?)(/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])",
    re.DOTALL,
)


def _drop_trailer_id(data: bytes) -> bytes:
    """The saved file with the trailer's /ID blanked out by spaces (so no offset moves)."""
    blanked, count = _TRAILER_ID.subn(lambda m: m[1] + b" " * len(m[2]), data)
    if not count:
        raise ValueError("no /ID in a classic trailer: save with object streams disabled")
    return blanked


def pdf_version_15(pdf: pikepdf.Pdf) -> None:
    """The catalog's /Version says PDF 1.5 (the header stays 1.4), newer than PDF/X-1a allows."""
    pdf.Root.Version = Name("/1.5")


# Output intent


def intent_missing(pdf: pikepdf.Pdf) -> None:
    """No output intent."""
    del pdf.Root.OutputIntents


def _intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return next(i for i in pdf.Root.OutputIntents if i.get(Name.S) == Name.GTS_PDFX)


def intent_unregistered(pdf: pikepdf.Pdf) -> None:
    """An unregistered printing condition with neither RegistryName nor an ICC profile."""
    intent = _intent(pdf)
    intent.OutputConditionIdentifier = String("Our press, our paper")
    for key in (Name.RegistryName, Name.DestOutputProfile):
        if key in intent:
            del intent[key]


def intent_no_identifier(pdf: pikepdf.Pdf) -> None:
    """The output intent has no OutputConditionIdentifier."""
    del _intent(pdf).OutputConditionIdentifier


# Page boxes and bleed


def no_trimbox(pdf: pikepdf.Pdf) -> None:
    """Page 1 has neither TrimBox nor ArtBox."""
    page = _page1(pdf).obj
    for key in (Name.TrimBox, Name.ArtBox):
        if key in page:
            del page[key]


def trim_and_art(pdf: pikepdf.Pdf) -> None:
    """Page 1 has both a TrimBox and an ArtBox (PDF/X allows only one of them)."""
    page = _page1(pdf).obj
    page.ArtBox = Array(list(page.TrimBox))


def trim_outside_bleed(pdf: pikepdf.Pdf) -> None:
    """Page 1's TrimBox starts 5 pt left of its BleedBox (the MediaBox grown to hold both)."""
    page = _page1(pdf).obj
    bleed = [Decimal(str(v)) for v in page.get(Name.BleedBox, page.MediaBox)]
    if Name.BleedBox not in page:
        page.BleedBox = Array(bleed)
    trim = [Decimal(str(v)) for v in page.TrimBox]
    page.TrimBox = Array([bleed[0] - 5, *trim[1:]])  # only the left edge: the text stays safe
    media = [Decimal(str(v)) for v in page.MediaBox]
    page.MediaBox = Array([min(media[0], bleed[0] - 20), *media[1:]])


def bleed_short(pdf: pikepdf.Pdf) -> None:
    """Page 1's BleedBox and MediaBox reach only 1 mm beyond the trim."""
    page = _page1(pdf).obj
    page.BleedBox = _grow(page.TrimBox, MM)
    page.MediaBox = _grow(page.TrimBox, MM)


# Transparency


def extgstate_alpha(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled at 50 % opacity in Multiply blend mode."""
    state = Dictionary(Type=Name.ExtGState, ca=0.5, BM=Name.Multiply)
    _draw(pdf, b"/BrkGS gs 0 0.6 0.2 0 k " + BOX, {Name.ExtGState: {"BrkGS": state}})


def extgstate_smask(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled through a luminosity soft mask."""
    group = Dictionary(Type=Name.Group, S=Name.Transparency, CS=Name.DeviceGray)
    mask = _form(pdf, b"0.5 g 0 0 400 500 re f", Group=group)
    soft = Dictionary(Type=Name.Mask, S=Name.Luminosity, G=mask)
    state = Dictionary(Type=Name.ExtGState, SMask=soft)
    _draw(pdf, b"/BrkGS gs 0.6 0 0.2 0 k " + BOX, {Name.ExtGState: {"BrkGS": state}})


def image_smask(pdf: pikepdf.Pdf) -> None:
    """A CMYK image with a soft mask (/SMask, an 8 × 8 DeviceGray image)."""
    mask = _image(pdf, 8, Name.DeviceGray, b"\x80")
    image = _image(pdf, 8, Name.DeviceCMYK, b"\x00\xa0\xff\x00", SMask=mask)
    _draw(pdf, _placed(b"/BrkIm Do", 8), {Name.XObject: {"BrkIm": image}})


def transparency_group(pdf: pikepdf.Pdf) -> None:
    """Page 1 is a transparency group."""
    _page1(pdf).obj.Group = Dictionary(Type=Name.Group, S=Name.Transparency, CS=Name.DeviceCMYK)


# Colour


def rgb_content(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled in DeviceRGB with rg."""
    _draw(pdf, b"0.2 0.4 0.8 rg " + BOX)


def rgb_image(pdf: pikepdf.Pdf) -> None:
    """An 8 × 8 DeviceRGB image."""
    image = _image(pdf, 8, Name.DeviceRGB, b"\xe0\x40\x20")
    _draw(pdf, _placed(b"/BrkIm Do", 8), {Name.XObject: {"BrkIm": image}})


def rgb_inline_image(pdf: pikepdf.Pdf) -> None:
    """A 2 × 2 inline image in RGB (/CS /RGB)."""
    pixels = b"\xcc\x33\x33\x33\xcc\x33\x33\x33\xcc\xcc\xcc\x33"
    image = b"BI /W 2 /H 2 /CS /RGB /BPC 8 ID " + pixels + b" EI"
    _draw(pdf, _placed(image, 2))


def _show_type3_glyph(pdf: pikepdf.Pdf, procedure: bytes, resources: Dictionary) -> None:
    """Text on page 1 in a Type3 font of one glyph (/a) that `procedure` draws."""
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.Type3,
        FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[Decimal("0.001"), 0, 0, Decimal("0.001"), 0, 0],
        CharProcs=Dictionary(a=Stream(pdf, procedure)),
        Encoding=Dictionary(Type=Name.Encoding, Differences=[97, Name.a]),
        FirstChar=97,
        LastChar=97,
        Widths=[1000],
        Resources=resources,
    )
    _draw(
        pdf,
        b"BT /BrkT3 24 Tf 100 200 Td (a) Tj ET",
        {Name.Font: {"BrkT3": pdf.make_indirect(font)}},
    )


def rgb_type3_glyph(pdf: pikepdf.Pdf) -> None:
    """A Type3 font whose glyph paints itself red in RGB (1 0 0 rg after d0)."""
    _show_type3_glyph(pdf, b"1000 0 d0 1 0 0 rg 0 0 800 800 re f", Dictionary())


def rgb_shading(pdf: pikepdf.Pdf) -> None:
    """An axial shading in DeviceRGB, painted with sh inside a clip."""
    shading = Dictionary(
        ShadingType=2,
        ColorSpace=Name.DeviceRGB,
        Coords=[127, 218, 187, 218],
        Function=_rgb_function(),
        Extend=[True, True],
    )
    _draw(
        pdf,
        b"127 198 60 40 re W n /BrkSh sh",
        {Name.Shading: {"BrkSh": pdf.make_indirect(shading)}},
    )


def rgb_in_form(pdf: pikepdf.Pdf) -> None:
    """A green RGB stroke (0 1 0 RG) in a form drawn from inside another form."""
    inner = _form(pdf, b"0 1 0 RG 2 w 127 198 m 187 238 l S")
    outer = _form(pdf, b"/BrkInner Do", resources=Dictionary(XObject=Dictionary(BrkInner=inner)))
    _draw(pdf, b"/BrkOuter Do", {Name.XObject: {"BrkOuter": outer}})


def _fill_with_pattern(pdf: pikepdf.Pdf, cell: bytes) -> None:
    """A rectangle filled with a coloured tiling pattern whose 10 pt cell draws `cell`."""
    pattern = Stream(pdf, cell)
    pattern.Type = Name.Pattern
    pattern.PatternType = 1
    pattern.PaintType = 1
    pattern.TilingType = 1
    pattern.BBox = [0, 0, 10, 10]
    pattern.XStep = 10
    pattern.YStep = 10
    pattern.Resources = Dictionary()
    _draw(pdf, b"/Pattern cs /P0 scn " + BOX, {Name.Pattern: {"P0": pattern}})


def rgb_pattern(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled with a coloured tiling pattern whose cell paints in RGB."""
    _fill_with_pattern(pdf, b"1 0 0 rg 0 0 5 5 re f 0 0 1 rg 5 5 5 5 re f")


def ink_in_pattern(pdf: pikepdf.Pdf) -> None:
    """A tiling pattern whose cell is filled with 360 % ink."""
    _fill_with_pattern(pdf, b"0.9 0.9 0.9 0.9 k 0 0 10 10 re f")


def white_overprint_in_glyph(pdf: pikepdf.Pdf) -> None:
    """A Type3 glyph that paints itself white with overprint on (d0: the glyph has its
    own colour)."""
    state = pdf.make_indirect(Dictionary(Type=Name.ExtGState, op=True, OPM=1))
    procedure = b"1000 0 d0 /Op gs 0 0 0 0 k 0 0 800 800 re f"
    _show_type3_glyph(pdf, procedure, Dictionary(ExtGState=Dictionary(Op=state)))


def transfer_function(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled under a transfer function (TR), which a RIP applies its own of."""
    curve = Dictionary(FunctionType=2, Domain=[0, 1], C0=[0], C1=[1], N=Decimal("0.8"))
    state = Dictionary(Type=Name.ExtGState, TR=curve)
    _draw(pdf, b"/BrkGS gs 0 0.6 0.2 0 k " + BOX, {Name.ExtGState: {"BrkGS": state}})


def two_intents(pdf: pikepdf.Pdf) -> None:
    """Two GTS_PDFX output intents, where PDF/X allows one."""
    first = _intent(pdf)
    second = Dictionary({key: value for key, value in first.items()})
    pdf.Root.OutputIntents = Array([first, second])


def intent_rgb_profile(pdf: pikepdf.Pdf) -> None:
    """An output intent whose embedded profile has three channels (RGB), not CMYK."""
    _intent(pdf).DestOutputProfile = pdf.make_stream(b"not a real profile", N=3)


def intent_garbled_profile(pdf: pikepdf.Pdf) -> None:
    """An embedded profile whose channel count is a name: read, not crashed on."""
    _intent(pdf).DestOutputProfile = pdf.make_stream(b"not a real profile", N=Name.Four)


def rgb_annotation_appearance(pdf: pikepdf.Pdf) -> None:
    """A PrinterMark outside the BleedBox (MediaBox grown 20 pt left) that paints in RGB."""
    page = _page1(pdf).obj
    media = [Decimal(str(v)) for v in page.MediaBox]
    if Name.BleedBox not in page:
        page.BleedBox = Array(media)
    left = Decimal(str(page.BleedBox[0])) - 20
    page.MediaBox = Array([min(media[0], left), *media[1:]])
    appearance = _form(pdf, b"1 0 0 rg 0 0 14 40 re f", bbox=[0, 0, 14, 40])
    _annotate(
        pdf,
        Dictionary(
            Subtype=Name.PrinterMark,
            MN=Name.ColorBar,
            Rect=[left + 2, 198, left + 16, 238],
            F=4,  # print
            AP=Dictionary(N=appearance),
        ),
    )


# Fonts


def font_not_embedded(pdf: pikepdf.Pdf) -> None:
    """Text in Helvetica, a Type1 font that is not embedded."""
    font = Dictionary(
        Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding
    )
    _draw(
        pdf,
        b"0 0 0 1 k BT /BrkHelv 10 Tf 127 214 Td (doen we) Tj ET",
        {Name.Font: {"BrkHelv": pdf.make_indirect(font)}},
    )


# Annotations, actions, forms, encryption


def annotation_in_bleed(pdf: pikepdf.Pdf) -> None:
    """A Text annotation (a note) in the middle of page 1."""
    _annotate(
        pdf,
        Dictionary(Subtype=Name.Text, Rect=[147, 208, 167, 228], Contents=String("Let op")),
    )


def annots_indirect(pdf: pikepdf.Pdf) -> None:
    """A Link annotation, in an /Annots array that is itself an indirect object."""
    page = _page1(pdf).obj
    link = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=[127, 198, 187, 238],
        Border=[0, 0, 0],
        Dest=[page, Name.Fit],
        P=page,
    )
    page.Annots = pdf.make_indirect(Array([pdf.make_indirect(link)]))


def javascript_openaction(pdf: pikepdf.Pdf) -> None:
    """JavaScript run when the document opens (/OpenAction)."""
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert(1)"))


def javascript_names(pdf: pikepdf.Pdf) -> None:
    """Document-level JavaScript in the catalog's /Names tree."""
    action = Dictionary(S=Name.JavaScript, JS=String("1"))
    tree = Dictionary(Names=Array([String("x"), pdf.make_indirect(action)]))
    if Name.Names not in pdf.Root:
        pdf.Root.Names = Dictionary()
    pdf.Root.Names.JavaScript = tree


def page_aa(pdf: pikepdf.Pdf) -> None:
    """Page 1 runs JavaScript when it is opened (/AA /O)."""
    _page1(pdf).obj.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String("1")))


def acroform(pdf: pikepdf.Pdf) -> None:
    """An interactive form (/AcroForm), even with no fields."""
    pdf.Root.AcroForm = Dictionary(Fields=Array())


def encrypted(pdf: pikepdf.Pdf) -> None:
    """Encrypted (RC4, empty user password): the caller saves it with SAVE_OPTIONS."""


# Forbidden objects and filters


def opi(pdf: pikepdf.Pdf) -> None:
    """A form carrying OPI comments (a low-resolution stand-in for an image on a server)."""
    comment = Dictionary(Type=Name.OPI, Version=Decimal("2.0"), F=String("x.tif"))
    form = _form(pdf, b"0.2 0.2 0 0 k " + BOX, OPI=Dictionary({"/2.0": comment}))
    _draw(pdf, b"/BrkOPI Do", {Name.XObject: {"BrkOPI": form}})


def jpx_filter(pdf: pikepdf.Pdf) -> None:
    """An image compressed with JPXDecode (JPEG 2000, newer than PDF 1.4)."""
    image = Stream(pdf, b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(range(64)))
    image.Type = Name.XObject
    image.Subtype = Name.Image
    image.Width = 8
    image.Height = 8
    image.ColorSpace = Name.DeviceCMYK
    image.BitsPerComponent = 8
    image.Filter = Name.JPXDecode
    _draw(pdf, _placed(b"/BrkJPX Do", 8), {Name.XObject: {"BrkJPX": image}})


def postscript_xobject(pdf: pikepdf.Pdf) -> None:
    """A PostScript XObject (/Subtype /PS) drawn on page 1."""
    ps = Stream(pdf, b"% PostScript the RIP would run\n")
    ps.Type = Name.XObject
    ps.Subtype = Name.PS
    _draw(pdf, b"/BrkPS Do", {Name.XObject: {"BrkPS": ps}})


# Ink, lines and small text


def total_ink(pdf: pikepdf.Pdf) -> None:
    """A rectangle filled with 360 % total ink (0.9 0.9 0.9 0.9 k)."""
    _draw(pdf, b"0.9 0.9 0.9 0.9 k " + BOX)


def rich_black_text(pdf: pikepdf.Pdf) -> None:
    """8 pt text in rich black (0.6 0.4 0.4 1 k): four inks that must register."""
    _text(pdf, b"0.6 0.4 0.4 1 k", 8, 127, 214)


def hairline(pdf: pikepdf.Pdf) -> None:
    """A black line 0.1 pt thick."""
    _draw(pdf, b"0 0 0 1 K 0.1 w 127 218 m 187 218 l S")


def cmy_hairline(pdf: pikepdf.Pdf) -> None:
    """A 0.3 pt line in three inks (0.5 0.5 0.5 0 K) that must register."""
    _draw(pdf, b"0.5 0.5 0.5 0 K 0.3 w 127 218 m 187 218 l S")


def small_text_two_inks(pdf: pikepdf.Pdf) -> None:
    """7 pt text in two inks (0.5 0 0 0.6 k) that must register."""
    _text(pdf, b"0.5 0 0 0.6 k", 7, 127, 214)


def tinted_hairline(pdf: pikepdf.Pdf) -> None:
    """A 0.5 pt line in 30 % black: one ink, thick enough solid, but a screen breaks it up."""
    _draw(pdf, b"0 0 0 0.3 K 0.5 w 127 218 m 187 218 l S")


def tinted_small_text(pdf: pikepdf.Pdf) -> None:
    """7 pt text in 75 % black: one ink, but screened into dots at that size."""
    _text(pdf, b"0 0 0 0.75 k", 7, 127, 214)


def white_overprint(pdf: pikepdf.Pdf) -> None:
    """A white rectangle set to overprint: it vanishes on press."""
    state = Dictionary(Type=Name.ExtGState, op=True, OPM=1)
    _draw(pdf, b"/BrkOP gs 0 0 0 0 k " + BOX, {Name.ExtGState: {"BrkOP": state}})


def text_near_trim(pdf: pikepdf.Pdf) -> None:
    """10 pt text starting 1.5 mm inside the trim's left edge."""
    trim_left = Decimal(str(_page1(pdf).obj.TrimBox[0]))
    _text(pdf, b"0 0 0 1 k", 10, float(trim_left + Decimal("1.5") * MM), 214)


def tiny_text(pdf: pikepdf.Pdf) -> None:
    """4 pt black text."""
    _text(pdf, b"0 0 0 1 k", 4, 147, 216)


def low_res_image(pdf: pikepdf.Pdf) -> None:
    """A 10 × 10 pixel CMYK image drawn 50 mm wide (about 5 ppi)."""
    image = _image(pdf, 10, Name.DeviceCMYK, b"\x00\x60\xc0\x00")
    ppi = 10 / (50 / 25.4)
    _draw(pdf, _placed(b"/BrkIm Do", 10, ppi), {Name.XObject: {"BrkIm": image}})


# Resources inherited from the page tree


def inherited_resources(pdf: pikepdf.Pdf) -> None:
    """Page 1 inherits its resources from the page tree, and they hold an RGB fill's space."""
    page = _draw(
        pdf,
        b"/BrkRGB cs 0.2 0.4 0.8 scn " + BOX,
        {Name.ColorSpace: {"BrkRGB": Name.DeviceRGB}},
    ).obj
    parent = page.Parent
    for other in pdf.pages[1:]:  # pages that inherit keep what they inherit now
        if Name.Resources not in other.obj:
            inherited = _inherited(other.obj, Name.Resources)
            if inherited is not None:
                other.obj.Resources = inherited
    parent.Resources = page.Resources
    del page.Resources


def _inherited(node: pikepdf.Dictionary, key: Name) -> pikepdf.Object | None:
    while node is not None:
        if key in node:
            return node[key]
        node = node.get(Name.Parent)
    return None


# Allowed in PDF/X-1a: these must pass


def separation_ok(pdf: pikepdf.Pdf) -> None:
    """A rectangle in a spot colour (Separation PANTONE 300 C, CMYK alternate): allowed."""
    tint = Dictionary(
        FunctionType=2,
        Domain=[0, 1],
        C0=[0, 0, 0, 0],
        C1=[1, Decimal("0.44"), 0, 0],
        N=1,
    )
    space = Array([Name.Separation, Name("/PANTONE 300 C"), Name.DeviceCMYK, tint])
    _draw(pdf, b"/BrkSpot cs 1 scn " + BOX, {Name.ColorSpace: {"BrkSpot": space}})


def overprint_k_ok(pdf: pikepdf.Pdf) -> None:
    """10 pt text in 100 % black, set to overprint: allowed (and good practice)."""
    state = Dictionary(Type=Name.ExtGState, OP=True, op=True, OPM=1)
    font = _font(pdf)
    _draw(
        pdf,
        f"/BrkOP gs 0 0 0 1 k BT /{font} 10 Tf 127 214 Td (doen we) Tj ET".encode(),
        {Name.ExtGState: {"BrkOP": state}},
    )


def _spot(pdf: pikepdf.Pdf, space: Array) -> None:
    _draw(pdf, b"/BrkSpot cs 1 scn " + BOX, {Name.ColorSpace: {"BrkSpot": space}})


def spot_no_alternate(pdf: pikepdf.Pdf) -> None:
    """A spot colour named without an alternate space (nor a tint transform)."""
    _spot(pdf, Array([Name.Separation, Name("/Gold")]))


def spot_rgb_alternate(pdf: pikepdf.Pdf) -> None:
    """A spot colour whose alternate is RGB: a proof or a press without the spot ink prints
    it through a colour space PDF/X-1a has no place for."""
    tint = Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 1, 1], C1=[1, 0.8, 0], N=1)
    _spot(pdf, Array([Name.Separation, Name("/Gold"), Name.DeviceRGB, tint]))


def unterminated_string(pdf: pikepdf.Pdf) -> None:
    """Text whose string never ends: qpdf stops reading the page there."""
    font = _font(pdf)
    page = _page1(pdf)
    page.contents_add(Stream(pdf, f"BT /{font} 10 Tf 127 214 Td (doen we Tj ET".encode()))


def junk_tokens(pdf: pikepdf.Pdf) -> None:
    """Words between the operators that PDF does not define (outside BX … EX)."""
    _draw(pdf, b"frobnicate 0.5 wobble")


def unknown_operator_in_bx(pdf: pikepdf.Pdf) -> None:
    """An operator PDF does not define, between BX and EX: a reader ignores it, allowed."""
    _draw(pdf, b"BX frobnicate EX")


def stacked_overprint(pdf: pikepdf.Pdf) -> None:
    """A 180 % fill, and over it an overprinting 180 % fill of other inks: 360 % stacked."""
    state = Dictionary(Type=Name.ExtGState, OP=True, op=True, OPM=1)
    _draw(
        pdf,
        b"0.9 0.9 0 0 k " + BOX + b" /BrkOP gs 0 0 0.9 0.9 k " + BOX,
        {Name.ExtGState: {"BrkOP": state}},
    )


def black_knockout(pdf: pikepdf.Pdf) -> None:
    """10 pt text in 100 % black that knocks out (no overprint) on a page with tints."""
    font = _font(pdf)
    _draw(pdf, f"0 0 0 1 k BT /{font} 10 Tf 127 214 Td (doen we) Tj ET".encode())


BREAKERS: list[tuple[str, str, Callable[[pikepdf.Pdf], None]]] = [
    ("version-nonsense", "pdfx-version", version_nonsense),
    ("version-missing", "pdfx-version", version_missing),
    ("version-x4", "pdfx-version", version_x4),
    ("title-missing", "info-title", title_missing),
    ("dates-missing", "info-dates", dates_missing),
    ("date-without-zone", "info-dates", date_without_zone),
    ("trapped-unknown", "info-trapped", trapped_unknown),
    ("no-trailer-id", "trailer-id", no_trailer_id),
    ("pdf-version-15", "pdf-version", pdf_version_15),
    ("intent-missing", "output-intent", intent_missing),
    ("intent-unregistered", "output-intent", intent_unregistered),
    ("intent-no-identifier", "output-intent", intent_no_identifier),
    ("no-trimbox", "page-boxes", no_trimbox),
    ("trim-and-art", "page-boxes", trim_and_art),
    ("trim-outside-bleed", "page-boxes", trim_outside_bleed),
    ("bleed-short", "bleed", bleed_short),
    ("extgstate-alpha", "transparency", extgstate_alpha),
    ("extgstate-smask", "transparency", extgstate_smask),
    ("image-smask", "transparency", image_smask),
    ("transparency-group", "transparency", transparency_group),
    ("rgb-content", "colour", rgb_content),
    ("rgb-image", "colour", rgb_image),
    ("rgb-inline-image", "colour", rgb_inline_image),
    ("rgb-type3-glyph", "colour", rgb_type3_glyph),
    ("rgb-shading", "colour", rgb_shading),
    ("rgb-in-form", "colour", rgb_in_form),
    ("rgb-pattern", "colour", rgb_pattern),
    ("rgb-annotation-appearance", "colour", rgb_annotation_appearance),
    ("font-not-embedded", "fonts", font_not_embedded),
    ("annotation-in-bleed", "annotations", annotation_in_bleed),
    ("annots-indirect", "annotations", annots_indirect),
    ("javascript-openaction", "actions", javascript_openaction),
    ("javascript-names", "actions", javascript_names),
    ("page-aa", "actions", page_aa),
    ("acroform", "forms", acroform),
    ("encrypted", "encryption", encrypted),
    ("opi", "opi", opi),
    ("jpx-filter", "filters", jpx_filter),
    ("postscript-xobject", "postscript", postscript_xobject),
    ("total-ink", "ink", total_ink),
    ("rich-black-text", "rich-black", rich_black_text),
    ("hairline", "thin-lines", hairline),
    ("cmy-hairline", "registration", cmy_hairline),
    ("small-text-two-inks", "registration", small_text_two_inks),
    ("tinted-hairline", "fine-tints", tinted_hairline),
    ("tinted-small-text", "fine-tints", tinted_small_text),
    ("white-overprint", "white-overprint", white_overprint),
    ("white-overprint-in-glyph", "white-overprint", white_overprint_in_glyph),
    ("transfer-function", "transfer", transfer_function),
    ("two-intents", "output-intent", two_intents),
    ("intent-rgb-profile", "output-intent", intent_rgb_profile),
    ("intent-garbled-profile", "output-intent", intent_garbled_profile),
    ("ink-in-pattern", "ink", ink_in_pattern),
    ("text-near-trim", "safe-area", text_near_trim),
    ("tiny-text", "text-size", tiny_text),
    ("low-res-image", "image-resolution", low_res_image),
    ("inherited-resources", "colour", inherited_resources),
    ("spot-no-alternate", "spot-colour", spot_no_alternate),
    ("spot-rgb-alternate", "spot-colour", spot_rgb_alternate),
    ("unterminated-string", "content-syntax", unterminated_string),
    ("junk-tokens", "content-syntax", junk_tokens),
    ("stacked-overprint", "ink", stacked_overprint),
    ("black-knockout", "black-overprint", black_knockout),
    ("unknown-operator-in-bx-ok", "", unknown_operator_in_bx),
    ("separation-ok", "", separation_ok),
    ("overprint-k-ok", "", overprint_k_ok),
]

# Extra keyword arguments for pdf.save, by case id.
SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    # A classic trailer (no cross-reference stream) that POST_SAVE can take the /ID out of.
    "no-trailer-id": {"object_stream_mode": pikepdf.ObjectStreamMode.disable},
    # RC4 128-bit (R3) opens without a password and, unlike R4, keeps the file at PDF 1.4.
    "encrypted": {
        "encryption": pikepdf.Encryption(owner="o", user="", R=3, aes=False, metadata=False)
    },
}

# Rewrites of the saved file's bytes, by case id, for what pikepdf cannot save.
POST_SAVE: dict[str, Callable[[bytes], bytes]] = {
    "no-trailer-id": _drop_trailer_id,
}
