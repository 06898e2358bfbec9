"""Date rules of SCHEMA.md: examples, then properties over generated dates (hypothesis)."""
from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, strategies as st

from wsoa.normalise.dates import find_dates, last_date, parse_dates


@pytest.mark.parametrize("text, role, expected", [
    ("Jan 2020", "deadline", [date(2020, 1, 31)]),
    ("Jan 2020", "start", [date(2020, 1, 1)]),
    ("Feb 2024", "deadline", [date(2024, 2, 29)]),
    ("Spring term 2023", "deadline", [date(2023, 3, 31)]),
    ("Autumn 2022/23", "deadline", [date(2022, 12, 31)]),
    ("Summer term 2022/23", "deadline", [date(2023, 7, 31)]),
    ("Q3 2022/23", "deadline", [date(2022, 12, 31)]),
    ("Q4 2022/23", "deadline", [date(2023, 3, 31)]),
    ("Q1 2023-24", "deadline", [date(2023, 6, 30)]),
    ("Sept 2022 – July 2023", "deadline", [date(2023, 7, 31)]),
    ("Sept 2022 – July 2023", "start", [date(2022, 9, 1)]),
    ("w/c 5 Sept 2022", "deadline", [date(2022, 9, 5)]),
    ("30th June 2023", "deadline", [date(2023, 6, 30)]),
    ("31.03.23", "deadline", [date(2023, 3, 31)]),
    ("31/03/2023", "deadline", [date(2023, 3, 31)]),
    ("Mar-23", "deadline", [date(2023, 3, 31)]),
    ("30 Nov 2022 31 Jan 2023 30 April 2023", "deadline", [date(2022, 11, 30), date(2023, 1, 31), date(2023, 4, 30)]),
    ("Out to tender by 21 Dec 2022 New service in place from 1 Oct 2023", "deadline",
     [date(2022, 12, 21), date(2023, 10, 1)]),
    ("Ongoing", "deadline", []),
    ("TBC", "deadline", []),
    ("31 Sept 2022", "deadline", []),
    ("29 Feb 2023", "deadline", []),
])
def test_examples(text, role, expected):
    assert parse_dates(text, role)[0] == expected


def test_a_date_that_does_not_exist_warns_and_is_not_guessed():
    dates, warnings = parse_dates("31 Sept 2022 then 30 April 2023")
    assert dates == [date(2023, 4, 30)]
    assert warnings == ["date does not exist: '31 Sept 2022'"]


def test_milestone_date_is_the_last_date_in_its_text():
    assert last_date("June 2020 to April 2021") == date(2021, 4, 30)
    assert last_date("Nov 2019-") == date(2019, 11, 30)
    assert last_date("Ongoing from March 2020") == date(2020, 3, 31)


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
formats = st.sampled_from(["{d} {b} {Y}", "{d} {B} {Y}", "{d}{sfx} {B} {Y}", "{d}/{m}/{Y}", "{d}.{m:02d}.{y:02d}",
                           "{B} {d}, {Y}", "{d} {b}. {Y}", "{d}-{b}-{Y}"])


def _suffix(d: int) -> str:
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


@given(days, formats)
def test_any_real_day_in_common_formats_round_trips(day, fmt):
    text = fmt.format(d=day.day, b=calendar.month_abbr[day.month], B=calendar.month_name[day.month], Y=day.year,
                      m=day.month, y=day.year % 100, sfx=_suffix(day.day))
    if "{y" in fmt and not 2000 <= day.year <= 2099:
        return  # two-digit years are read as 20YY
    assert parse_dates(text)[0] == [day], text


@given(days)
def test_month_only_is_last_day_for_deadlines_first_day_for_starts(day):
    text = f"{calendar.month_name[day.month]} {day.year}"
    last = calendar.monthrange(day.year, day.month)[1]
    assert parse_dates(text, "deadline")[0] == [date(day.year, day.month, last)]
    assert parse_dates(text, "start")[0] == [date(day.year, day.month, 1)]


@given(st.lists(days, min_size=1, max_size=4))
def test_several_dates_in_one_cell_keep_printed_order(dates):
    text = "  ".join(f"{d.day} {calendar.month_name[d.month]} {d.year}" for d in dates)
    assert parse_dates(text)[0] == dates


@given(st.integers(2000, 2050), st.integers(1, 12), st.integers(29, 31))
def test_impossible_days_give_no_date(year, month, day):
    text = f"{day} {calendar.month_name[month]} {year}"
    valid = day <= calendar.monthrange(year, month)[1]
    dates, warnings = parse_dates(text)
    assert (dates == [date(year, month, day)]) if valid else (dates == [] and len(warnings) == 1)


def test_hits_carry_their_position_in_the_text():
    hits = find_dates("by 21 Dec 2022 then 1 Oct 2023")
    assert [(h.start, h.end) for h in hits] == [(3, 14), (20, 30)]


# ---- read_cell: one cell read by the rules of SCHEMA.md's Dates section ----

from wsoa.normalise.dates import CellDates, read_cell  # noqa: E402

D = date


@pytest.mark.parametrize("text, kind, expected", [
    ("March 2023", "deadline", [D(2023, 3, 31)]),
    ("March 2023", "milestone", [D(2023, 3, 31)]),
    ("March 2023", "start", [D(2023, 3, 1)]),
    ("Spring 2020", "deadline", [D(2020, 3, 31)]),
    ("Summer 2021", "deadline", [D(2021, 7, 31)]),
    ("Autumn 2022", "deadline", [D(2022, 12, 31)]),
    ("Autumn term 2022", "milestone", [D(2022, 12, 31)]),
    ("Spring Term 23", "deadline", [D(2023, 3, 31)]),
    ("Spring 2020", "start", [D(2020, 1, 1)]),
    ("Q3 2022/23", "deadline", [D(2022, 12, 31)]),
    ("Q1 22/23", "deadline", [D(2022, 6, 30)]),
    ("Quarter 4 2023-24", "deadline", [D(2024, 3, 31)]),
    ("Q2 FY 2023/24", "deadline", [D(2023, 9, 30)]),
    ("2022/23 Q3", "deadline", [D(2022, 12, 31)]),
    ("Q3 2022/23", "start", [D(2022, 10, 1)]),
    ("Sept 18", "deadline", [D(2018, 9, 30)]),
    ("Jan-19", "deadline", [D(2019, 1, 31)]),
    ("Jan-19", "start", [D(2019, 1, 1)]),
    ("Dec '22", "deadline", [D(2022, 12, 31)]),
    ("end of June 2023", "deadline", [D(2023, 6, 30)]),
    ("By 31st March 2023", "deadline", [D(2023, 3, 31)]),
    ("tender by Dec 2022; service live Oct 2023", "deadline", [D(2022, 12, 31), D(2023, 10, 31)]),
    ("12 weeks", "deadline", []),
    ("6 months", "deadline", []),
    ("within 3 months of appointment", "deadline", []),
    ("Ongoing", "deadline", []),
    ("TBC", "deadline", []),
    ("Complete", "deadline", []),
    ("Completed", "milestone", []),
    ("next month", "deadline", []),
    ("in 2 weeks", "deadline", []),
    ("Decrease 50", "deadline", []),
    ("Decrease by 50%", "deadline", []),
    ("Mayor 2023", "deadline", []),
    ("Separate 12 2023", "deadline", []),
    ("Marching 2024", "deadline", []),
    ("Junior 2023", "deadline", []),
    ("Augment 2022", "deadline", []),
    ("Octopus 22", "deadline", []),
    ("Novel 2022", "deadline", []),
    ("Year 1 and Year 2 pupils", "deadline", []),
    ("31 Sept 2022", "deadline", []),
])
def test_read_cell_values(text, kind, expected):
    assert read_cell(text, kind).dates == expected


@pytest.mark.parametrize("text, dates, revised", [
    ("Dec 22 → Mar 23", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("Dec 22 -> Mar 23", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("Dec 22 => Mar 23 => Jun 23", [D(2022, 12, 31), D(2023, 3, 31), D(2023, 6, 30)], True),
    ("Original: Dec 2019 / Revised: Mar 2020", [D(2019, 12, 31), D(2020, 3, 31)], True),
    ("Original deadline: Dec 2019. Revised deadline: March 2020", [D(2019, 12, 31), D(2020, 3, 31)], True),
    ("Dec 2018 revised to March 2019", [D(2018, 12, 31), D(2019, 3, 31)], True),
    ("March 2023 (revised from Dec 2022)", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("31 March 2023 (was 31 Dec 2022)", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("Revised deadline: March 2023", [D(2023, 3, 31)], True),
    ("New date: 30 June 2023 (originally 31 March 2023)", [D(2023, 3, 31), D(2023, 6, 30)], True),
    ("Dec 2022, now extended to April 2023", [D(2022, 12, 31), D(2023, 4, 30)], True),
    ("Dec 2019 (original) Mar 2020 (revised)", [D(2019, 12, 31), D(2020, 3, 31)], True),
    ("tender by Dec 2022; service live Oct 2023", [D(2022, 12, 31), D(2023, 10, 31)], False),
    ("Out to tender by 21 Dec 2022 New service in place from 1 Oct 2023", [D(2022, 12, 21), D(2023, 10, 1)], False),
    ("30 Nov 2022 31 Jan 2023 30 April 2023", [D(2022, 11, 30), D(2023, 1, 31), D(2023, 4, 30)], False),
    ("21 July 2023 31 March 2023", [D(2023, 7, 21), D(2023, 3, 31)], False),
    ("Phase 1: March 2023; Phase 2: Sept 2023", [D(2023, 3, 31), D(2023, 9, 30)], False),
    ("31 March 2023", [D(2023, 3, 31)], False),
    ("Deadline extended from Dec 2022 to March 2023", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("Moved from 31/12/2022 to 31/03/2023", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("Revised: 30/06/23 Original: 31/03/23", [D(2023, 3, 31), D(2023, 6, 30)], True),
    ("Summer 2023 (previously Spring 2023)", [D(2023, 3, 31), D(2023, 7, 31)], True),
    ("Dec 2022 (slipped to Mar 2023)", [D(2022, 12, 31), D(2023, 3, 31)], True),
    ("31-03-2023 and 30-06-2023", [D(2023, 3, 31), D(2023, 6, 30)], False),
    ("From Dec 2022 to March 2023", [D(2023, 3, 31)], False),
])
def test_revisions_are_listed_in_the_order_made_and_phases_are_not_revisions(text, dates, revised):
    cell = read_cell(text, "deadline")
    assert (cell.dates, cell.revised) == (dates, revised)


def test_a_struck_date_is_the_earlier_one_whatever_the_printed_order():
    cell = read_cell("June 2023 Dec 2022", "deadline", struck={"Dec", "2022"})
    assert cell.dates == [D(2022, 12, 31), D(2023, 6, 30)] and cell.revised
    two = read_cell("Dec 2022 March 2023 June 2023", "deadline", struck={"dec", "2022", "march"})
    assert two.dates == [D(2022, 12, 31), D(2023, 3, 31), D(2023, 6, 30)] and two.revised
    assert not read_cell("Dec 2022 June 2023", "deadline", struck={"Action"}).revised


@pytest.mark.parametrize("text, kind, dates, start", [
    ("Sept 2022 – July 2023", "deadline", [D(2023, 7, 31)], D(2022, 9, 1)),
    ("Sept 2022 - July 2023", "milestone", [D(2023, 7, 31)], D(2022, 9, 1)),
    ("April 2022 to March 2023", "deadline", [D(2023, 3, 31)], D(2022, 4, 1)),
    ("1 April 2022 until 31 March 2023", "deadline", [D(2023, 3, 31)], D(2022, 4, 1)),
    ("Autumn 2022 – Summer 2023", "deadline", [D(2023, 7, 31)], D(2022, 9, 1)),
    ("Sept 2022 – July 2023", "start", [D(2022, 9, 1)], D(2022, 9, 1)),
    ("July 2023", "deadline", [D(2023, 7, 31)], None),
])
def test_a_range_gives_its_end_as_deadline_and_exposes_its_start(text, kind, dates, start):
    cell = read_cell(text, kind)
    assert (cell.dates, cell.range_start, cell.revised) == (dates, start, False)


def test_an_impossible_date_gives_no_date_and_a_warning():
    cell = read_cell("31 Sept 2022", "deadline")
    assert isinstance(cell, CellDates)
    assert cell.dates == [] and cell.warnings == ["date does not exist: '31 Sept 2022'"]
    assert read_cell("30/02/2023", "start").warnings == ["date does not exist: '30/02/2023'"]


def test_nothing_is_dated_relative_to_today(monkeypatch):
    import dateparser
    seen = []
    real = dateparser.parse

    def spy(text, *args, **kwargs):
        seen.append(kwargs.get("settings", {}))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(dateparser, "parse", spy)
    from wsoa.normalise import dates as mod
    mod._dateparser.cache_clear()
    assert read_cell("the 5th of March in 2023", "deadline").dates == [D(2023, 3, 5)]
    for text in ("12 weeks", "2 weeks ago", "tomorrow", "next March", "in 6 months time", "3 months from start"):
        assert read_cell(text, "deadline").dates == [], text
    assert seen and all(s.get("RELATIVE_BASE") is not None and "relative-time" not in s.get("PARSERS", ["relative-time"])
                        for s in seen)


def test_empty_or_missing_cell():
    assert read_cell(None, "deadline") == CellDates([], False, None, [])
    assert read_cell("   ", "start").dates == []


month_word = st.sampled_from([m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"])
suffixes = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)


@given(month_word, suffixes, st.integers(0, 2099))
def test_a_word_that_merely_begins_like_a_month_is_not_a_month(month, tail, number):
    word = month + tail
    if word.lower() in {m.lower() for m in calendar.month_name if m} | {"sept"}:
        return  # the tail completed a real month name ("Jan" + "uary")
    assert read_cell(f"{word} {number}", "deadline").dates == []


@given(st.integers(2000, 2098), st.integers(1, 12), st.integers(1, 12), st.sampled_from(["→", "->", "=>", "⇒"]))
def test_an_arrow_always_reads_old_then_new(year, m1, m2, arrow):
    old, new = D(year, m1, 1), D(year + 1, m2, 1)
    text = f"{calendar.month_abbr[m1]} {year % 100:02d} {arrow} {calendar.month_abbr[m2]} {(year + 1) % 100:02d}"
    cell = read_cell(text, "start")
    assert (cell.dates, cell.revised) == ([old, new], True)


@given(st.integers(2000, 2098), st.integers(1, 12), st.integers(1, 12))
def test_revised_from_reorders_to_the_order_made(year, m1, m2):
    text = f"{calendar.month_name[m2]} {year + 1} (revised from {calendar.month_name[m1]} {year})"
    assert read_cell(text, "start").dates == [D(year, m1, 1), D(year + 1, m2, 1)]



def test_a_revision_phrase_printed_without_its_space_still_marks_the_old_date():
    from wsoa.normalise.dates import read_cell
    cell = read_cell("Summer term 2022 (revisedfrom April 2022)", "deadline")
    assert [d.isoformat() for d in cell.dates] == ["2022-04-30", "2022-07-31"] and cell.revised


def test_a_term_glued_to_its_season_is_read():
    from wsoa.normalise.dates import read_cell
    assert [d.isoformat() for d in read_cell("Summerterm 2023", "deadline").dates] == ["2023-07-31"]
