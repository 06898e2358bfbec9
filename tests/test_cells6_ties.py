"""A plan whose list of weaknesses is shorter than its numbered banners (a heading read as its only statement):
the banners' list is the plan's (cells6)."""
from __future__ import annotations

from wsoa.extract.ties import Marker, fuller, named
from wsoa.model import Weakness

TEXTS = ["Too few special school places close to home", "Long waits for speech and language therapy",
         "Plans are not reviewed on time by the local area"]


def _banners(n: int) -> list[Marker]:
    return [Marker(f"Weakness {i + 1}: {t}", "banner", named(f"Weakness {i + 1}: {t}")) for i, t in enumerate(TEXTS[:n])]


def test_numbered_banners_outnumbering_the_list_that_holds_one_of_them_are_the_list():
    assert fuller(_banners(3), [Weakness(id="W1", text=TEXTS[2])])


def test_a_list_as_long_as_the_banners_stays():
    assert not fuller(_banners(2), [Weakness(id="W1", text=TEXTS[0]), Weakness(id="W2", text=TEXTS[1])])


def test_a_list_the_banners_do_not_restate_stays():
    assert not fuller(_banners(3), [Weakness(id="W1", text="Leaders do not know how well children do")])
