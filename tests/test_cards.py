"""Plans that are not tables (issue 14): action cards, bold or set-apart labels, key/value boxes, prose
paragraphs with inline fields and a heading per action, each as PDF (three fonts, several sizes),
Word and web page, with wording drawn from the ways councils label their fields."""
from __future__ import annotations

import pytest

from tests.cardbuild import FONTS, FORMS, build_docx, build_html, build_pdf, sample_plan, truth
from wsoa.extract.document import extract

CASES = [(form, renderer, seed) for form in FORMS for renderer in ("pdf", "docx", "html") for seed in (1, 2)]


def _build(form: str, renderer: str, seed: int, tmp_path):
    plan = sample_plan(seed, form)
    path = tmp_path / f"plan.{renderer}"
    if renderer == "pdf":
        font = FONTS[seed % len(FONTS)]
        build_pdf(plan, path, font=font, size=8 + 2 * (seed % 2))
    else:
        (build_docx if renderer == "docx" else build_html)(plan, path)
    return plan, path


def _as_truth(a) -> dict:
    return {"weakness_id": a.weakness_id, "ref": a.ref, "action": a.action, "lead": a.lead,
            "start_dates": [d.isoformat() for d in a.start_dates], "deadlines": [d.isoformat() for d in a.deadlines],
            "measures": a.measures, "rag": a.rag}


@pytest.mark.parametrize("form,renderer,seed", CASES)
def test_every_card_form_gives_the_plan_a_table_would(form, renderer, seed, tmp_path):
    plan, path = _build(form, renderer, seed, tmp_path)
    doc = extract(path)
    assert doc.doc_type == "priority_action_plan"
    assert [_as_truth(a) for a in doc.actions] == truth(plan)
    assert [w.text for w in doc.weaknesses] == [w for w, _ in plan.priorities]
    assert all(a.source and a.source.page >= 1 for a in doc.actions)


def test_a_card_plan_quoting_the_inspection_outcome_is_still_a_plan(tmp_path):
    plan = sample_plan(5, "colon-lines")
    plan.preamble = ["Dear colleagues, the inspection outcome was: there are widespread and/or systemic failings "
                     "leading to significant concerns about the experiences and outcomes of children and young "
                     "people with SEND. Ofsted and CQC will revisit the area."]
    doc = extract(build_pdf(plan, tmp_path / "plan.pdf"))
    assert doc.doc_type == "priority_action_plan"
    assert [_as_truth(a) for a in doc.actions] == truth(plan)


def test_statuses_map_through_plain_meaning_and_dates_by_role(tmp_path):
    plan = sample_plan(4, "prose")
    doc = extract(build_pdf(plan, tmp_path / "p.pdf"))
    first = doc.actions[0]
    want = truth(plan)[0]
    assert first.start_dates[0].isoformat() == want["start_dates"][0]  # a month alone starts on its first day
    assert first.deadlines[0].isoformat() == want["deadlines"][0]  # and ends on its last
    assert first.rag == want["rag"] and first.rag_source == "word"


def test_a_field_label_opening_every_page_is_not_a_running_header():
    from tests.test_table_stages import page_of, words
    from wsoa.extract.document import not_furniture
    from wsoa.extract.page import remove_furniture

    pages = [page_of(n, words("What we will do:", 40, 40) + words(f"Publish the offer number {n}", 40, 52)
                     + words("Lead: Head of SEND", 40, 64)) for n in (1, 2, 3, 4)]
    remove_furniture(pages, not_furniture)
    assert all(p.lines[0].text == "What we will do:" for p in pages)


def test_a_label_no_vocabulary_knows_opening_every_page_with_its_colon_is_not_a_running_header():
    from tests.test_table_stages import page_of, words
    from wsoa.extract.document import not_furniture
    from wsoa.extract.page import remove_furniture

    pages = [page_of(n, words("Line item:", 40, 40) + words(f"1.{n}", 40, 52) + words("Lead: Head of SEND", 40, 64))
             for n in (1, 2, 3, 4)]
    remove_furniture(pages, not_furniture)
    assert all(p.lines[0].text == "Line item:" for p in pages)


def test_a_ref_field_opening_every_page_is_not_a_running_header():
    from tests.test_table_stages import page_of, words
    from wsoa.extract.document import not_furniture
    from wsoa.extract.page import remove_furniture

    pages = [page_of(n, words(f"Action ref: GR{n}.2", 40, 40) + words(f"Action: Publish offer {n}", 40, 52)
                     + words("Lead: Head of SEND", 40, 64)) for n in (1, 2, 3, 4)]
    remove_furniture(pages, not_furniture)
    assert [p.lines[0].text for p in pages] == [f"Action ref: GR{n}.2" for n in (1, 2, 3, 4)]
