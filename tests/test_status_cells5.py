"""A status letter stands alone: the letter of a ref glued to its number ("W1.1", "A.1.1") says no status."""
import pytest

from wsoa.normalise.status import Legend


@pytest.mark.parametrize("text", ["W1.1", "A.1.1", "G1", "B2a", "R.3"])
def test_the_letter_of_a_ref_is_no_status(text):
    assert Legend.default().from_text(text) == (None, None)


@pytest.mark.parametrize("text, status", [("G", "green"), ("(A)", "amber"), ("R.", "red"), ("A – Jan 2024", "amber")])
def test_a_status_letter_alone_is_read(text, status):
    assert Legend.default().from_text(text)[0] == status
