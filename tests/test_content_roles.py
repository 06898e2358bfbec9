"""Column roles from a column's content, and header wording (synonyms, headers wrapped mid-word)."""
from __future__ import annotations

import pytest

from wsoa.normalise.content import header_role, order_date_columns, role_from_content


def _hex(code: str) -> tuple[float, float, float]:
    return tuple(int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


ACTIONS = ["Develop a shared approach to collating children's views across services",
           "Recruit two additional educational psychologists to reduce waiting times",
           "Review the local offer website with parents and carers",
           "Publish a graduated approach toolkit for schools and settings"]


@pytest.mark.parametrize("cells, role", [
    (["1.1", "1.2", "1.3", "2.1"], "ref"),
    (["2.2b", "2.2c", "3.1a", "3.1b"], "ref"),
    (["LO1", "LO2", "LO3", "LO4"], "ref"),
    (["GR2.3", "GR2.4", "GR3.1", "GR3.2"], "ref"),
    (["A.1.2", "A.1.3", "", "B.2.1"], "ref"),
    (["W1.1", "W1.2", "PA1.1", "PA1.2"], "ref"),
    (["1a", "1b", "2a", "2b"], "ref"),
    (["Green", "Amber", "Red", "Blue"], "status"),
    (["G", "A", "R", "G"], "status"),
    (["R R", "B A B", "G", "A G"], "status"),   # one letter a milestone line
    (["On track", "Some slippage", "Complete", "Not yet started"], "status"),
    (["Green – Jan 23", "Amber – Feb 23", "Complete", ""], "status"),
    (["Head of Early Help, Buckinghamshire Council", "Project Officer", "ICB", "Designated Clinical Officer"], "lead"),
    (["SEND Team", "Head of SEND", "Principal Educational Psychologist", "CAMHS"], "lead"),
    (["Jane Smith", "John Brown (Head of Service)", "Dr A Patel", "Parent Carer Forum"], "lead"),
    (ACTIONS, None),
    (["Board Review (May 2024), Final Sign Off Aug 2024", "Board Review Jul 2024 With Partners",
      "Board Review Dec 2024, Final Sign Off Mar 2025"], None),   # dated: not names
    (["High", "Medium", "Low", "High"], None),
    (["", "", "", ""], None),
])
def test_role_from_content(cells, role):
    assert role_from_content(cells, [None] * len(cells))[0] == role


@pytest.mark.parametrize("cells, header, role", [
    (["Dec 2022", "31 March 2023", "Q3 2022/23", "Spring 2023"], None, "deadline"),
    (["Dec 2022", "Ongoing", "Mar-23", "TBC"], None, "deadline"),
    (["1 Sept 2022", "1 Jan 2023", "Sept 2022", "April 2023"], "Begin", "start"),
    (["1 Sept 2022", "1 Jan 2023", "Sept 2022", "April 2023"], "Commenced", "start"),
    (["Dec 2022", "31 March 2023", "Q3 2022/23", "Spring 2023"], "Col 5", "deadline"),
])
def test_a_column_of_dates_is_a_start_or_deadline(cells, header, role):
    got, why = role_from_content(cells, [None] * len(cells), header)
    assert got == role and "date" in why


def test_fills_of_several_statuses_make_a_status_column_even_over_dates():
    cells = ["Nov 2019", "Jan 2020", "", "April 2020"]
    fills = [_hex("00B050"), _hex("FFC000"), _hex("FF0000"), _hex("00B0F0")]
    assert role_from_content(cells, fills)[0] == "status"
    pale = [_hex("C6EFCE"), _hex("FFEB9C"), _hex("FFC7CE"), None]
    assert role_from_content(["", "", "", ""], pale)[0] == "status"   # coloured marks, no words


def test_one_fill_down_a_whole_column_is_styling_not_status():
    grey = (0.85, 0.85, 0.85)
    assert role_from_content(ACTIONS, [grey] * 4)[0] is None
    assert role_from_content(["1.1", "1.2", "1.3", "1.4"], [_hex("DDEBF7")] * 4)[0] == "ref"


def test_why_names_the_evidence():
    role, why = role_from_content(["1.1", "1.2", "1.3"], [None] * 3)
    assert role == "ref" and "3/3" in why


def test_two_date_columns_the_earlier_is_the_start():
    a = ["1 Sept 2022", "1 Jan 2023", "Oct 2022"]
    b = ["31 March 2023", "Dec 2023", "Ongoing"]
    assert order_date_columns({3: b, 2: a}) == {2: "start", 3: "deadline"}


@pytest.mark.parametrize("header, role", [
    ("RA G", "status"), ("B RAG", "status"), ("Dead line", "deadline"), ("Respon sible", "lead"),
    ("Respon sible officer", "lead"), ("Time scale", "deadline"), ("Mile stones", "milestones"),
    ("Intervention", "action"), ("Activity", "action"), ("Key tasks", "action"),
    ("Accountable officer", "lead"), ("Responsible lead", "lead"), ("Timescale", "deadline"),
    ("Target date", "deadline"), ("Completion date", "deadline"), ("By when", "deadline"), ("RAG", "status"),
    ("BRAG", "status"), ("Progress rating", "status"), ("Evidence of impact", "measures"),
    ("How will we know", "measures"), ("How will we know we have made a difference?", "measures"),
    ("Senior responsible officer", "lead"), ("Lead organisation", "lead"), ("Planned start date", "start"),
    ("Date of commencement", "start"), ("Key performance indicators", "measures"), ("Budget", "resource"),
    ("Area for development", "weakness"), ("What needs to improve", "weakness"), ("Delivery status", "status"),
    ("Desired outcome", "outcome"), ("Ref no.", "ref"), ("Target completion date", "deadline"),
])
def test_header_wording(header, role):
    assert header_role(header)[0] == role
