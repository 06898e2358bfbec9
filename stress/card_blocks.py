"""A card plan as renderer-neutral blocks: paragraphs of styled runs and two-column key/value boxes,
grouped per action (a group is kept on one page unless the layout lets a page break cut it)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from stress.cards import FILLS, LETTERS, STATUS_WORDS
from stress.dates import MONTHS
from stress.plan import Action, Area, Plan, action_rag, area_title


@dataclass
class Run:
    text: str
    bold: bool = False
    strike: bool = False


@dataclass
class P:
    runs: list[Run]
    style: str = "body"          # title, h1 (weakness), h2 (action heading), body
    bullet: str | None = None    # "•" or an item number such as "3."
    indent: int = 0


@dataclass
class KV:
    rows: list[tuple[list[Run], list[list[Run]], str | None]]  # label, value lines, fill behind the value
    ruled: bool = True


Block = P | KV


@dataclass
class Field:
    role: str
    label: str
    lines: list[list[Run]] = field(default_factory=list)   # the value, one list of runs per line
    fill: str | None = None
    items: bool = False   # the lines are bulleted items (milestones)


def _deadline_runs(a: Action) -> list[Run]:
    d = a.deadline
    if d.struck:
        return [Run(d.struck, strike=True), Run(" " + d.raw[len(d.struck):].strip())]
    return [Run(d.raw)]


def _status(a: Action, plan: Plan, rng: random.Random) -> tuple[list[Run], str | None]:
    rag, kind = action_rag(a, plan) or "white", plan.layout["status"]
    if kind == "letter":
        return [Run(LETTERS[rag])], None
    if kind == "fill":  # a white fill alone shows nothing a reader can see: white always says its word
        shown = rng.random() < 0.5 or rag == "white"
        return ([Run(rng.choice(STATUS_WORDS[rag]))] if shown else []), FILLS[rag]
    word = rng.choice(STATUS_WORDS[rag])
    if kind == "word_date":
        word += f" ({rng.choice(['at', 'as at', 'reviewed'])} {rng.choice(MONTHS)} {rng.choice([2023, 2024])})"
    return [Run(word)], None


def _weakness(area: Area, plan: Plan) -> str:
    if not area.number:
        return "Cross-cutting (all areas)"
    return f"{plan.layout['area_label']} {area.number}: {area.text}"


def fields(a: Action, area: Area, plan: Plan, rng: random.Random) -> list[Field]:
    """The action's printed fields in the plan's order (the action text and ref only when printed as fields)."""
    lay, lab = plan.layout, plan.headers
    values: dict[str, list[Run] | None] = {
        "ref": [Run(a.ref)] if a.ref and lay["action_as"] == "field" else None,
        "action": [Run(a.text)] if lay["action_as"] == "field" else None,
        "lead": [Run(a.lead)], "start": [Run(a.start.raw)] if a.start else None,
        "deadline": _deadline_runs(a), "measures": [Run(a.measures)], "resource": [Run(a.resource)],
        "progress": [Run(a.progress)]}
    out = []
    if lay["tie"] == "column":
        out.append(Field("weakness", lab["weakness"], [[Run(_weakness(area, plan))]]))
    for role in plan.columns:
        if role == "status":
            runs, fill = _status(a, plan, rng)
            out.append(Field(role, lab[role], [runs], fill))
        elif role == "milestones" and a.milestones:
            out.append(Field(role, lab[role], [[Run(_milestone(m.text, m.when.raw, rng))] for m in a.milestones],
                             items=True))
        elif values.get(role):
            out.append(Field(role, lab[role], [values[role]]))
    return out


def _milestone(text: str, when: str, rng: random.Random) -> str:
    return rng.choice([f"{text} – {when}", f"{text} ({when})", f"{when}: {text}"])


def _label(f: Field, lay: dict[str, Any]) -> str:
    return f.label + (":" if lay["colon"] == "yes" else "")


def _title(a: Action) -> str:
    return f"{a.ref} {a.text}" if a.ref else a.text


def _field_paras(fs: list[Field], lay: dict[str, Any], bold: bool, above: bool) -> list[P]:
    """Fields as lines: `Label: value`, a bold label before its value, or the label on its own line."""
    out = []
    for f in fs:
        label = Run(_label(f, lay) if bold or above else f"{f.label}:", bold=bold)
        if above or f.items:
            out.append(P([label]))
            out += [P(ln, bullet="•" if f.items else None, indent=int(f.items)) for ln in f.lines]
        else:
            out.append(P([label, Run(" "), *[r for ln in f.lines for r in ln]]))
    return out


def _prose(a: Action, fs: list[Field]) -> list[P]:
    runs = [Run(_title(a).rstrip(".") + ".")]
    for f in fs:
        value = "; ".join(" ".join(r.text for r in ln) for ln in f.lines)
        if value:
            runs.append(Run(f" {f.label}: {value.rstrip('.')}."))
    return [P(runs)]


def action_blocks(a: Action, area: Area, plan: Plan, n: int, rng: random.Random) -> list[Block]:
    """One action in the plan's form (n: its number in the whole plan, for numbered lists)."""
    lay = plan.layout
    form, fs = lay["form"], fields(a, area, plan, rng)
    title = [P([Run(_title(a), bold=True)])] if lay["action_as"] == "title" else []
    if form == "prose":
        return _prose(a, fs)
    if form == "heading_action":
        return [P([Run(_title(a))], style="h2")] + _field_paras(fs, lay, lay["colon"] == "no", False)
    if form == "numbered_list":
        subs = _field_paras(fs, lay, lay["colon"] == "no", False)
        for s in subs:
            s.bullet, s.indent = s.bullet or "•", s.indent + 1
        return [P([Run(_title(a))], bullet=f"{n}.")] + subs
    if form.startswith("kv_"):
        rows = [([Run(_label(f, lay), bold=True)], f.lines, f.fill) for f in fs]
        return title + [KV(rows, ruled=form == "kv_ruled")]
    bold = form == "bold_label" or form == "label_above" and lay["colon"] == "no"
    return title + _field_paras(fs, lay, bold, form == "label_above")


def legend(plan: Plan) -> list[Block]:
    if plan.layout["legend"] == "none" or "status" not in plan.columns:
        return []
    letter = plan.layout["status"] == "letter"
    lines = [f"{LETTERS[r] + ' – ' if letter else ''}{r.capitalize()}: {STATUS_WORDS[r][0].lower()}"
             for r in ("red", "amber", "green", "blue", "white")]
    return [P([Run("Key to status ratings", bold=True)])] + [P([Run(x)]) for x in lines]


def intro(plan: Plan) -> list[Block]:
    out = [P([Run(f"{plan.place} Local Area Written Statement of Action")], style="title"),
           P([Run("This statement sets out what partners will do in response to the joint inspection. Each "
                  "action below names who leads it and when it will be done.")])]
    if plan.layout["tie"] == "intro_list":
        kind = _plural(plan.layout["area_label"])
        lead = random.Random(f"cards-intro:{plan.doc_id}").choice([
            "The inspection identified the following areas that the partnership must address:",
            f"The inspection letter identified {len(plan.weaknesses)} areas of significant weakness:",
            f"This plan is organised around the {kind} below, numbered as in the headings that follow:"])
        out.append(P([Run(lead)]))
        out += [P([Run(w.text)], bullet=f"{w.number}.") for w in plan.weaknesses]
    return out


def _plural(label: str) -> str:
    """A heading label's plural as a sentence prints it ("Area for improvement" -> "areas for improvement",
    "Priority" -> "priorities")."""
    words = label.lower().split()
    head = 0 if words[0] == "area" else len(words) - 1
    w = words[head]
    words[head] = w[:-1] + "ies" if w.endswith("y") else w + "es" if w.endswith("s") else w + "s"
    return " ".join(words)


def document(plan: Plan) -> list[list[Block]]:
    """The whole plan in reading order, one group per action (introduction, key and headings alone)."""
    rng = random.Random(f"cards-blocks:{plan.doc_id}")
    groups: list[list[Block]] = [[b] for b in intro(plan) + legend(plan)]
    n = 0
    for area in plan.areas:
        if plan.layout["tie"] != "column":
            groups.append([P([Run(area_title(area, plan))], style="h1")])
        for a in area.actions:
            n += 1
            groups.append(action_blocks(a, area, plan, n, rng))
    return groups
