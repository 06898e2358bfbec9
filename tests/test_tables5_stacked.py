"""A ruled table set right under another of other columns (a key) shares only its outer rules."""
from __future__ import annotations

from wsoa.extract.page import Rule
from wsoa.extract.tables import find_tables

from .test_table_stages import page_of, ruled_table, words

XS = [40.0, 80.0, 300.0, 400.0, 480.0, 560.0]


def test_a_grid_right_under_a_ruled_key_still_opens_a_table():
    """A two-column key ruled from 40 to 560, then, with no gap, a grid of unknown header words: its
    outer rules run on up through the key, its inner ones start at its header."""
    ws, rules = [], []
    for k, (swatch, meaning) in enumerate([("Green", "On track"), ("Amber", "Behind plan"), ("Red", "Stalled")]):
        ws += words(swatch, 43, 40 + 20 * k) + words(meaning, 203, 40 + 20 * k)
    rules += [Rule(False, x, 36, x, 96) for x in (40.0, 200.0, 560.0)]
    rules += [Rule(True, 40.0, 36 + 20 * k, 560.0, 36 + 20 * k) for k in range(4)]
    body = [["1.1", "Train staff in every school", "Head of SEND", "Jan 2024", "Green"],
            ["1.2", "Publish the new local offer", "Parent forum", "Mar 2024", "Amber"],
            ["1.3", "Audit the waiting lists for therapy", "Health lead", "Jun 2024", "Red"]]
    table, grid, _ = ruled_table(96, body, header=["Code", "Planned response", "Champion", "Finish", "Health"])
    tables = find_tables([page_of(1, ws + table, rules + grid)]).tables
    assert len(tables) == 1
    assert [c.role for c in tables[0].columns] == ["ref", "action", "lead", "deadline", "status"]
