"""Organisations cleaned (issue 16 item 4): one organisation, one canonical name, one type; every
organisation of a joint lead counted. The lead cells are those of Buckinghamshire's statement."""
from __future__ import annotations

from wsoa.normalise.entities import canonical_organisations, lead_organisations, leads_of_actions

CELLS = [
    ("Head of Service CAMHS, Oxford Health Deputy Divisional Director, Buckinghamshire Health Trust",
     "Buckinghamshire Health Trust", "nhs_trust"),
    ("Head of Service, Oxford Health NHS Foundation Trust", "Oxford Health NHS Foundation Trust", "nhs_trust"),
    ("Designated Clinical Officer, Integrated commissioning", "Integrated commissioning", "icb_ccg"),
    ("Programme Manager, Integrated Commissioning", "Integrated Commissioning", "other"),
    ("Specialist Commissioning Manager, Integrated Commissioning.", "Integrated Commissioning.", "other"),
    ("Divisional Director Women's, Children's and Sexual Health", "Children's and Sexual Health", "nhs_trust"),
    ("Head of Service CAMHS, Oxford Health", "Oxford Health", "nhs_trust"),
    ("Head of Integrated SEND Service, Buckinghamshire Council", "Buckinghamshire Council", "council"),
    ("SENCOs", None, "school"),
]


def test_one_name_and_one_type_per_organisation():
    orgs = leads_of_actions(CELLS)
    assert orgs[2] == orgs[3] == orgs[4] == [("Integrated Commissioning", "icb_ccg")]
    assert orgs[1] == orgs[6] == [("Oxford Health NHS Foundation Trust", "nhs_trust")]
    assert orgs[5] == [("Women's, Children's and Sexual Health", "nhs_trust")]
    # "Buckinghamshire Council" and "Buckinghamshire Health Trust" share a stem, not an organisation
    assert orgs[7] == [("Buckinghamshire Council", "council")]
    assert orgs[8] == []


def test_every_organisation_of_a_joint_lead_counts():
    orgs = leads_of_actions(CELLS)
    assert orgs[0] == [("Buckinghamshire Health Trust", "nhs_trust"), ("Oxford Health NHS Foundation Trust", "nhs_trust")]


def test_a_list_name_is_kept_whole():
    cell = "Associated Health Professional Workforce Programme Manager, Bucks, Oxon and Berkshire West Integrated Care System"
    assert lead_organisations(cell, "Oxon and Berkshire West Integrated Care System", "icb_ccg") == \
        [("Bucks, Oxon and Berkshire West Integrated Care System", "icb_ccg")]


def test_names_differing_in_suffix_of_another_type_stay_apart():
    canon = canonical_organisations([("Kent Council", "council"), ("Kent Health Trust", "nhs_trust"), ("Kent", "other")])
    assert canon["Kent Council"] == ("Kent Council", "council")
    assert canon["Kent Health Trust"] == ("Kent Health Trust", "nhs_trust")
    assert canon["Kent"] == ("Kent", "other")
