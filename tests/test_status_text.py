from wsoa.normalise.status import Legend, to_rgb
from wsoa.normalise.text import join_lines, split_lead, strip_citation


def test_colour_spaces_to_rgb():
    assert to_rgb((0.5,)) == (0.5, 0.5, 0.5)
    assert to_rgb((0, 1, 1, 0)) == (1.0, 0.0, 0.0)  # CMYK red
    assert to_rgb(None) is None and to_rgb("pattern") is None


def test_legend_overrides_plain_meaning():
    lg = Legend.default()
    assert lg.from_text("R")[0] == "red" and lg.from_text("Complete")[0] == "blue"
    lg.learn("amber", "Some slippage")
    assert lg.from_text("some slippage")[0] == "amber"
    assert lg.from_colour((1.0, 0.75, 0.0)) == ("amber", True)


def test_text_rules():
    assert join_lines(["bi-", "monthly board", "meetings"]) == "bi-monthly board meetings"
    assert split_lead("Head of Service CAMHS, Oxford Health") == ("Head of Service CAMHS", "Oxford Health")
    assert strip_citation("Waits are long (Inspection Report, p.2, 26 April 2022).") == (
        "Waits are long", "Inspection Report, p.2, 26 April 2022")


def test_a_header_cell_of_punctuation_only_has_no_role():
    from wsoa.normalise.roles import role_of
    assert role_of("|") == (None, 0.0) and role_of("–") == (None, 0.0)
    assert role_of("Accountable Lead")[0] == "lead"
