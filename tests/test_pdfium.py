"""The PDFium page reader (the default) against the pdfminer reader, on built PDFs and on the corpus."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.conftest import CORPUS
from tests.pdfbuild import build_plan
from wsoa.extract.document import extract
from wsoa.extract.page import DocumentError, Page, TimedOut
from wsoa.extract.pdf import read_pages
from wsoa.normalise.status import Legend, nearest_status


def _build(path: Path, draw, **kw) -> Path:
    c = canvas.Canvas(str(path), pagesize=kw.pop("pagesize", A4), **kw)
    draw(c)
    c.showPage()
    c.save()
    return path


def _both(path: Path) -> tuple[Page, Page]:
    (a,), (b,) = list(read_pages(path, engine="pdfium")), list(read_pages(path, engine="pdfminer"))
    return a, b


def _near(a, b, tol: float = 0.01) -> bool:
    return all(abs(getattr(a, k) - getattr(b, k)) <= tol for k in ("x0", "top", "x1", "bottom"))


def _same_page(a: Page, b: Page, tol: float = 0.01) -> None:
    assert (round(a.width, 2), round(a.height, 2)) == (round(b.width, 2), round(b.height, 2))
    assert [w.text for w in a.words] == [w.text for w in b.words]
    for wa, wb in zip(a.words, b.words):
        assert _near(wa, wb, tol) and (wa.bold, round(wa.size, 2)) == (wb.bold, round(wb.size, 2)), (wa, wb)
    for name in ("rules", "fills", "shapes"):
        xs, ys = getattr(a, name), getattr(b, name)
        assert len(xs) == len(ys), name
        key = lambda o: (round(o.top), round(o.x0), round(o.bottom), round(o.x1))  # noqa: E731
        for x, y in zip(sorted(xs, key=key), sorted(ys, key=key)):
            assert _near(x, y, tol), (name, x, y)
    assert [tuple(round(v, 2) for v in i) for i in a.images] == [tuple(round(v, 2) for v in i) for i in b.images]


def test_words_sizes_and_bold_match_pdfminer_with_a_scaled_text_matrix(tmp_path):
    def draw(c):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 760, "Priority one")
        t = c.beginText(72, 700)
        t.setTextTransform(1.5, 0, 0, 1.5, 72, 700)  # font size 10 drawn 1.5 times larger
        t.setFont("Helvetica", 10)
        t.textOut("Scaled words")
        c.drawText(t)
    a, b = _both(_build(tmp_path / "t.pdf", draw))
    _same_page(a, b)
    assert [(w.text, round(w.size, 2), w.bold) for w in a.words] == [
        ("Priority", 10.0, True), ("one", 10.0, True), ("Scaled", 15.0, False), ("words", 15.0, False)]


def test_line_end_hyphen_is_a_hyphen(tmp_path):
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, "co-")
        c.drawString(72, 746, "production")
    a, b = _both(_build(tmp_path / "h.pdf", draw))
    assert [w.text for w in a.words] == ["co-", "production"] == [w.text for w in b.words]


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_rotate_and_mediabox_offset(tmp_path, rotate):
    def draw(c):
        c.setPageRotation(rotate)
        c.setCropBox((0, 0, 400, 500))
        c.setFont("Helvetica", 12)
        c.drawString(120, 300, "Rotated page")
        c.setLineWidth(0.5)
        c.line(100, 200, 300, 200)
        c.setFillColor(colors.green)
        c.rect(150, 100, 80, 40, stroke=0, fill=1)
    path = _build(tmp_path / f"r{rotate}.pdf", draw, pagesize=(400, 500))
    # move the MediaBox's origin away from 0,0 (the page's content is offset with it)
    data = path.read_bytes().replace(b"/MediaBox [ 0 0 400 500 ]", b"/MediaBox [ 50 -30 450 470 ]")
    path.write_bytes(data)
    a, b = _both(path)
    _same_page(a, b)
    assert len(a.fills) == 1 and len(a.rules) == 1
    if rotate == 0:  # pdfplumber's convention: x in user space, top = MediaBox height - y
        assert _near(a.fills[0], type(a.fills[0])(150, 500 - 140, 230, 500 - 100, a.fills[0].rgb))


def test_form_xobjects_are_entered(tmp_path):
    def draw(c):
        c.beginForm("cell")
        c.setFillColor(colors.red)
        c.rect(0, 0, 60, 20, stroke=0, fill=1)
        c.setLineWidth(1)
        c.line(0, 0, 60, 0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica", 9)
        c.drawString(4, 6, "Red")
        c.endForm()
        for i in range(3):
            c.saveState()
            c.translate(100, 600 - 40 * i)
            c.scale(2, 1)
            c.doForm("cell")
            c.restoreState()
    a, b = _both(_build(tmp_path / "f.pdf", draw))
    _same_page(a, b)
    assert len(a.fills) == 3 and all(round(f.x1 - f.x0) == 120 for f in a.fills)
    assert [w.text for w in a.words] == ["Red"] * 3


def test_rules_from_segments_not_bounds_and_subpaths_split(tmp_path):
    def draw(c):
        c.setLineWidth(6)  # GetBounds would widen every rule by the stroke
        c.line(72, 700, 500, 700)
        p = c.beginPath()  # one path: two rects and a line, three subpaths
        p.rect(72, 500, 200, 100)
        p.rect(300, 500, 1.5, 100)
        p.moveTo(72, 450)
        p.lineTo(500, 450)
        c.setFillColor(colors.yellow)
        c.drawPath(p, stroke=1, fill=1)
        q = c.beginPath()  # a triangle: a curve to pdfminer, neither rule nor fill
        q.moveTo(72, 300)
        q.lineTo(200, 300)
        q.lineTo(72, 380)
        q.close()
        c.drawPath(q, stroke=1, fill=1)
    a, b = _both(_build(tmp_path / "p.pdf", draw))
    _same_page(a, b)
    assert any(abs(r.x0 - 72) < 0.01 and abs(r.x1 - 500) < 0.01 and r.top == r.bottom for r in a.hrules)
    assert len(a.fills) == 1 and len(a.rules) == 1 + 4 + 1 + 1 and len(a.shapes) == 1


def test_filled_curves_are_shapes_with_their_colour(tmp_path):
    def draw(c):
        c.setFillColor(colors.Color(0, 0.6, 0.2))
        c.circle(100, 700, 10, stroke=0, fill=1)
        c.setFillColor(colors.Color(1, 0.75, 0))
        c.roundRect(200, 600, 120, 30, 8, stroke=0, fill=1)
    a, b = _both(_build(tmp_path / "s.pdf", draw))
    _same_page(a, b)
    circle, rounded = sorted(a.shapes, key=lambda s: s.x0)
    assert _near(circle, type(circle)(90, 841.89 - 710, 110, 841.89 - 690, circle.rgb), 0.01)
    assert nearest_status(circle.rgb)[0] == nearest_status(b.shapes[0].rgb)[0] == "green"
    assert nearest_status(rounded.rgb)[0] == "amber"


def test_font_descriptor_ascent_descent_zero(tmp_path):
    """A font whose descriptor says Ascent 0 and Descent 0: pdfminer takes the descent as 0, PDFium
    measures the glyph 'g' (about 0.2 x size lower); the reader corrects it to pdfminer's box."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVuSans not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))

    def draw(c):
        c.setFont("DejaVu", 10)
        c.drawString(72, 700, "Deadline March 2024")
    path = _build(tmp_path / "z.pdf", draw)
    data = path.read_bytes()
    import re
    data = re.sub(rb"/Ascent -?\d+", lambda m: b"/Ascent 0".ljust(len(m.group(0))), data)
    data = re.sub(rb"/Descent -?\d+", lambda m: b"/Descent 0".ljust(len(m.group(0))), data)
    path.write_bytes(data)
    a, b = _both(path)
    assert [w.text for w in a.words] == [w.text for w in b.words] == ["Deadline", "March", "2024"]
    assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines]
    for wa, wb in zip(a.words, b.words):
        assert abs(wa.x0 - wb.x0) < 0.1 and abs(wa.size - wb.size) < 0.01
        assert abs(wa.top - wb.top) < 0.01 and abs(wa.bottom - wb.bottom) < 0.01


def test_encrypted_and_damaged_give_todays_messages(tmp_path):
    locked = _build(tmp_path / "locked.pdf", lambda c: c.drawString(72, 720, "Statement"),
                    encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    for engine in ("pdfium", "pdfminer"):
        with pytest.raises(DocumentError, match="encrypted: a password is needed"):
            list(read_pages(locked, engine=engine))
        with pytest.raises(DocumentError, match="not a readable PDF"):
            list(read_pages(CORPUS / "manifest.csv", engine=engine))
    assert [w.text for p in read_pages(locked, password="secret") for w in p.words] == ["Statement"]


def test_deadline_stops_the_pdfium_reader(tmp_path):
    with pytest.raises(TimedOut, match="page 1"):
        list(read_pages(CORPUS / "peterborough" / "peterborough-2019-wsoa.pdf", deadline=time.monotonic() - 1))


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown PDF engine"):
        list(read_pages(CORPUS / "peterborough" / "peterborough-2019-wsoa.pdf", engine="mupdf"))


# Colour: PDFium returns RGB after its own conversion (CMYK (0,1,1,0) -> (0.933,0.114,0.137));
# pdfminer the raw components, which to_rgb converts naively. The status read must not change.
HEADER = ["Ref", "Action", "Lead officer", "Target date", "RAG"]
ROWS = [[f"1.{i}", f"Deliver improvement number {i} for children", "Head of Service", "31 March 2024", ""]
        for i in range(1, 4)]


def _rags(tmp_path: Path, name: str, cells: list) -> dict[str, list]:
    pdf = build_plan(tmp_path / f"{name}.pdf", HEADER, ROWS, col_widths=[40, 260, 120, 90, 60],
                     backgrounds={(4, r): colour for r, colour in enumerate(cells, start=1)})
    out = {}
    for engine in ("pdfium", "pdfminer"):
        doc = extract(pdf, engine=engine)
        out[engine] = [(a.rag, "rag:colour-nearest" in a.flags) for a in doc.actions]
    return out


@pytest.mark.parametrize("space,cells", [
    ("rgb", [colors.Color(0, 0.69, 0.31), colors.Color(1, 0.75, 0), colors.Color(1, 0, 0)]),
    ("cmyk", [CMYKColor(0.7, 0, 1, 0), CMYKColor(0, 0.25, 1, 0), CMYKColor(0, 1, 1, 0)]),
])
def test_status_colours_read_the_same_with_both_engines(tmp_path, space, cells):
    got = _rags(tmp_path, space, cells)
    assert [r for r, _ in got["pdfium"]] == [r for r, _ in got["pdfminer"]] == ["green", "amber", "red"]


def test_pale_cmyk_fills_read_the_same_with_both_engines(tmp_path):
    """Excel's pale "Good", "Neutral" and "Bad" fills given in CMYK (the plain conversion): PDFium's own
    conversion turns the pale red peach; the references as PDFium shows CMYK keep it red."""
    for name, cell in (("green", CMYKColor(0.2, 0, 0.17, 0.06)), ("amber", CMYKColor(0, 0.08, 0.39, 0)),
                       ("red", CMYKColor(0, 0.22, 0.19, 0))):
        got = _rags(tmp_path, name, [cell] * 3)   # one colour only: nothing to tell it apart from
        assert [r for r, _ in got["pdfium"]] == [r for r, _ in got["pdfminer"]] == [name] * 3


def test_a_space_in_the_text_parts_words_however_narrow(tmp_path):
    """7 pt Times: the space after "of" is narrower than 1.5 pt beside PDFium's box of "f"; pdfminer
    parts the words at the space character, and so must the PDFium reader."""
    def draw(c):
        c.setFont("Times-Roman", 7)
        c.drawString(100, 700, "Sign-off of sensory support to improve the quality of advice")
    a, b = _both(_build(tmp_path / "space.pdf", draw))
    assert [w.text for w in a.words] == [w.text for w in b.words]
    assert "of" in [w.text for w in a.words]


def test_grey_fills_read_the_same_with_both_engines(tmp_path):
    got = _rags(tmp_path, "grey", [colors.Color(0.5, 0.5, 0.5), colors.Color(0.85, 0.85, 0.85), None])
    assert got["pdfium"] == got["pdfminer"] == [("white", True), ("white", False), ("white", False)]  # grey: no colour (mid grey flagged)

    def draw(c):  # DeviceGray ("0.5 g")
        c.setFillGray(0.5)
        c.rect(100, 600, 80, 30, stroke=0, fill=1)
    a, b = _both(_build(tmp_path / "g.pdf", draw))
    assert max(abs(x - y) for x, y in zip(a.fills[0].rgb, b.fills[0].rgb)) < 0.01
    assert Legend.default().from_colour(a.fills[0].rgb) == Legend.default().from_colour(b.fills[0].rgb)


def test_spot_colour_fill(tmp_path):
    """A spot (Separation) green: pdfminer gives only the tint, 1.0, read as white; PDFium converts
    through the alternate CMYK and reads green."""
    spot = CMYKColorSep(0.7, 0, 1, 0, spotName="StatusGreen", density=1)
    got = _rags(tmp_path, "spot", [spot, spot, None])
    assert got["pdfium"][:2] == [("green", False), ("green", False)]
    assert [r for r, _ in got["pdfminer"][:2]] == ["white", "white"]


def _strip(value, boxes: list):
    if isinstance(value, dict):
        if {"page", "x0", "top", "x1", "bottom"} <= set(value):
            boxes.append(value)
            return {"page": value["page"]}
        return {k: _strip(v, boxes) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v, boxes) for v in value]
    return value


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.pdf")), ids=lambda p: p.stem)
def test_both_engines_give_identical_records_on_the_corpus(path):
    a, b = (extract(path, engine=e).model_dump(mode="json") for e in ("pdfium", "pdfminer"))
    boxes_a, boxes_b = [], []
    assert _strip(a, boxes_a) == _strip(b, boxes_b)
    assert len(boxes_a) == len(boxes_b) > 0
    worst = max(abs(x[k] - y[k]) for x, y in zip(boxes_a, boxes_b) for k in ("x0", "top", "x1", "bottom"))
    assert worst <= 3.0


def test_threads_share_pdfium_through_its_lock():
    """PDFium is not thread-safe: calls from two threads are serialised by the reader's lock, so
    reading two documents at once gives what reading them one after the other gives."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [CORPUS / "buckinghamshire" / "buckinghamshire-2022-inspection-letter.pdf",
             CORPUS / "area-send-2023" / "halton-area-send-2024-01-26.pdf"] * 2

    def texts(path):
        return [[w.text for w in p.words] for p in read_pages(path)]
    alone = [texts(p) for p in paths]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(texts, paths)) == alone


def test_readers_depend_on_the_page_model_not_on_each_other():
    """page.py imports no reader; OCR, the Word/web layout and the PDFium reader import the page
    model, never pdf.py (the old ocr <-> pdf cycle)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "wsoa" / "extract"

    def imports(name: str) -> set[str]:
        tree = ast.parse((root / f"{name}.py").read_text("utf-8"))
        return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imports("page") if m.startswith("wsoa.extract")}
    for reader in ("ocr", "flow", "pdfium", "pdfium_text"):
        assert "wsoa.extract.pdf" not in imports(reader), reader
        assert "wsoa.extract.page" in imports(reader), reader
