"""Draw one plan: every layout axis drawn independently (balanced per block of documents), then the wording."""
from __future__ import annotations

import random
from datetime import date
from typing import Any

from stress import vocab
from stress.blocks import WIDTH
from stress.dates import DEADLINE_FORMS, REVISION_FORMS, DateCell, deadline_cell, single, start_cell, undated
from stress.plan import Action, Area, Milestone, Plan

RENDERERS = ["reportlab", "docx", "html", "docx_pdf", "html_pdf"]
PAGE_AXES: dict[str, list[Any]] = {   # how any plan is printed, whatever its family (tables, cards)
    "renderer": RENDERERS,
    "font": ["Helvetica", "Times", "Courier", "DejaVu"],
    "size": [7, 8, 9, 10, 11],
    "orientation": ["portrait", "landscape"],
    "margins": ["narrow", "normal", "wide"],
    "furniture": ["none", "header", "footer", "both"],
}
AXES: dict[str, list[Any]] = {
    **PAGE_AXES,
    "repeat_header": ["yes", "no"],
    "row_cut": ["yes", "no"],
    "grid": ["full", "horizontal", "vertical", "none"],
    "zebra": ["none", "grey", "blue"],
    "banner_fill": ["none", "colour", "dark"],
    "tables": ["one_long", "per_weakness"],
    "header_vocab": ["known", "unknown", "long"],
    "header_rows": ["one", "two"],
    "header_wrap": ["no", "yes"],
    "header_align": ["left", "center", "right"],
    "header_bold": ["yes", "no"],
    "header_fill": ["none", "grey", "dark", "pale"],
    "column_set": ["full", "core", "random"],
    "column_order": ["canonical", "shuffled"],
    "ref_style": ["1.2", "1a", "LO1", "GR2.3", "A.1.2", "W1.1", "PA1.1", "none"],
    "tie": ["column", "banner", "heading", "intro_list"],
    "area_label": ["Area of weakness", "Area", "Weakness", "Priority", "Significant weakness"],
    "enabling": ["yes", "no"],
    "status": ["word", "letter", "fill", "shape", "word_date"],
    "palette": ["saturated", "pale"],
    "colour_space": ["rgb", "cmyk"],
    "legend": ["none", "lines", "sentence", "table", "shapes"],
    "legend_pos": ["start", "end"],
    "date_form": DEADLINE_FORMS,
    "revision": REVISION_FORMS,
    "undated": ["no", "yes"],
    "milestones": ["none", "lines", "bullets", "subrows"],
}
CANONICAL = ["ref", "weakness", "action", "milestones", "lead", "start", "deadline", "resource", "measures",
             "status", "progress"]
CORE = ["ref", "action", "lead", "deadline", "status"]


def draw_axes(seed: int, i: int, renderers: list[str], axes: dict[str, list[Any]] | None = None,
              family: str = "") -> dict[str, Any]:
    """Axis values of document i: for each axis (of `axes`, by default the tables') an independent random
    permutation per block of documents, so every value occurs once in each block of len(values) documents;
    `family` ("cards:") keeps another family's draws apart from the tables'."""
    out: dict[str, Any] = {}
    for name, values in (AXES if axes is None else axes).items():
        values = renderers if name == "renderer" else values
        block, pos = divmod(i, len(values))
        perm = list(values)
        random.Random(f"{family}{seed}:{name}:{block}").shuffle(perm)
        out[name] = perm[pos]
    return out


def _columns(lay: dict[str, Any], rng: random.Random) -> list[str]:
    pool = [c for c in CANONICAL if c not in ("weakness", "milestones")]
    chosen = {"full": pool, "core": CORE, "random": [c for c in pool if c == "action" or rng.random() < 0.5]}
    cols = set(chosen[lay["column_set"]]) | {"action"}
    if lay["tie"] == "column":
        cols.add("weakness")
    if lay["milestones"] != "none":
        cols.add("milestones")
    if lay["milestones"] == "subrows":
        cols.add("deadline")
    if lay["ref_style"] == "none":
        cols.discard("ref")
    if lay["header_rows"] == "two" and not any(a in cols and b in cols for a, b in vocab.TWO_ROW_GROUP):
        cols |= {"start", "deadline"}
    order = [c for c in CANONICAL if c in cols]
    if lay["column_order"] == "shuffled":
        rng.shuffle(order)
    return order


MIN_CHARS = 7  # a layout stays legible: its narrowest column holds this many characters
TEXT_PT = {"portrait": 595, "landscape": 842}
MARGIN_PT = {"narrow": 28, "normal": 54, "wide": 86}
OPTIONAL = ["progress", "resource", "measures", "start", "lead"]


def _fit(cols: list[str], lay: dict[str, Any], keep: set[str]) -> None:
    """Turn the page to landscape, then drop optional columns, until the narrowest column is legible
    (the values changed are recorded in the layout)."""
    def chars() -> float:
        width = TEXT_PT[lay["orientation"]] - 2 * MARGIN_PT[lay["margins"]]
        return width * min(WIDTH[c] for c in cols) / sum(WIDTH[c] for c in cols) / (0.6 * lay["size"])
    if chars() < MIN_CHARS:
        lay["orientation"] = "landscape"
    for c in OPTIONAL:
        if chars() >= MIN_CHARS:
            return
        if c in cols and c not in keep:
            cols.remove(c)


def _group(cols: list[str], lay: dict[str, Any], rng: random.Random) -> tuple[str, str, str] | None:
    """The merged label over two roles (placed side by side) for a two-row header."""
    if lay["header_rows"] == "one":
        return None
    a, b = next((a, b) for a, b in vocab.TWO_ROW_GROUP if a in cols and b in cols)
    cols.remove(b)
    cols.insert(cols.index(a) + 1, b)
    return rng.choice(vocab.TWO_ROW_GROUP[(a, b)]), a, b


def _headers(cols: list[str], lay: dict[str, Any], rng: random.Random) -> dict[str, str]:
    kind = lay["header_vocab"]
    out = {}
    for c in cols:
        words = vocab.HEADERS[c]
        out[c] = rng.choice(words["long"] if kind == "long" and rng.random() < 0.6 else words[
            "unknown" if kind == "unknown" and rng.random() < 0.7 else "known"])
    if lay["header_rows"] == "two" and "start" in cols and "deadline" in cols:
        out["start"], out["deadline"] = rng.choice([("Start", "End"), ("From", "To"), ("Begin", "Finish")])
    return out


def ref(style: str, w: int, i: int, serial: int) -> str | None:
    """An action's ref in the plan's style (w = weakness number, 0 for enabling; i = action number in it)."""
    if style == "none":
        return None
    if w == 0:
        return f"EN{i}"
    letter = "abcdefghij"[i - 1]
    return {"1.2": f"{w}.{i}", "1a": f"{w}{letter}", "LO1": f"LO{serial}", "GR2.3": f"GR{w}.{i}",
            "A.1.2": f"A.{w}.{i}", "W1.1": f"W{w}.{i}", "PA1.1": f"PA{w}.{i}"}[style]


def _sentence(rng: random.Random) -> str:
    verb = rng.choice(vocab.VERBS + vocab.TRAPS[:1] + vocab.TRAPS[2:3])
    return f"{verb} {rng.choice(vocab.OBJECTS)} {rng.choice(vocab.TOPICS)} {rng.choice(vocab.PURPOSES)}"


def _measures(rng: random.Random) -> str:
    parts = rng.sample(vocab.MEASURE_PARTS, 2)
    return "; ".join(p.format(p=rng.choice([50, 60, 75, 90]), n=rng.randint(6, 40)) for p in parts)


def _rags(lay: dict[str, Any]) -> list[str]:
    """Statuses a layout can show unambiguously (grey/white only where words or a legend name it)."""
    rags = ["red", "amber", "green", "blue"]
    return rags + ["white"] if lay["status"] == "word" or lay["legend"] != "none" else rags


def _deadline(lay: dict[str, Any], rng: random.Random) -> tuple[DateCell, date]:
    d = date(rng.randint(2022, 2024), rng.randint(1, 12), rng.randint(1, 28))
    if lay["undated"] == "yes" and rng.random() < 0.3:
        return undated(rng), d
    rev = lay["revision"] if rng.random() < 0.5 else "none"
    return deadline_cell(lay["date_form"], rev, d, rng), d


def _milestones(lay: dict[str, Any], d: date, rng: random.Random) -> list[Milestone]:
    if lay["milestones"] == "none":
        return []
    out = []
    for k in range(rng.randint(2, 3)):
        months = d.year * 12 + d.month - 1 - 12 + 4 * k  # a year before the deadline, then every 4 months
        m = date(months // 12, months % 12 + 1, 1)
        raw, when = single("month_year", m, rng)
        rag = rng.choice(_rags(lay)) if lay["milestones"] == "subrows" else None
        text = f"{rng.choice(['Draft', 'Pilot', 'Review', 'Sign-off of'])} {rng.choice(vocab.TOPICS)} {k + 1}"
        out.append(Milestone(text, DateCell(raw, [when.isoformat()]), rag))
    return out


def _action(lay: dict[str, Any], w: int, i: int, serial: int, rng: random.Random) -> Action:
    deadline, d = _deadline(lay, rng)
    start = start_cell(lay["date_form"], date(d.year - 1, d.month, 1), rng) if rng.random() < 0.85 else None
    ms = _milestones(lay, d, rng)
    if lay["milestones"] == "subrows" and ms:  # each sub-row's date is one of the action's deadlines
        deadline = DateCell(" ".join(m.when.raw for m in ms), [m.when.dates[0] for m in ms])
    progress = f"{rng.choice(['Draft agreed', 'Work under way', 'Awaiting data', 'Reported to board'])}; " \
               f"next review with {rng.choice(vocab.ROLES).lower()}"
    return Action(ref=ref(lay["ref_style"], w, i, serial), text=_sentence(rng), lead=rng.choice(vocab.ROLES),
                  start=start, deadline=deadline, measures=_measures(rng),
                  resource=rng.choice(["Existing resource", "AR", "ER", "£40k ICB", "Within budget"]),
                  progress=progress, rag=rng.choice(_rags(lay)), milestones=ms)


def sample(seed: int, i: int, renderers: list[str] = RENDERERS, axes: dict[str, Any] | None = None) -> Plan:
    """Document i of a seeded batch: its axis values (drawn, or `axes` as given), its wording, its actions."""
    lay = dict(axes) if axes else draw_axes(seed, i, renderers)
    rng = random.Random(f"{seed}:plan:{i}")
    if lay["tie"] == "heading":
        lay["tables"] = "per_weakness"
    if lay["renderer"] != "reportlab":
        lay["colour_space"] = "rgb"
    cols = _columns(lay, rng)
    group = _group(cols, lay, rng)
    _fit(cols, lay, set(group[1:]) if group else set())
    areas, serial = [], 0
    for w in range(1, rng.randint(2, 5) + 1):
        text = f"{rng.choice(vocab.WEAK_HEAD)} {rng.choice(vocab.TOPICS)} {rng.choice(vocab.WEAK_TAIL)}"
        acts = []
        for k in range(1, rng.randint(2, 5) + 1):
            serial += 1
            acts.append(_action(lay, w, k, serial, rng))
        areas.append(Area(w, text[0].upper() + text[1:], acts))
    if lay["enabling"] == "yes":
        areas.append(Area(0, "", [_action(lay, 0, k, 0, rng) for k in range(1, rng.randint(2, 3) + 1)]))
    doc_id = f"stress-{seed}-{'iso-' if axes else ''}{i:04d}"
    plan = Plan(doc_id, rng.choice(vocab.PLACES), areas, cols, lay)
    plan.headers, plan.group = _headers(cols, lay, rng), group
    return plan


# A plain layout the pipeline reads fully today; `isolated` varies one axis value at a time from it.
PLAIN: dict[str, Any] = {
    "renderer": "reportlab", "font": "Helvetica", "size": 8, "orientation": "landscape", "margins": "normal",
    "furniture": "none", "repeat_header": "yes", "row_cut": "no", "grid": "full", "zebra": "none",
    "banner_fill": "colour", "tables": "per_weakness", "header_vocab": "known", "header_rows": "one",
    "header_wrap": "no", "header_align": "left", "header_bold": "yes", "header_fill": "grey", "column_set": "core",
    "column_order": "canonical", "ref_style": "1.2", "tie": "heading", "area_label": "Area of weakness",
    "enabling": "no", "status": "word", "palette": "saturated", "colour_space": "rgb", "legend": "none",
    "legend_pos": "start", "date_form": "month_year", "revision": "none", "undated": "no", "milestones": "none"}


def isolated(seed: int, renderers: list[str]) -> list[Plan]:
    """One plan per value of every axis, all other axes at their PLAIN value."""
    plans = []
    for axis, values in AXES.items():
        for v in (renderers if axis == "renderer" else values):
            plans.append(sample(seed, len(plans), renderers, dict(PLAIN, **{axis: v})))
    return plans
