"""Word files and web pages go through the same pipeline and give the same records as the PDF."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib import colors

from tests.conftest import BUCKS_WSOA, PBORO_WSOA
from tests.pdfbuild import build_plan
from wsoa.extract.document import extract

DATA = Path(__file__).parent / "data"
FIELDS = ("ref", "action", "lead", "start_dates", "deadlines", "rag", "weakness_id", "section", "group",
          "deadline_raw", "resource")


def _differences(pdf, other) -> list[str]:
    out = [f"{len(pdf.actions)} vs {len(other.actions)} actions"] if len(pdf.actions) != len(other.actions) else []
    for a, b in zip(pdf.actions, other.actions):
        out += [f"{a.ref} {f}: {getattr(a, f)!r} != {getattr(b, f)!r}" for f in FIELDS if getattr(a, f) != getattr(b, f)]
        if [(m.text, m.date, m.rag) for m in a.milestones] != [(m.text, m.date, m.rag) for m in b.milestones]:
            out.append(f"{a.ref} milestones")
    return out


@pytest.mark.parametrize("pdf_path, docx_name", [(BUCKS_WSOA, "buckinghamshire-2022-wsoa.docx"),
                                                 (PBORO_WSOA, "peterborough-2019-wsoa.docx")])
def test_word_statement_gives_the_pdf_record(pdf_path, docx_name, bucks, pboro):
    pdf = bucks if pdf_path == BUCKS_WSOA else pboro
    word = extract(DATA / docx_name)
    assert (word.doc_type, word.local_area, word.inspection_start) == (pdf.doc_type, pdf.local_area, pdf.inspection_start)
    assert [w.text for w in word.weaknesses] == [w.text for w in pdf.weaknesses]
    assert _differences(pdf, word) == []
    assert [q.text for q in word.quotes] == [q.text for q in pdf.quotes]
    # statuses there come from the cells' shading, e.g. Buckinghamshire W3 1.9 is amber
    if pdf_path == BUCKS_WSOA:
        a = next(a for a in word.actions if a.weakness_id == "W3" and a.ref == "1.9")
        assert a.rag == "amber" and a.deadlines == [date(2022, 8, 31)]


HEADER = ["Ref", "Action", "Lead", "Deadline", "RAG"]
ROWS = [["1.1", "Agree a joint therapy strategy with health partners", "Head of SEND, Northshire Council",
         "31 March 2024", ""],
        ["1.2", "Train early years settings in early identification", "Early Years Lead",
         "Sept 2023 (revised Jan 2024)", ""],
        ["1.3", "Publish the therapy offer on the local offer website", "Local Offer Manager", "Summer term 2024", ""]]
SHADES = {0: "#00b050", 1: "#ffc000", 2: "#ff0000"}


def test_web_page_statement_gives_the_pdf_record(tmp_path):
    pdf = build_plan(tmp_path / "plan.pdf", HEADER, [["Theme: therapies", None, None, None, None], *ROWS],
                     spans=[((0, 1), (4, 1))], heading="Priority 1: Therapies",
                     backgrounds={(4, i + 2): colors.HexColor(c) for i, c in SHADES.items()})
    cells = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row[:4]) + f'<td style="background-color: {SHADES[i]}"></td></tr>'
        for i, row in enumerate(ROWS))
    page = tmp_path / "plan.html"
    page.write_text(f"""<!DOCTYPE html><html><head><title>Plan</title><script>var x = 1;</script></head><body>
        <nav>Home | News</nav><h1>Priority 1: Therapies</h1>
        <table><thead><tr>{''.join(f'<th>{h}</th>' for h in HEADER)}</tr></thead>
        <tbody><tr><td colspan="5">Theme: therapies</td></tr>{cells}</tbody></table></body></html>""")
    a, b = extract(pdf), extract(page)
    assert [x.ref for x in b.actions] == ["1.1", "1.2", "1.3"]
    assert _differences(a, b) == []
    assert [x.rag for x in b.actions] == ["green", "amber", "red"]
    assert b.actions[1].deadlines == [date(2023, 9, 30), date(2024, 1, 31)]
    assert b.actions[0].group == "Theme: therapies" and b.actions[0].section == "Priority 1: Therapies"


def test_a_damaged_word_file_is_one_clear_error(tmp_path):
    from wsoa.extract.page import DocumentError

    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError, match="not a readable Word"):
        extract(bad)
