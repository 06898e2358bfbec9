"""How an action stands as of a date: deadline revisions, slippage and overdue, one rule for
`wsoa check` and the report (SCHEMA.md, Dates: phases are not revisions).

Only a deadline cell that states a revision (`deadline_revised`: a date struck, arrowed or said
to be revised) has an original and a current deadline; several dates without that are phases,
and the last phase is the deadline that stands.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

BLOCKING = "uncovered-weakness"  # the finding that makes `wsoa check` exit 1


def date_list(values: Any) -> list[dt.date]:
    """A DATE[] cell (dates or timestamps, maybe None) -> dates."""
    return [pd.Timestamp(v).date() for v in (values if values is not None else []) if not pd.isna(v)]


def is_revised(deadlines: list[dt.date], revised: Any) -> bool:
    """The cell states a revision and holds more than one date."""
    return bool(revised) and not pd.isna(revised) and len(deadlines) > 1


def revisions(deadlines: list[dt.date], revised: Any) -> int:
    """How many times the deadline was moved: 0 for phases."""
    return len(deadlines) - 1 if is_revised(deadlines, revised) else 0


def earlier_deadlines(deadlines: list[dt.date], revised: Any) -> list[dt.date]:
    """The deadlines a revision replaced (the original first); none for phases."""
    return deadlines[:-1] if is_revised(deadlines, revised) else []


def current_deadline(deadlines: list[dt.date], revised: Any) -> dt.date | None:
    """The deadline that stands: the last revision made, or the latest phase (phases are kept in
    printed order, which need not be the order of their dates)."""
    if not deadlines:
        return None
    return deadlines[-1] if is_revised(deadlines, revised) else max(deadlines)


def earlier_phases(deadlines: list[dt.date], revised: Any) -> list[dt.date]:
    """The other phase dates of an action whose cell gives several dates without a revision."""
    if is_revised(deadlines, revised) or len(deadlines) < 2:
        return []
    last = max(deadlines)
    return sorted(d for d in set(deadlines) if d != last)


def original_deadline(deadlines: list[dt.date], revised: Any) -> dt.date | None:
    """The first deadline set: the original of a revised cell, else the deadline itself."""
    return deadlines[0] if is_revised(deadlines, revised) else current_deadline(deadlines, revised)


def days_slipped(deadlines: list[dt.date], revised: Any) -> int:
    """Days from the original deadline to the one that stands (0 unless revised later)."""
    if not is_revised(deadlines, revised) or deadlines[-1] <= deadlines[0]:
        return 0
    return (deadlines[-1] - deadlines[0]).days


def is_overdue(deadlines: list[dt.date], revised: Any, status: Any, as_of: dt.date) -> bool:
    """The deadline that stands has passed and the action is not complete (blue)."""
    due = current_deadline(deadlines, revised)
    return due is not None and due < as_of and status != "blue"
