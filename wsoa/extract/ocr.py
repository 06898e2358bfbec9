"""Scanned pages: Tesseract reads the words, the pixels give the ruling lines and cell colours.

Only pages without a text layer are read this way, and only when asked (`--ocr`). The PDF
reader renders the page image (PDFium, at `DPI`); Tesseract (Debian's `tesseract-ocr`) gives each word's
box and confidence as TSV; long dark runs of pixels become ruling lines and large tinted areas
become filled rects, so the normal table reader works on the result.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from PIL.Image import Image

from wsoa.extract.page import DocumentError, Fill, Page, Rule, Word, group_lines

DPI = 300
MIN_RULE = 0.04       # a ruling line is at least this share of the page's width (or height)
LOW_CONFIDENCE = 80.0  # Tesseract's word confidence (0-100) below which a value is flagged


def available() -> bool:
    return shutil.which("tesseract") is not None


def _words(image_path: Path, scale: float) -> list[tuple[Word, float]]:
    try:
        # --psm 11 (sparse text): small isolated cells such as refs are found; lines are rebuilt from the boxes
        out = subprocess.run(["tesseract", str(image_path), "stdout", "--psm", "11", "tsv"], capture_output=True,
                             text=True, timeout=300, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise DocumentError(f"OCR failed: {type(exc).__name__}: {str(exc)[:120]}") from exc
    words = []
    for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or text in ("|", "||"):  # "|": a ruling line read as text
            continue
        x, y, w, h = (float(row[k]) * scale for k in ("left", "top", "width", "height"))
        words.append((Word(text, x, x + w, y, y + h, round(h * 1.15, 1), False, None), float(row["conf"])))
    return words


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(line index, start, end) of each run of True at least `min_len` long, per row of `mask`."""
    out = []
    padded = np.pad(mask, ((0, 0), (1, 1))).astype(np.int8)
    for i, row in enumerate(np.diff(padded, axis=1)):
        starts, ends = np.flatnonzero(row == 1), np.flatnonzero(row == -1)
        out += [(i, int(a), int(b)) for a, b in zip(starts, ends) if b - a >= min_len]
    return out


def _rules(dark: np.ndarray, scale: float) -> list[Rule]:
    rules = []
    for horizontal, mask in ((True, dark), (False, dark.T)):
        runs = _runs(mask, int(MIN_RULE * mask.shape[1]))
        merged: list[list[int]] = []  # a thick line is several adjacent runs
        for i, a, b in runs:
            if merged and i - merged[-1][0] <= 2 and abs(a - merged[-1][1]) < 6 and abs(b - merged[-1][2]) < 6:
                merged[-1][0] = i
                continue
            merged.append([i, a, b])
        for i, a, b in merged:
            if horizontal:
                rules.append(Rule(True, a * scale, i * scale, b * scale, i * scale))
            else:
                rules.append(Rule(False, i * scale, a * scale, i * scale, b * scale))
    return rules


def _fills(rgb: np.ndarray, rules: list[Rule], scale: float) -> list[Fill]:
    """Cells of the ruled grid whose pixels are mostly one tint (a status colour)."""
    hs = sorted({round(r.top) for r in rules if r.horizontal})
    vs = sorted({round(r.x0) for r in rules if not r.horizontal})
    fills = []
    for top, bottom in zip(hs, hs[1:]):
        for left, right in zip(vs, vs[1:]):
            y0, y1, x0, x1 = (int(v / scale) for v in (top + 2, bottom - 2, left + 2, right - 2))
            if y1 - y0 < 4 or x1 - x0 < 4:
                continue
            cell = rgb[y0:y1, x0:x1].reshape(-1, 3).astype(float)
            tinted = cell[(cell.max(axis=1) - cell.min(axis=1) > 40) | (cell.max(axis=1) < 200)]
            if len(tinted) > 0.5 * len(cell):
                colour = tuple(float(v) / 255 for v in np.median(tinted, axis=0))
                fills.append(Fill(left, top, right, bottom, colour))  # type: ignore[arg-type]
    return fills


def ocr_page(image: Image, width: float, height: float, number: int) -> tuple[Page, float]:
    """Read one image-only page from its image rendered at `DPI` (the page is `width` x `height`
    points); returns the page and the mean word confidence."""
    image = image.convert("RGB")
    scale = 72.0 / DPI
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        found = _words(path, scale)
    rgb = np.asarray(image)
    dark = rgb.max(axis=2) < 110
    page = Page(number=number, width=width, height=height)
    page.words = [w for w, _ in found]
    page.rules = _rules(dark, scale)
    page.fills = _fills(rgb, page.rules, scale)
    page.lines = group_lines(page.words, number)
    confidence = float(np.mean([c for _, c in found])) if found else 0.0
    return page, confidence
