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
