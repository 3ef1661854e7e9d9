"""What a preflight reads from resource dictionaries: colour spaces, transparency, filters,
fonts and what PDF/X forbids, in pages, forms, tiling patterns and Type3 glyphs (each object
once). The content reader (content.py) builds on it and interprets the streams."""

from __future__ import annotations

from pikepdf import Array, Dictionary, Name, Object, Stream

from generator.preflight.facts import DocumentFacts, Font, PageFacts, Use
from generator.preflight.font_metrics import FontMetrics, font_metrics
from generator.preflight.graphics_state import (
    MAX_DEPTH,
    Frame,
    State,
    family,
    items,
    number,
    xobject_kind,
)


class ResourceScanner:
    """Scans resource dictionaries into a document's facts. A subclass provides run(), which
    interprets a content stream (patterns and glyphs are streams of their own)."""

    facts: DocumentFacts
    fonts: dict[tuple[int, int], FontMetrics]
    scanned: set[tuple[int, int]]

    def run(self, owner: Object, frame: Frame) -> None:
        raise NotImplementedError

    def scan_resources(
        self, resources: Object | None, where: str, depth: int, page: PageFacts | None = None
    ) -> None:
        """Colour spaces, transparency, filters and forbidden things of a resource dictionary,
        and of the patterns, forms and Type3 fonts it names (each object once); the paints
        of patterns and glyphs count for the page they were first met on."""
        if not isinstance(resources, Dictionary) or depth > MAX_DEPTH:
            return
        if not self._first_time(resources):
            return
        for name, state in items(resources.get("/ExtGState")):
            self._extgstate(state, f"{where} › ExtGState {name}")
        for name, space in items(resources.get("/ColorSpace")):
            self._colour_use(f"{where} › colour space {name}", family(space))
        for name, shading in items(resources.get("/Shading")):
            self._shading_dict(shading, f"{where} › shading {name}")
        for name, pattern in items(resources.get("/Pattern")):
            self._pattern(pattern, f"{where} › pattern {name}", depth, page)
        for name, xobject in items(resources.get("/XObject")):
            self._xobject(xobject, f"{where} › {xobject_kind(xobject)} {name}", depth, page)
        for name, font in items(resources.get("/Font")):
            self._font(font, f"{where} › font {name}", depth, page)

    def _first_time(self, obj: Object) -> bool:
        key = obj.objgen
        if key == (0, 0):
            return True
        if key in self.scanned:
            return False
        self.scanned.add(key)
        return True

    def _extgstate(self, state: Object, where: str) -> None:
        if not isinstance(state, Dictionary):
            return
        for key in ("/CA", "/ca"):
            value = number(state.get(key), 1.0)
            if value < 1.0:
                self._use(self.facts.transparency, where, f"constant alpha {key[1:]} {value:g}")
        blend = state.get("/BM")
        modes = [str(m) for m in blend] if isinstance(blend, Array) else [str(blend)]
        if blend is not None and not set(modes) & {"/Normal", "/Compatible"}:
            self._use(self.facts.transparency, where, f"blend mode {modes[0].lstrip('/')}")
        if state.get("/SMask") not in (None, Name("/None")):
            self._use(self.facts.transparency, where, "soft mask")
        for key, neutral in (("/TR", "/Identity"), ("/TR2", "/Default")):
            if key in state and str(state[key]) not in (neutral, "/Identity", "/Default"):
                self.facts.forbidden.add(Use(where, f"transfer function ({key[1:]})", "transfer"))

    def _shading_dict(self, shading: Object | None, where: str) -> None:
        if isinstance(shading, (Dictionary, Stream)):
            self._colour_use(where, family(shading.get("/ColorSpace")))
            if isinstance(shading, Stream):
                self._filters(shading, where)

    def _pattern(self, pattern: Object, where: str, depth: int, page: PageFacts | None) -> None:
        if not isinstance(pattern, (Dictionary, Stream)) or not self._first_time(pattern):
            return
        if number(pattern.get("/PatternType"), 0) == 2:
            self._shading_dict(pattern.get("/Shading"), f"{where} › shading")
            return
        if isinstance(pattern, Stream):
            self._filters(pattern, where)
            resources = pattern.get("/Resources") or Dictionary()
            self.scan_resources(resources, where, depth + 1, page)
            frame = Frame(where, resources, page, depth + 1, State(), placed=False)
            self._run_guarded(pattern, frame)

    def _xobject(self, xobject: Object, where: str, depth: int, page: PageFacts | None) -> None:
        if not isinstance(xobject, Stream) or not self._first_time(xobject):
            return
        self._filters(xobject, where)
        subtype = str(xobject.get("/Subtype", ""))
        if "/OPI" in xobject:
            self.facts.forbidden.add(Use(where, "OPI comments", "opi"))
        if subtype == "/PS" or str(xobject.get("/Subtype2", "")) == "/PS":
            self.facts.forbidden.add(Use(where, "PostScript XObject", "postscript"))
        if subtype == "/Image":
            self._image_dict(xobject, where)
        elif subtype == "/Form":
            group = xobject.get("/Group")
            if isinstance(group, Dictionary) and group.get("/S") == Name.Transparency:
                self._use(self.facts.transparency, where, "transparency group")
            self.scan_resources(xobject.get("/Resources"), where, depth + 1, page)

    def _image_dict(self, image: Object, where: str) -> None:
        if not image.get("/ImageMask", False):
            self._colour_use(where, family(image.get("/ColorSpace")))
        if "/SMask" in image:
            self._use(self.facts.transparency, where, "soft mask (an image with an SMask)")
        if number(image.get("/SMaskInData"), 0) > 0:
            self._use(self.facts.transparency, where, "soft mask in the image data")

    def _font(self, font: Object, where: str, depth: int, page: PageFacts | None) -> None:
        metrics = self._metrics(font)
        if metrics is None or not self._first_time(font):
            return
        self.facts.fonts.add(Font(metrics.name, metrics.embedded, where))
        descriptors = [font.get("/FontDescriptor")]
        if font.get("/Subtype") == Name.Type0:
            descriptors = [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
        for descriptor in descriptors:
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if isinstance(descriptor, Dictionary) and isinstance(descriptor.get(key), Stream):
                    self._filters(descriptor[key], where)
        if font.get("/Subtype") == Name.Type3:
            resources = font.get("/Resources") or Dictionary()
            self.scan_resources(resources, where, depth + 1, page)
            for glyph, procedure in items(font.get("/CharProcs")):
                glyph_where = f"{where} › glyph {glyph}"
                if isinstance(procedure, Stream):
                    self._filters(procedure, glyph_where)
                    frame = Frame(glyph_where, resources, page, depth + 1, State(), placed=False)
                    self._run_guarded(procedure, frame)

    def _metrics(self, font: Object) -> FontMetrics | None:
        if not isinstance(font, Dictionary):
            return None
        key = font.objgen
        metrics = self.fonts.get(key) if key != (0, 0) else None
        if metrics is None:
            metrics = font_metrics(font)
            if key != (0, 0):
                self.fonts[key] = metrics
        return metrics

    def _filters(self, stream: Object, where: str) -> None:
        names = stream.get("/Filter")
        for name in names if isinstance(names, Array) else [names] if names else []:
            self.facts.filters.add(Use(where, str(name).lstrip("/")))

    def _colour_use(self, where: str, space_family: str) -> None:
        self.facts.colour_spaces.add(Use(where, space_family))

    def _use(self, uses: set[Use], where: str, what: str) -> None:
        uses.add(Use(where, what))

    def _run_guarded(self, owner: Object, frame: Frame) -> None:
        """Interpret a stream met while scanning resources; a broken one is a finding."""
        try:
            self.run(owner, frame)
        except Exception as error:  # any parser error is the file's fault, not ours
            self.facts.unreadable.append(Use(frame.where, str(error) or type(error).__name__))
