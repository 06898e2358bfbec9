"""Letters and plans of any council: the local area from a title in any letter case (never from a sentence),
and inspection dates in the ways they are written (issue 14, item 4)."""
from __future__ import annotations

import datetime as dt

import pytest

from wsoa.extract.prose import Paragraph
from wsoa.extract.statements import inspection_dates, local_area


def _paras(*texts: str) -> list[Paragraph]:
    return [Paragraph(t, 1, 50.0 + 20 * i, 60.0 + 20 * i, 10.0, False) for i, t in enumerate(texts)]


@pytest.mark.parametrize("title,area", [
    ("Area SEND inspection of Lowdale Local Area Partnership", "Lowdale"),
    ("AREA SEND INSPECTION OF KINGSFORD-UPON-AVON LOCAL AREA PARTNERSHIP", "Kingsford-upon-Avon"),
    ("area send inspection of west marsh local area partnership", "West Marsh"),
    ("Written Statement of Action for North Yorkshire", "North Yorkshire"),
    ("WRITTEN STATEMENT OF ACTION FOR BATH AND NORTH EAST SOMERSET", "Bath and North East Somerset"),
    ("Priority action plan for Telford and Wrekin local area partnership", "Telford and Wrekin"),
    ("Joint area SEND inspection in Southend-on-Sea", "Southend-on-Sea"),
    ("Kingston upon Thames Local Area SEND Inspection", "Kingston upon Thames"),
])
def test_local_area_from_a_title_in_any_case(title, area):
    assert local_area(_paras(title, "Inspection dates: 5 to 9 June 2023")) == area


@pytest.mark.parametrize("sentence", [
    "Information about the local area partnership",
    "Senior leaders across the partnership have worked well together.",
    "The local area partnership has a shared understanding of need.",
])
def test_no_local_area_from_a_sentence(sentence):
    assert local_area(_paras(sentence, "Inspection dates: 5 to 9 June 2023")) is None


@pytest.mark.parametrize("text,start,end", [
    ("Inspection dates: 5 to 9 June 2023", "2023-06-05", "2023-06-09"),
    ("Inspection dates: 5\u20139 June 2023", "2023-06-05", "2023-06-09"),
    ("Inspection dates: 5-9 June 2023", "2023-06-05", "2023-06-09"),
    ("Inspection dates: 27 February to 3 March 2023", "2023-02-27", "2023-03-03"),
    ("Inspection dates: 01/03/2022 to 05/03/2022", "2022-03-01", "2022-03-05"),
    ("The inspection took place from 01/03/2022 \u2013 05/03/2022.", "2022-03-01", "2022-03-05"),
    ("Between 10th June 2019 and 14th June 2019, Ofsted and the CQC inspected the area.", "2019-06-10", "2019-06-14"),
    ("Inspection dates: 30 December 2024 to 3 January 2025", "2024-12-30", "2025-01-03"),
])
def test_inspection_dates_in_every_written_form(text, start, end):
    assert inspection_dates(_paras("Area SEND inspection of Lowdale", text)) == (dt.date.fromisoformat(start),
                                                                                  dt.date.fromisoformat(end))
