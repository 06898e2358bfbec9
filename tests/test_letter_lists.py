"""Old-framework letters of any council (issue 14, item 4): the significant weaknesses as numbered,
lettered or bulleted lists, marks in either case, with the introduction in any letter case."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from tests.reportbuild import unicode_font
from wsoa.extract.document import extract

WEAKNESSES = ["The variable quality of education, health and care plans",
              "Long waiting times for assessment by the autism spectrum disorder pathway",
              "The lack of co-production with parents and carers at a strategic level"]
INTRO = ("The inspection raises significant concerns about the effectiveness of the local area. The area is required "
         "to produce and submit a Written Statement of Action that explains how it will tackle the following areas of "
         "significant weakness:")
MARKS = {"numbers": ["1.", "2.", "3."], "parenthesised": ["(1)", "(2)", "(3)"], "lower letters": ["a.", "b.", "c."],
         "upper letters": ["A.", "B.", "C."], "letter brackets": ["a)", "b)", "c)"], "roman": ["i.", "ii.", "iii."],
         "bullets": ["\u2022"] * 3, "dashes": ["\u2013"] * 3, "squares": ["\u25aa"] * 3}


def _letter(path, marks: list[str], intro: str, inline_marks: bool):
    ss = getSampleStyleSheet()
    font = unicode_font()[0]
    body = ss["BodyText"].clone("body", fontName=font, bulletFontName=font)  # the glyph itself, not a Dingbats letter
    story = [Paragraph("14 June 2021", body), Paragraph("Dear Director", body),
             Paragraph("Joint area SEND inspection in Northshire", ss["Heading2"]),
             Paragraph("Between 10 May 2021 and 14 May 2021, Ofsted and the Care Quality Commission (CQC) conducted "
                       "a joint inspection of the local area of Northshire.", body), Paragraph(intro, body)]
    for mark, text in zip(marks, WEAKNESSES):
        story.append(Paragraph(f"{mark} {text}", body) if inline_marks else
                     Paragraph(text, body.clone("li", leftIndent=18), bulletText=mark))
    story.append(Paragraph("Yours sincerely", body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.mark.parametrize("style", list(MARKS))
@pytest.mark.parametrize("inline_marks", [False, True])
def test_listed_weaknesses_whatever_the_marks(style, inline_marks, tmp_path):
    doc = extract(_letter(tmp_path / "l.pdf", MARKS[style], INTRO, inline_marks))
    assert doc.doc_type == "inspection_letter"
    assert [w.text for w in doc.weaknesses] == WEAKNESSES
    assert (str(doc.inspection_start), str(doc.inspection_end)) == ("2021-05-10", "2021-05-14")


def test_an_introduction_in_capitals(tmp_path):
    doc = extract(_letter(tmp_path / "l.pdf", MARKS["numbers"], INTRO.upper(), False))
    assert [w.text for w in doc.weaknesses] == WEAKNESSES
