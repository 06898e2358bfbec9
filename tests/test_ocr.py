"""Scanned statements: a corpus page rasterised here, read with --ocr (Tesseract), values flagged."""
from __future__ import annotations

import shutil
from datetime import date

import pdfplumber
import pytest

from tests.conftest import BUCKS_WSOA
from wsoa.extract.document import extract
from wsoa.extract.page import DocumentError


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    """Page 17 of the Buckinghamshire WSoA as an image-only PDF at 200 dpi (amber status cells)."""
    path = tmp_path_factory.mktemp("scan") / "scanned.pdf"
    with pdfplumber.open(str(BUCKS_WSOA)) as pdf:
        image = pdf.pages[16].to_image(resolution=200).original.convert("RGB")
    image.save(path, resolution=200)
    return path


def test_without_ocr_an_image_only_pdf_names_the_flag(scan):
    with pytest.raises(DocumentError, match="--ocr"):
        extract(scan)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (.ci/run installs it)")
def test_ocr_reads_the_scanned_table_and_flags_its_values(scan, bucks):
    doc = extract(scan, ocr=True)
    assert doc.doc_type == "wsoa"
    assert [w.code for w in doc.warnings if w.code == "ocr"] == ["ocr"]
    found = {a.ref: a for a in doc.actions}
    # the same actions as the PDF's text layer gives for that page (W3 1.6 to 1.13), status from pixels
    printed = {a.ref: a for a in bucks.actions if a.source.page == 17}
    same = [ref for ref, a in printed.items() if ref in found
            and (found[ref].rag, found[ref].deadlines) == (a.rag, a.deadlines)]
    assert len(printed) == 8 and len(same) >= 7, sorted(found)
    a = found["1.13"]
    assert a.rag == "amber" and a.rag_source == "colour" and a.deadlines == [date(2022, 12, 31)]
    assert a.action.startswith("Develop/strengthen the pre-referral offering")
    assert "ocr" in a.flags and 0.5 < a.confidence < 1.0
