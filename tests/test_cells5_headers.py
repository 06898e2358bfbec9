"""Headers wrapped mid-word in a narrow column ("Cu rr en t st at us"): the phrase read inside the joined text."""
from wsoa.normalise.content import header_role
from wsoa.extract.column_roles import STRONG


def test_phrase_inside_a_header_broken_letter_by_letter_is_a_weak_role():
    role, score = header_role("Cu rr en t de li ve ry st at us ag ai ns t th e ag re ed ti me sc al e")
    assert role == "status" and score < STRONG
    assert header_role("Ac ti on re fe re nc e nu mb er in th is pl an")[0] == "ref"


def test_whole_words_are_not_searched_inside_one_another():
    assert header_role("Provide knowledge to parents")[0] is None   # "id", "no" inside words
    assert header_role("Why we are doing this")[0] is None


def test_a_column_under_a_header_wrapped_letter_by_letter_takes_its_role_unless_the_cells_refute_it():
    from tests.test_weak_roles import ACTIONS, _roles
    status = "Cu rr en t de li ve ry st at us ag ai ns t th e ag re ed ti me sc al e"
    assert _roles(["Action", status], [[ACTIONS[0], ""], [ACTIONS[1], ""]]) == ["action", "status"]
    assert _roles(["Action", status], [[ACTIONS[0], ACTIONS[2]], [ACTIONS[1], ACTIONS[3]]])[1] is None


def test_an_unnamed_column_of_sentences_each_over_several_actions_is_the_weakness():
    from tests.test_weak_roles import ACTIONS, _roles
    weakness = "Poor co-ordination of school exclusions across the area"
    merged = [["1.1", weakness, ACTIONS[0]], ["1.2", None, ACTIONS[1]], ["1.3", None, ACTIONS[2]]]
    assert _roles(["Ref", "Theme", "Action"], merged) == ["ref", "weakness", "action"]
    repeated = [["1.1", weakness, ACTIONS[0]], ["1.2", weakness, ACTIONS[1]]]
    assert _roles(["Ref", "Theme", "Action"], repeated)[1] == "weakness"
    one_each = [["1.1", ACTIONS[3], ACTIONS[0]], ["1.2", ACTIONS[2], ACTIONS[1]]]
    assert _roles(["Ref", "Theme", "Action"], one_each)[1] != "weakness"


def test_a_wrapped_header_naming_a_role_another_column_holds_takes_it_not():
    from tests.test_weak_roles import ACTIONS, _roles
    got = _roles(["Key actions", "Ac ti on"], [[ACTIONS[0], "1.1"], [ACTIONS[1], "1.2"]])
    assert got == ["action", "ref"]


def test_a_merged_column_of_figures_or_under_a_header_naming_a_role_is_no_weakness():
    from tests.test_weak_roles import ACTIONS, _roles
    figures = [["1.1", "area 17 and 31 16", ACTIONS[0]], ["1.2", None, ACTIONS[1]], ["1.3", None, ACTIONS[2]]]
    assert _roles(["Ref", "Theme", "Action"], figures)[1] != "weakness"
    weakness = "Poor co-ordination of school exclusions across the area"
    dated = [["1.1", weakness, ACTIONS[0]], ["1.2", None, ACTIONS[1]]]
    assert _roles(["Ref", "Dates", "Action"], dated)[1] != "weakness"


def test_an_empty_column_named_status_yields_to_the_column_of_statuses_beside_it():
    from tests.test_weak_roles import ACTIONS, _roles
    body = [["1.1", ACTIONS[0], "", "Red"], ["1.2", ACTIONS[1], "", "Green"], ["1.3", ACTIONS[2], "", "Amber"]]
    assert _roles(["Ref", "Action", "RAG", "status"], body) == ["ref", "action", None, "status"]


def test_a_wrapped_header_keeps_its_role_beside_a_header_naming_it_only_weakly():
    from tests.test_weak_roles import ACTIONS, REPORTS, _roles
    status = "Cu rr en t de li ve ry st at us ag ai ns t th e ag re ed ti me sc al e"
    body = [[ACTIONS[0], "", REPORTS[0]], [ACTIONS[1], "", REPORTS[1]]]
    assert _roles(["Action", status, "Progress update"], body)[1] == "status"


def test_a_long_header_naming_a_date_gives_that_role_to_a_column_whose_cells_show_none():
    from tests.test_weak_roles import ACTIONS, _roles
    long = "Month in which the work on this action will begin in earnest"
    assert _roles(["Action", long], [[ACTIONS[0], ""], [ACTIONS[1], "1 Oct 2021"]])[1] == "start"
    assert _roles(["Action", long], [[ACTIONS[0], ""], [ACTIONS[1], ACTIONS[3]]])[1] is None  # refuted
    assert _roles(["Action", long], [[ACTIONS[0], "Head of SEND"], [ACTIONS[1], "ICB"]])[1] == "lead"  # cells tell


def test_a_long_header_naming_a_date_over_phases_with_their_dates():
    from tests.test_weak_roles import ACTIONS, _roles
    long = "Date by which this action will be fully completed and signed off"
    got = _roles(["Action", long], [[ACTIONS[0], "tender by December 2023; service live April 2024"]])
    assert got[1] == "deadline"


def test_a_header_loosely_naming_a_date_over_cells_without_one_loses_it():
    from tests.test_weak_roles import ACTIONS, _roles
    body = [[ACTIONS[0], "area 17 and 3116", "Jan 2024"], [ACTIONS[1], None, "Mar 2024"]]
    assert _roles(["Action", "Dates", "Finish"], body)[1:] == [None, "deadline"]
