"""Old-framework letters: strengths and areas for development; revisit letters: the verdict per weakness."""
from __future__ import annotations

import pytest

from tests.conftest import BUCKS_LETTER
from tests.pdfbuild import build_prose
from wsoa.extract.document import extract


@pytest.fixture(scope="module")
def letter():
    return extract(BUCKS_LETTER)


def test_strengths_and_areas_for_development_under_each_heading(letter):
    js = letter.judgements
    headings = list(dict.fromkeys(j.heading for j in js))
    assert len(headings) == 3 and headings[0].startswith("The effectiveness of the local area in identifying")
    first = [j for j in js if j.heading == headings[0]]
    assert [j.kind for j in first].count("strength") == 8 and [j.kind for j in first].count("development") == 5
    assert first[0].text.startswith("Early years practitioners are confident") and first[0].source.page == 3
    paeds = next(j for j in js if j.text.startswith("The situation regarding community paediatrician waits"))
    assert paeds.kind == "development" and paeds.heading.startswith("The effectiveness of the local area in meeting")
    assert paeds.text.endswith("This is not acceptable.")  # the item runs on over the page break


def test_revisit_letter_gives_a_verdict_per_weakness(tmp_path):
    path = build_prose(tmp_path / "revisit.pdf", [
        ("body", "20 April 2023"), ("body", "Dear Director"),
        ("bold", "Joint area SEND revisit in Northshire"),
        ("body", "Between 1 March and 3 March 2023, Ofsted and the Care Quality Commission (CQC) revisited the area "
                 "of Northshire to decide whether sufficient progress has been made in addressing each of the areas "
                 "of significant weakness detailed in the inspection report letter published on 14 June 2021."),
        ("body", "Inspectors found that the area has made sufficient progress in addressing one of the two significant "
                 "weaknesses identified at the initial inspection. The area has not made sufficient progress in "
                 "addressing the other."),
        ("heading", "Main findings"),
        ("bullet", "At the initial inspection, inspectors found the following: the lack of a joint commissioning "
                   "strategy for speech and language therapy and occupational therapy."),
        ("body", "Leaders have agreed a joint strategy and therapists now work in every school cluster."),
        ("body", "The area has made sufficient progress in addressing this significant weakness."),
        ("bullet", "At the initial inspection, inspectors found the following: long waiting times for autism "
                   "spectrum disorder assessments."),
        ("body", "Families still wait more than a year for an assessment."),
        ("body", "The area has not made sufficient progress in addressing this significant weakness."),
        ("body", "Yours sincerely"),
    ])
    doc = extract(path)
    assert doc.doc_type == "revisit_letter"
    assert doc.outcome == ("Inspectors found that the area has made sufficient progress in addressing one of the "
                           "two significant weaknesses identified at the initial inspection.")
    assert [(w.id, w.progress) for w in doc.weaknesses] == [("W1", "sufficient"), ("W2", "insufficient")]
    assert doc.weaknesses[1].text == "long waiting times for autism spectrum disorder assessments."


def test_revisit_letter_with_the_weakness_in_the_next_paragraph(tmp_path):
    path = build_prose(tmp_path / "revisit2.pdf", [
        ("body", "3 March 2022"), ("body", "Dear Director"),
        ("bold", "Joint area SEND revisit in Southshire"),
        ("body", "Ofsted and the CQC revisited the area to decide whether sufficient progress has been made in "
                 "addressing each of the areas of significant weakness."),
        ("body", "The area has not made sufficient progress in addressing any of the three significant weaknesses."),
        ("body", "At the time of the initial inspection, inspectors identified that:"),
        ("body", "Too few education, health and care plans are completed within 20 weeks."),
        ("body", "Timeliness is still poor. The area has not made sufficient progress in addressing this "
                 "significant weakness."),
    ])
    doc = extract(path)
    assert doc.doc_type == "revisit_letter"
    assert doc.outcome.startswith("The area has not made sufficient progress in addressing any of the three")
    assert [(w.text, w.progress) for w in doc.weaknesses] == [
        ("Too few education, health and care plans are completed within 20 weeks.", "insufficient")]
