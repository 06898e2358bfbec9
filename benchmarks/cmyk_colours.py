"""The reference status colours as PDFium shows them when a document gives them in CMYK.

PDFium returns only RGB, after its own CMYK conversion (CMYK 0/100/100/0 comes back as ED1C24), so a
pale red printed in CMYK can land nearer a reference amber than any red. This draws each sRGB
reference of `wsoa/data/statuses.toml` [colours] as a CMYK fill (the plain conversion office software
uses: K = 1 - max(R, G, B)), reads it back with PDFium and prints the [colours_cmyk] table to paste
into statuses.toml: those whose conversion lands nearer another status's sRGB references. Conversions
that only drift far from their own status (CMYK 00B050 comes back teal, 007F70) are left out on purpose:
they are still read as that status, flagged as nearest, as an RGB teal is.

Usage: python benchmarks/cmyk_colours.py
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from wsoa.data import load
from wsoa.extract.pdf import read_pages
from wsoa.normalise.status import delta_e

SIDE = 20.0


def cmyk(hex_code: str) -> tuple[float, float, float, float]:
    r, g, b = (int(hex_code[i:i + 2], 16) / 255 for i in (0, 2, 4))
    k = 1 - max(r, g, b)
    if k >= 1:
        return 0.0, 0.0, 0.0, 1.0
    return (1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k


def _rgb(code: str) -> tuple[float, float, float]:
    return tuple(int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))


def main() -> None:
    refs = [(status, code) for status, codes in load("statuses.toml")["colours"].items() for code in codes]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cmyk.pdf"
        canvas = Canvas(str(path), pagesize=(SIDE * 2, SIDE * 2 * len(refs)))
        for i, (_, code) in enumerate(refs):
            canvas.setFillColor(CMYKColor(*cmyk(code)))
            canvas.rect(0, i * SIDE * 2, SIDE, SIDE, stroke=0, fill=1)
        canvas.save()
        page = next(iter(read_pages(path)))
    fills = sorted(page.fills, key=lambda f: -f.top)   # drawn bottom up: the first reference lowest
    out: dict[str, list[str]] = {}
    for (status, code), fill in zip(refs, fills):
        shown = "".join(f"{round(c * 255):02X}" for c in fill.rgb)
        _, nearest = min((delta_e(fill.rgb, _rgb(c)), s) for s, c in refs)
        if nearest != status:
            out.setdefault(status, []).append(shown)
    print("[colours_cmyk]")
    for status, codes in out.items():
        print(f"{status} = {sorted(set(codes))!r}".replace("'", '"'))


if __name__ == "__main__":
    main()
