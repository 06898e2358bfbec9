"""The card/prose family of the stress generator: plans whose actions are labelled text, not table rows.

Every axis is drawn independently per block of documents (the balanced-permutation scheme of
`stress.sample.draw_axes`); the plan model, dates and truth are the table family's own (`stress.plan`,
`stress.dates`), so a card plan's truth has the same form. Label wordings come in three kinds: common,
rarer ones councils use, and wordings no vocabulary holds (the reader must place those by structure and
content, never by a list).
"""
from __future__ import annotations

import random
from typing import Any

from stress import sample as tables
from stress.dates import DEADLINE_FORMS, REVISION_FORMS
from stress.plan import Area, Plan

FORMS = ["colon_lines", "label_above", "bold_label", "kv_ruled", "kv_unruled", "prose", "heading_action",
         "numbered_list"]
AXES: dict[str, list[Any]] = {
    **tables.PAGE_AXES,
    "page_cut": ["yes", "no"],
    "form": FORMS,
    "label_vocab": ["common", "rare", "unknown"],
    "colon": ["yes", "no"],
    "field_order": ["canonical", "shuffled"],
    "field_set": ["full", "core", "random"],
    "action_as": ["title", "field"],
    "ref_style": ["1.2", "1a", "LO1", "GR2.3", "A.1.2", "W1.1", "PA1.1", "none"],
    "tie": ["heading", "intro_list", "column"],
    "area_label": ["Priority", "Area for improvement", "Significant weakness", "Area of weakness", "Workstream"],
    "enabling": ["yes", "no"],
    "status": ["word", "letter", "word_date", "fill"],
    "legend": ["none", "lines"],
    "date_form": DEADLINE_FORMS,
    "revision": REVISION_FORMS,
    "undated": ["no", "yes"],
    "milestones": ["none", "bullets"],
}
CANONICAL = ["ref", "action", "lead", "start", "deadline", "milestones", "measures", "resource", "status",
             "progress"]
CORE = ["ref", "action", "lead", "deadline", "status"]
OPTIONAL = ["lead", "start", "deadline", "measures", "resource", "status", "progress"]

# Label wordings per role. common: the usual words; rare: wordings councils print less often; unknown:
# wordings chosen to be in no vocabulary list, so a reader has to place them by layout and value.
LABELS: dict[str, dict[str, list[str]]] = {
    "ref": {"common": ["Ref", "Action ref", "Reference"], "rare": ["Action number"], "unknown": ["Line item", "Code"]},
    "action": {"common": ["Action", "What we will do", "Key action"], "rare": ["What needs to happen",
               "Action we will take"], "unknown": ["Our commitment", "The task", "Step to take"]},
    "lead": {"common": ["Lead", "Lead officer", "Responsible officer"], "rare": ["Who is responsible",
             "Accountable officer"], "unknown": ["Delivered by", "Officer in charge", "Sponsor"]},
    "start": {"common": ["Start date", "Start"], "rare": ["Start by", "From"],
              "unknown": ["Commencing", "Work begins", "Kick-off"]},
    "deadline": {"common": ["Deadline", "By when", "Target date", "Completion date"],
                 "rare": ["When will it be done", "Timescale"], "unknown": ["Finish line", "Done by month",
                                                                           "Closing month"]},
    "measures": {"common": ["Success measures", "Success criteria", "How we will know"],
                 "rare": ["How will we know it has worked", "Impact measure"],
                 "unknown": ["Signs of change", "What families will notice", "Result sought"]},
    "milestones": {"common": ["Milestones", "Key milestones"], "rare": ["Interim milestones", "Key steps"],
                   "unknown": ["Checkpoints", "Waypoints"]},
    "resource": {"common": ["Resources", "Funding"], "rare": ["Resources required", "Cost"],
                 "unknown": ["Capacity needed", "Inputs"]},
    "status": {"common": ["Status", "RAG status"], "rare": ["RAG", "Progress rating"],
               "unknown": ["Delivery health", "Traffic light", "Position"]},
    "progress": {"common": ["Progress update", "Update"], "rare": ["Current position", "Progress to date"],
                 "unknown": ["Narrative", "Latest news"]},
    "weakness": {"common": ["Area of weakness", "Priority area"], "rare": ["Links to weakness"],
                 "unknown": ["Addresses finding", "Inspection finding"]},
}
STATUS_WORDS = {"red": ["Off track", "Red", "Significant delay"], "amber": ["Amber", "Some slippage", "At risk of delay"],
                "green": ["On track", "Green", "Good progress"], "blue": ["Complete", "Completed", "Blue"],
                "white": ["Not started", "Not yet due"]}
LETTERS = {"red": "R", "amber": "A", "green": "G", "blue": "B", "white": "W"}
FILLS = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "00B0F0", "white": "FFFFFF"}


def draw_axes(seed: int, i: int, renderers: list[str]) -> dict[str, Any]:
    """Axis values of card document i: each axis an independent permutation per block (as the tables)."""
    return tables.draw_axes(seed, i, renderers, AXES, family="cards:")


def _fields(lay: dict[str, Any], rng: random.Random) -> list[str]:
    """The roles each action prints, in printed order (an action keeps at least two fields beside its text)."""
    chosen = {"full": CANONICAL, "core": CORE,
              "random": ["ref", "action"] + [c for c in OPTIONAL if rng.random() < 0.5]}[lay["field_set"]]
    cols = [c for c in CANONICAL if c in chosen and c != "milestones"]
    if lay["milestones"] != "none":
        cols.insert(cols.index("action") + 1, "milestones")
    if lay["ref_style"] == "none" and "ref" in cols:
        cols.remove("ref")
    while len([c for c in cols if c in OPTIONAL]) < 2 or not {"lead", "start", "deadline"} & set(cols):
        cols.insert(2, next(c for c in ["deadline", "lead", "status"] if c not in cols))  # a lead or a date
    if lay["field_order"] == "shuffled":
        head = [c for c in cols if c in ("ref", "action")]
        rest = [c for c in cols if c not in head]
        rng.shuffle(rest)
        cols = head + rest
    return cols


def _adjust(lay: dict[str, Any]) -> None:
    """Values a form cannot show are recorded as what was drawn instead (as the tables' sampler does)."""
    kv = lay["form"].startswith("kv_")
    if lay["status"] == "fill" and not kv:
        lay["status"] = "word"
    if lay["form"] in ("colon_lines", "prose"):
        lay["colon"] = "yes"
    if lay["form"] in ("heading_action", "numbered_list", "prose"):
        lay["action_as"] = "title"
    lay["tables"] = "per_weakness"  # read by stress.plan.is_banner: a card plan has no banner rows


def labels(lay: dict[str, Any], rng: random.Random) -> dict[str, str]:
    """One printed label per role, of the layout's label kind (some roles fall back to common words)."""
    kind = lay["label_vocab"]
    out = {}
    for role, words in LABELS.items():
        pick = kind if kind == "common" or rng.random() < 0.75 else "common"
        out[role] = rng.choice(words[pick])
    return out


def sample(seed: int, i: int, renderers: list[str] = tables.RENDERERS) -> Plan:
    """Card document i of a seeded batch: the table sampler's actions and wording, card axes and fields."""
    lay = draw_axes(seed, i, renderers)
    _adjust(lay)
    rng = random.Random(f"cards:{seed}:plan:{i}")
    table_lay = dict(tables.PLAIN, ref_style=lay["ref_style"], date_form=lay["date_form"], revision=lay["revision"],
                     undated=lay["undated"], legend=lay["legend"], status="word" if lay["status"] != "letter" else
                     "letter", milestones="lines" if lay["milestones"] == "bullets" else "none")
    areas, serial = [], 0
    for w in range(1, rng.randint(2, 4) + 1):
        text = f"{rng.choice(tables.vocab.WEAK_HEAD)} {rng.choice(tables.vocab.TOPICS)} " \
               f"{rng.choice(tables.vocab.WEAK_TAIL)}"
        acts = []
        for k in range(1, rng.randint(2, 4) + 1):
            serial += 1
            acts.append(tables._action(table_lay, w, k, serial, rng))
        areas.append(Area(w, text[0].upper() + text[1:], acts))
    if lay["enabling"] == "yes":
        areas.append(Area(0, "", [tables._action(table_lay, 0, k, 0, rng) for k in range(1, rng.randint(2, 3) + 1)]))
    plan = Plan(f"cards-{seed}-{i:04d}", rng.choice(tables.vocab.PLACES), areas, _fields(lay, rng), lay)
    plan.headers = labels(lay, rng)
    return plan
