"""The analyst's report: local areas side by side in one self-contained HTML file.

Charts are plotly figures; plotly.js is inlined once, so the file opens offline and makes no
network request. Every value read from a document or a manifest is escaped for its context:
HTML-escaped in element text and attributes, HTML-escaped inside chart labels (plotly would
otherwise draw `<a href>` as a live link), and inline JSON is plotly's, which escapes `<`, `>`
and `/`. With many areas the page opens on the national picture and the reader picks an area
for the per-area views.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from wsoa.normalise.status import SCALE, display_hex
from wsoa.normalise.text import shorten
from wsoa.normalise.authorities import area_rows, outcome_label, same_area
from wsoa.model import ORG_TYPES, PLAN_TYPES
from wsoa.normalise.entities import leads_of_actions, theme_labels
from wsoa.normalise.progress import (BLOCKING, current_deadline, date_list, days_slipped, earlier_deadlines,
                                     earlier_phases, is_overdue, original_deadline, revisions)
from wsoa.outputs.store import Store, atomic_write

STATUS_COLOURS = {**{s: display_hex(s) for s in SCALE}, "unknown": "#9a9a9a"}  # one home: statuses.toml
STATUS_LABELS = {"blue": "blue: complete", "green": "green: on track", "amber": "amber: some risk or delay",
                 "red": "red: off track", "white": "white: not started", "unknown": "no status read"}
# colours that are not status colours, for everything that is not a status
DEADLINE_COLOURS = {"overdue": "#c51b7d", "due later": "#4d4d4d", "complete (status blue)": "#b8b8b8"}
ORG_COLOURS = {"council": "#6a51a3", "nhs_trust": "#b15928", "icb_ccg": "#e7298a", "school": "#35978f",
               "parent_carer_forum": "#dfc27d", "other": "#8c8c8c", "none": "#d9d9d9"}
ORG_LABELS = {"council": "Council", "nhs_trust": "NHS trust", "icb_ccg": "ICB / CCG", "school": "School / education",
              "parent_carer_forum": "Parent carer forum", "other": "Other", "none": "No lead"}
PLANS = PLAN_TYPES
LETTERS = ("inspection_letter",)
NATIONAL_FROM = 8     # from this many areas the page opens on the national picture; the reader picks an area
NAMED_IN_TITLE = 4    # up to this many areas are named in the title; more are counted
GAPS = (BLOCKING, "weakness-without-actions")


@dataclass
class Area:
    """What the report shows of one local area."""
    name: str
    letter: pd.Series | None
    plans: pd.DataFrame
    weaknesses: pd.DataFrame   # the letter's weaknesses when there is a letter, else the plans'
    actions: pd.DataFrame      # every action of the area's plans, with derived columns
    links: pd.DataFrame
    findings: pd.DataFrame
    events: pd.DataFrame       # every dated event of the area's documents up to the as-of date
    known: pd.DataFrame        # self_knowledge rows: did the self-evaluation name each weakness
    official: dict             # the area's row of wsoa.normalise.authorities.area_rows (ONS code, region, ...)

    @property
    def has_plan(self) -> bool:
        return not self.plans.empty


def _s(value: object) -> str:
    """Text of a table value; '' for a missing one."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _t(value: object) -> str:
    """A value as chart text: escaped, so plotly draws it as text (never a tag or a link)."""
    return html.escape(_s(value), quote=False)


def _derive(a: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The action columns the report shows, by the rule `wsoa check` uses (wsoa.normalise.progress)."""
    a = a.copy()
    a["status"] = a["rag"].fillna("unknown")
    a["deadline_list"] = a["deadlines"].map(date_list)
    a["start_list"] = a["start_dates"].map(date_list)
    flags = a["deadline_revised"] if "deadline_revised" in a else pd.Series(False, index=a.index)
    pairs = list(zip(a["deadline_list"], flags))
    a["revisions"] = [revisions(d, r) for d, r in pairs]
    a["earlier"] = [earlier_deadlines(d, r) for d, r in pairs]
    a["phases"] = [earlier_phases(d, r) for d, r in pairs]
    a["original"] = [original_deadline(d, r) for d, r in pairs]
    a["days_slipped"] = [days_slipped(d, r) for d, r in pairs]
    a["due"] = [current_deadline(d, r) for d, r in pairs]
    a["overdue"] = [is_overdue(d, r, s, as_of) for (d, r), s in zip(pairs, a["status"])]
    # `orgs`: every organisation of the lead cell (canonical names, joint leads all counted)
    a["org_types"] = [list(dict.fromkeys(k for _, k in orgs)) or [t if isinstance(t, str) else "none"]
                      for orgs, t in zip(a["orgs"], a["lead_org_type"])]
    a["org_type"] = a["org_types"].map(lambda ts: ts[0])
    return a


def area_keys(docs: pd.DataFrame, names: list[str] | None) -> list[str]:
    """The keys (`same_area`) of the areas to show: those named (ValueError naming the known areas if
    one is not stored), else every area with a stored document."""
    have = sorted(set(docs["local_area"].dropna().map(same_area)) - {""})
    if not names:
        return have
    keys = [same_area(n) for n in names if n.strip()]
    missing = [n for n, k in zip(names, keys) if k not in have]
    if missing:
        known = ", ".join(sorted(set(docs["local_area"].dropna())))
        raise ValueError(f"no documents stored for: {', '.join(missing)} (known areas: {known or 'none'})")
    return keys


def _of(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    return frame[frame["local_area"].map(same_area) == key] if len(frame) else frame


def load_areas(store: Store, names: list[str] | None, as_of: dt.date, found: pd.DataFrame) -> list[Area]:
    """The areas to compare: those named, else every area stored. `found`: the findings as of `as_of`."""
    docs = store.table("documents")
    docs["area_key"] = docs["local_area"].map(same_area)
    weak, acts, links = store.table("weaknesses"), store.table("actions"), store.table("links")
    acts["orgs"] = leads_of_actions(list(zip(acts["lead"], acts["lead_org"], acts["lead_org_type"])))
    events, known = store.table("events"), store.table("self_knowledge")
    out = []
    for key in area_keys(docs, names):
        mine = docs[docs["area_key"] == key]
        dates = pd.concat([pd.to_datetime(mine[c]) for c in ("letter_date", "inspection_start", "edition_date")])
        official = area_rows({mine["local_area"].iloc[0]: dates.max().date() if dates.notna().any() else None})
        letters = mine[mine["doc_type"].isin(LETTERS)].sort_values("letter_date", na_position="first")
        plans = mine[mine["doc_type"].isin(PLANS)]
        letter = letters.iloc[-1] if not letters.empty else None
        source = [letter["doc_id"]] if letter is not None else list(plans["doc_id"])
        ev = events[events["doc_id"].isin(mine["doc_id"])]
        out.append(Area(official["name"].iloc[0], letter, plans, weak[weak["doc_id"].isin(source)].copy(),
                        _derive(acts[acts["doc_id"].isin(plans["doc_id"])], as_of),
                        links[links["letter_doc_id"].isin(source)],
                        _of(found, key),
                        ev[pd.to_datetime(ev["date"]).dt.date <= as_of],
                        _of(known, key),
                        official.iloc[0].to_dict()))
    return out if names else sorted(out, key=lambda ar: ar.name.lower())


def _inspection_dates(ar: Area) -> str:
    src = ar.letter if ar.letter is not None else (ar.plans.iloc[0] if ar.has_plan else None)
    if src is None or pd.isna(src["inspection_start"]):
        return ""
    start = f"{pd.Timestamp(src['inspection_start']):%d %b %Y}"
    return start if pd.isna(src["inspection_end"]) else f"{start} – {pd.Timestamp(src['inspection_end']):%d %b %Y}"


def uncovered(ar: Area) -> str:
    """The headline's answer: which weaknesses no action answers, or why that cannot be said."""
    if ar.letter is None:
        return "no letter"
    if not ar.has_plan:
        return "no plan loaded"
    return ", ".join(ar.findings.loc[ar.findings["finding"] == BLOCKING, "subject"]) or "none"


def _share(n: int, total: int) -> str:
    return f"{n} ({n / total:.0%})" if total else "–"


def _outcome_text(ar: Area) -> str:
    if ar.letter is None:
        return ""
    if isinstance(ar.letter["outcome"], str):
        return ar.letter["outcome"]
    n = int((ar.weaknesses["kind"] == "significant_weakness").sum())
    return f"{n} areas of significant weakness: written statement of action required" if n else ""


def headline(areas: list[Area]) -> pd.DataFrame:
    """One row per area: inspection, outcome, size of the plan, how complete and how late it is."""
    rows = []
    for ar in areas:
        a, n_w = ar.actions, len(ar.weaknesses)
        outcome = _outcome_text(ar)
        pct = (lambda s: f"{s.mean():.0%}") if len(a) else (lambda s: "–")
        rows.append({"Local area": ar.name, "ONS code": _s(ar.official["ons_code"]),
                     "DfE LA number": _s(ar.official["la_number"]), "Region": _s(ar.official["region"]),
                     "Inspection": _inspection_dates(ar), "Outcome": outcome_label(outcome) or shorten(outcome, 90),
                     "Plan loaded": "yes" if ar.has_plan else "no plan loaded", "Weaknesses": n_w,
                     "Actions": len(a), "Actions per weakness": f"{len(a) / n_w:.1f}" if n_w and len(a) else "–",
                     "With a lead": pct(a["lead"].notna()), "With a deadline": pct(a["due"].notna()),
                     "With a measure": pct(a["measures"].notna()),
                     "Overdue": _share(int(a["overdue"].sum()), len(a)),
                     "Deadlines revised": _share(int((a["revisions"] > 0).sum()), len(a)),
                     "Uncovered weaknesses": uncovered(ar)})
    return pd.DataFrame(rows)


def _card(fig: go.Figure, name: str, title: str, note: str = "") -> str:
    """A chart in its card: the title and note are HTML (they wrap), the figure fills the card's width."""
    fig.update_layout(template="plotly_white", margin=dict(l=10, r=10, t=10, b=10), font=dict(size=12),
                      autosize=True, showlegend=True,
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, xanchor="left", maxheight=1,
                                  traceorder="normal"))
    plot = pio.to_html(fig, full_html=False, include_plotlyjs=False, default_width="100%",
                       config={"displaylogo": False, "responsive": True})
    return (f'<div class="chart" data-chart="{html.escape(name)}"><h3>{html.escape(title)}</h3>{plot}'
            + (f'<p class="note">{html.escape(note)}</p>' if note else "") + "</div>")


def _height(n_rows: int) -> int:
    return 160 + 24 * max(1, n_rows)


def _status_chart(areas: list[Area], share: bool) -> str:
    """Actions per status and area (areas with a plan), as counts or as shares of the area's actions."""
    with_plan = [ar for ar in areas if ar.has_plan]
    names = [_t(ar.name) for ar in with_plan]
    fig = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        counts = [int((ar.actions["status"] == status).sum()) for ar in with_plan]
        totals = [max(1, len(ar.actions)) for ar in with_plan]
        x = [100 * c / t for c, t in zip(counts, totals)] if share else counts
        fig.add_trace(go.Bar(y=names, x=x, name=STATUS_LABELS[status], orientation="h", marker_color=colour,
                             marker_line=dict(color="#666", width=0.5), customdata=counts,
                             hovertemplate="%{y}: %{customdata} action(s)<extra>" + STATUS_LABELS[status] + "</extra>"))
    fig.update_layout(barmode="stack", height=_height(len(names)), yaxis=dict(autorange="reversed", automargin=True),
                      xaxis=dict(title="% of the area's actions" if share else "actions",
                                 range=[0, 100] if share else None))
    empty = [ar.name for ar in with_plan if ar.actions.empty]
    note = ("No area has a plan loaded." if not with_plan else
            f"Plans with no action read: {', '.join(empty)}." if empty else "")
    return _card(fig, "status-share" if share else "status",
                 "Status of actions: share of each area's actions" if share else "Status of actions: counts", note)


def _slippage_chart(areas: list[Area]) -> str:
    """Days each revised deadline moved: only cells that state a revision count, never phases."""
    fig = go.Figure()
    for ar in areas:
        rev = ar.actions[ar.actions["revisions"] > 0]
        if rev.empty:
            continue
        labels = [_t(f"{_s(r.weakness_id)} {_s(r.ref) or r.action_no}".strip()) for r in rev.itertuples()]
        fig.add_trace(go.Scatter(x=[_t(ar.name)] * len(rev), y=rev["days_slipped"], mode="markers+text",
                                 text=labels, textposition="middle right", marker=dict(size=10, color="#4d4d4d"),
                                 name=_t(f"{ar.name}: {len(rev)} action(s) revised, {int(rev['revisions'].sum())} "
                                         "revision(s)"),
                                 hovertemplate="%{text}: %{y} days<extra></extra>"))
    if not fig.data:
        fig.add_trace(go.Scatter(x=[_t(ar.name) for ar in areas], y=[0] * len(areas), mode="markers",
                                 marker=dict(color="#bbbbbb"), name="no deadline stated as revised"))
    fig.update_layout(height=380 if len(fig.data) > 1 or fig.data[0].name != "no deadline stated as revised" else 220,
                      yaxis=dict(title="days slipped", rangemode="tozero"), xaxis=dict(type="category"))
    return _card(fig, "slippage", "Deadline slippage: days each revised deadline moved",
                 "One point per action whose deadline cell states a revision (a date struck, arrowed or said to be "
                 "revised). Several dates in a cell without that are phases of one action and are not slippage.")


OUTCOME_COLOURS = ("#5e3c99", "#b2abd2", "#e66101", "#fdb863", "#8c8c8c")


def _outcome(ar: Area) -> str:
    return outcome_label(_outcome_text(ar)) or ("outcome not read" if ar.letter is not None else "no inspection report loaded")


def _outcomes_chart(areas: list[Area]) -> str:
    """Outcomes of the areas' inspections by region: how many areas had each outcome."""
    frame = pd.DataFrame({"region": [_s(ar.official["region"]) or "region unknown" for ar in areas],
                          "outcome": [_outcome(ar) for ar in areas]})
    regions = sorted(frame["region"].unique())
    fig = go.Figure()
    for i, (label, group) in enumerate(frame.groupby("outcome", sort=True)):
        counts = group["region"].value_counts()
        fig.add_trace(go.Bar(y=regions, x=[int(counts.get(r, 0)) for r in regions], name=_t(label), orientation="h",
                             marker_color=OUTCOME_COLOURS[i % len(OUTCOME_COLOURS)]))
    fig.update_layout(barmode="stack", height=_height(len(regions)) + 40, xaxis=dict(title="local areas", tickformat="d"),
                      yaxis=dict(autorange="reversed", automargin=True))
    return _card(fig, "outcomes", "Inspection outcomes by region")


def _action_label(r: object, many_plans: bool) -> str:
    label = f"{_s(r.weakness_id)} {_s(r.ref) or r.action_no}".strip()
    return _t(label + (f" ({r.doc_id[-12:]})" if many_plans else ""))


def _timeline_chart(ar: Area, as_of: dt.date) -> str:
    """A bar from the printed start to the deadline that stands; a point when no start is printed."""
    fig = go.Figure()
    a = ar.actions[ar.actions["due"].notna()].reset_index(drop=True)
    labels = [_action_label(r, len(ar.plans) > 1) for r in a.itertuples()]
    states = ["overdue" if r.overdue else "complete (status blue)" if r.status == "blue" else "due later"
              for r in a.itertuples()]
    for state, colour in DEADLINE_COLOURS.items():
        pick = [i for i, st in enumerate(states) if st == state]
        if not pick:
            continue
        xs, ys = [], []
        for i in pick:
            start = a.loc[i, "start_list"][0] if a.loc[i, "start_list"] else a.loc[i, "due"]
            xs += [start, a.loc[i, "due"], None]
            ys += [labels[i], labels[i], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", name=state, line=dict(color=colour, width=6),
                                 marker=dict(size=8, color=colour), hoverinfo="x+y"))
    for column, name, symbol in (("earlier", "earlier deadline (revised)", "x"),
                                 ("phases", "earlier phase (not a revision)", "circle-open")):
        marks = [(labels[i], d) for i, r in enumerate(a.itertuples()) for d in getattr(r, column)]
        if marks:
            fig.add_trace(go.Scatter(x=[d for _, d in marks], y=[lab for lab, _ in marks], mode="markers", name=name,
                                     marker=dict(symbol=symbol, size=9, color="#444")))
    fig.add_vline(x=dt.datetime.combine(as_of, dt.time()).timestamp() * 1000, line_dash="dash", line_color="#444",
                  annotation_text=f"as of {as_of:%d %b %Y}")
    fig.update_layout(height=_height(len(a)), yaxis=dict(type="category", categoryorder="array",
                                                         categoryarray=labels[::-1], automargin=True))
    no_start = int(sum(not s for s in a["start_list"]))
    note = (f"{no_start} of {len(a)} actions print no start date: they are drawn as a point at their deadline."
            if no_start else "")
    return _card(fig, f"timeline-{ar.name}", f"{ar.name}: start → deadline per action", note)


def _leads_type_chart(areas: list[Area], share: bool) -> str:
    names = [_t(ar.name) for ar in areas if ar.has_plan]
    fig = go.Figure()
    for kind in (*ORG_TYPES, "none"):
        counts = [sum(kind in ts for ts in ar.actions["org_types"]) for ar in areas if ar.has_plan]
        totals = [max(1, sum(len(ts) for ts in ar.actions["org_types"])) for ar in areas if ar.has_plan]
        fig.add_trace(go.Bar(y=names, x=[100 * c / t for c, t in zip(counts, totals)] if share else counts,
                             name=ORG_LABELS[kind], orientation="h", marker_color=ORG_COLOURS[kind]))
    fig.update_layout(barmode="stack", height=_height(len(names)), yaxis=dict(autorange="reversed", automargin=True),
                      xaxis=dict(title="% of the area's lead organisations" if share else "actions"))
    return _card(fig, "leads-type-share" if share else "leads-type",
                 "Who leads: type of lead organisation, " + ("share of the leads named" if share else "actions"),
                 "An action led jointly counts once for each type of organisation it names.")


def _leads_org_chart(ar: Area) -> str:
    named = pd.Series([n for orgs in ar.actions["orgs"] for n, _ in orgs], dtype=object).value_counts().sort_values()
    fig = go.Figure(go.Bar(y=[_t(shorten(o, 60)) for o in named.index] or ["(no lead named)"],
                           x=list(named.values) or [0], orientation="h", marker_color=ORG_COLOURS["council"],
                           name="actions led", showlegend=True))
    fig.update_layout(height=_height(len(named)), yaxis=dict(automargin=True))
    return _card(fig, f"leads-org-{ar.name}", f"{ar.name}: actions by lead organisation",
                 "Spellings of one organisation are counted as one; a joint lead counts for each organisation.")


def _themes_chart(areas: list[Area]) -> str:
    labels = theme_labels()
    z, text = [], []
    for ar in areas:
        row_z, row_t = [], []
        for key in labels:
            n_a = sum(key in (t if t is not None else []) for t in ar.actions["themes"])
            n_w = sum(key in (t if t is not None else []) for t in ar.weaknesses["themes"])
            row_z.append(n_a + n_w)
            row_t.append(f"{n_w} weakness(es), {n_a} action(s)")
        z.append(row_z)
        text.append(row_t)
    fig = go.Figure(go.Heatmap(z=z, x=[_t(v) for v in labels.values()], y=[_t(ar.name) for ar in areas], text=text,
                               texttemplate="%{z}", hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
                               colorscale="Purples", colorbar=dict(title="items", thickness=12)))
    fig.update_layout(height=_height(len(areas)) + 60, yaxis=dict(automargin=True, autorange="reversed"),
                      xaxis=dict(automargin=True, tickangle=-35))
    return _card(fig, "themes", "Themes: weaknesses and actions tagged per area")


def _coverage_chart(ar: Area) -> str:
    """Weakness × action: a filled cell where the action answers the weakness; a marked row is a gap."""
    acts = ar.actions.reset_index(drop=True)
    cols = [_action_label(r, False) for r in acts.itertuples()]
    gaps = set(ar.findings.loc[ar.findings["finding"].isin(GAPS), "subject"])
    rows, z = [], []
    for w in ar.weaknesses.itertuples():
        if ar.letter is not None:
            nos = {n for lst in ar.links.loc[ar.links["letter_weakness_id"] == w.weakness_id, "action_nos"]
                   for n in (lst if lst is not None else [])}
            linked = [r.action_no in nos for r in acts.itertuples()]
        else:
            linked = [r.weakness_id == w.weakness_id for r in acts.itertuples()]
        rows.append(_t(f"{'⚠ NO ACTIONS · ' if w.weakness_id in gaps else ''}{w.weakness_id}: {shorten(w.text, 60)}"))
        z.append([1 if x else 0 for x in linked] or [0])
    if not rows:
        rows, z = ["(no weaknesses read)"], [[0] * max(1, len(cols))]
    fig = go.Figure(go.Heatmap(z=z, x=cols or ["(no actions)"], y=rows, colorscale=[[0, "#f7f7f7"], [1, "#6a51a3"]],
                               zmin=0, zmax=1, xgap=1, ygap=2, hovertemplate="%{y}<br>%{x}<extra></extra>",
                               colorbar=dict(tickvals=[0, 1], ticktext=["not linked", "answers it"], thickness=12)))
    fig.update_layout(height=150 + 45 * len(rows), yaxis=dict(autorange="reversed", automargin=True),
                      xaxis=dict(tickangle=-60, automargin=True))
    note = "" if ar.has_plan else "No plan of this area is loaded."
    return _card(fig, f"coverage-{ar.name}", f"{ar.name}: coverage (weakness × actions answering it)", note)


def _events_chart(ar: Area, as_of: dt.date) -> str:
    """The area's story up to the as-of date: one row per kind of event, so marks do not hide each other."""
    fig = go.Figure()
    for kind, group in ar.events.sort_values("date").groupby("kind", sort=False):
        label = kind.replace("_", " ")
        fig.add_trace(go.Scatter(x=pd.to_datetime(group["date"]), y=[label] * len(group), mode="markers",
                                 name=label, marker=dict(size=12, opacity=0.75, line=dict(width=1, color="#333")),
                                 text=[_t(f"{e.doc_id}, p.{_s(e.page)}: {shorten(e.text, 160)}") for e in group.itertuples()],
                                 hovertemplate="%{x|%d %b %Y}: %{text}<extra></extra>"))
    if not fig.data:
        fig.add_trace(go.Scatter(x=[as_of], y=["no dated event"], mode="markers", name="no dated event",
                                 marker=dict(color="#bbbbbb")))
    fig.update_layout(height=_height(ar.events["kind"].nunique()) + 40, yaxis=dict(automargin=True))
    return _card(fig, f"events-{ar.name}", f"{ar.name}: the story so far (to {as_of:%d %b %Y})")


def _how(method: object) -> str:
    """The self-knowledge match method in words ('theme send_support and wording' -> 'same theme (…) and wording')."""
    text = _s(method)
    if text.startswith("theme "):
        labels = theme_labels()
        keys = text[len("theme "):].rsplit(" and ", 1)
        named = ", ".join(labels.get(k.strip(), k.strip()) for k in keys[0].split(","))
        return f"same theme ({named}) and similar wording" if len(keys) > 1 else f"same theme ({named})"
    return {"wording": "similar wording", "closest, not named": "closest passage; not named"}.get(text, text)


def _known_table(ar: Area) -> str:
    """Did the area know itself? Each weakness against the area's own self-evaluation."""
    rows = []
    for k in ar.known.itertuples():
        text = ar.weaknesses.loc[ar.weaknesses["weakness_id"] == k.weakness_id, "text"]
        rows.append({"Weakness": f"{k.weakness_id}: {shorten(text.iloc[0], 90) if len(text) else ''}",
                     "Named in the self-evaluation?": "yes" if k.named else "no",
                     "Closest area for development": f"{shorten(k.judgement, 140)} (p.{_s(k.page)}, score {k.score})",
                     "How": _how(k.method)})
    if not rows:
        return "<p>No self-evaluation stored for this area.</p>"
    return '<div class="scroll">' + pd.DataFrame(rows).to_html(index=False, border=0, classes="known") + "</div>"


ACTION_HEADS = ("area", "document", "page", "weakness", "ref", "action", "lead type", "lead", "start", "deadline",
                "original deadline", "revisions", "days slipped", "status", "themes", "overdue")


def _action_rows(areas: list[Area]) -> str:
    labels = theme_labels()
    out = []
    for ar in areas:
        for r in ar.actions.itertuples():
            themes = [labels[t] for t in (r.themes if r.themes is not None else []) if t in labels]
            cells = [ar.name, r.doc_id, "" if pd.isna(r.page) else str(int(r.page)), _s(r.weakness_id), _s(r.ref),
                     _s(r.action), "; ".join(ORG_LABELS[t] for t in r.org_types), _s(r.lead),
                     str(r.start_list[0]) if r.start_list else "", _s(r.due), _s(r.original), str(r.revisions),
                     str(r.days_slipped) if r.revisions else "", r.status, "; ".join(themes),
                     "yes" if r.overdue else ""]
            status = ACTION_HEADS.index("status")
            tds = "".join(f'<td class="status-{html.escape(c)}">{html.escape(c)}</td>' if i == status else
                          f"<td>{html.escape(c)}</td>" for i, c in enumerate(cells))
            out.append(f'<tr data-area="{html.escape(ar.name)}" data-status="{html.escape(r.status)}" '
                       f'data-themes="{html.escape("|".join(themes))}" data-overdue="{"yes" if r.overdue else "no"}">'
                       f"{tds}</tr>")
    return "\n".join(out)


SCRIPT = """
const rows = Array.from(document.querySelectorAll('#actions tbody tr'));
const pick = document.getElementById('area-pick');
function resizeCharts(root) {
  root.querySelectorAll('.plotly-graph-div').forEach(d => { if (d.offsetParent) Plotly.Plots.resize(d); });
}
function applyFilters() {
  const f = id => document.getElementById(id).value;
  const area = pick.value;
  let shown = 0;
  for (const r of rows) {
    const ok = (area === '*' || r.dataset.area === area) && (!f('f-status') || r.dataset.status === f('f-status'))
      && (!f('f-theme') || r.dataset.themes.split('|').includes(f('f-theme')))
      && (!f('f-overdue') || r.dataset.overdue === f('f-overdue'));
    r.style.display = ok ? '' : 'none';
    if (ok) shown++;
  }
  document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' actions';
}
function showArea() {
  document.querySelectorAll('section.area').forEach(s => {
    s.hidden = !(pick.value === '*' || s.dataset.area === pick.value); });
  document.getElementById('per-area').hidden = pick.value === '';
  applyFilters();
  resizeCharts(document);
}
pick.addEventListener('change', showArea);
document.querySelectorAll('.filters select').forEach(s => s.addEventListener('change', applyFilters));
document.querySelectorAll('#actions th').forEach((th, i) => th.addEventListener('click', () => {
  const asc = th.dataset.order !== 'asc';
  th.dataset.order = asc ? 'asc' : 'desc';
  const tbody = document.querySelector('#actions tbody');
  const key = r => r.children[i].textContent;
  const num = v => /^-?[0-9.]+$/.test(v) ? parseFloat(v) : null;
  rows.sort((a, b) => { const x = key(a), y = key(b), nx = num(x), ny = num(y);
    const c = (nx !== null && ny !== null) ? nx - ny : x.localeCompare(y, undefined, {numeric: true});
    return asc ? c : -c; });
  rows.forEach(r => tbody.appendChild(r));
}));
const seen = new WeakMap();
const observer = new ResizeObserver(entries => entries.forEach(e => {
  const w = Math.round(e.contentRect.width);
  if (seen.get(e.target) !== w) { seen.set(e.target, w); resizeCharts(e.target); }
}));
document.querySelectorAll('.chart').forEach(c => observer.observe(c));
showArea();
"""

STYLE = """
body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
@media (max-width: 600px) { body { margin: 8px; } }
h1 { margin-bottom: 0; overflow-wrap: anywhere; } .sub { color: #666; margin-top: 4px; }
h3 { font-size: 15px; margin: 6px 8px; overflow-wrap: anywhere; } .note { color: #555; font-size: 12px; margin: 4px 8px; }
table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; position: sticky; top: 0; }
.scroll { max-width: 100%; overflow-x: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr)); gap: 16px; }
.grid > *, .chart { min-width: 0; }
.chart { border: 1px solid #eee; border-radius: 6px; padding: 4px; margin-bottom: 16px; overflow: hidden; }
.filters { margin: 8px 0; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
#actions td:nth-child(6) { min-width: 16em; }
""" + "".join(f".status-{k} {{ background: {v}; color: {'#fff' if k in ('blue', 'green', 'red') else '#222'}; }}\n"
              for k, v in STATUS_COLOURS.items())


def _select(ident: str, label: str, values: list[str], first: tuple[str, str] = ("", "all")) -> str:
    opts = "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)
    return (f'<label>{html.escape(label)} <select id="{ident}"><option value="{first[0]}">{first[1]}</option>'
            f"{opts}</select></label>")


def _title(areas: list[Area]) -> str:
    if len(areas) <= NAMED_IN_TITLE:
        return ", ".join(ar.name for ar in areas)
    return f"{len(areas)} local areas"


def _area_section(ar: Area, as_of: dt.date) -> str:
    parts = [f'<section class="area" data-area="{html.escape(ar.name)}"><h2>{html.escape(ar.name)}</h2>',
             '<div class="grid">']
    if ar.actions["due"].notna().any():
        parts.append(_timeline_chart(ar, as_of))
    parts += [_coverage_chart(ar), _events_chart(ar, as_of)]
    if ar.has_plan:
        parts.append(_leads_org_chart(ar))
    parts += ["</div>", "<h3>Did the area know itself?</h3>", _known_table(ar), "</section>"]
    return "".join(parts)


def _picker(areas: list[Area]) -> str:
    national = len(areas) >= NATIONAL_FROM
    names = [ar.name for ar in areas]
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in names)
    chosen = ('<option value="" selected>choose an area</option><option value="*">all areas</option>' if national
              else '<option value="*" selected>all areas</option>')
    return f'<div class="filters"><label>Area <select id="area-pick">{chosen}{options}</select></label></div>'


def _body(chosen: list[Area], as_of: dt.date) -> list[str]:
    national = len(chosen) >= NATIONAL_FROM
    statuses = [s for s in STATUS_COLOURS if any((ar.actions["status"] == s).any() for ar in chosen)]
    n_plans = sum(ar.has_plan for ar in chosen)
    heads = ["<h2>Headlines</h2>", '<div class="scroll">',
             headline(chosen).to_html(index=False, escape=True, border=0, classes="headline"), "</div>"]
    charts = [
        "<h2>National picture</h2>" if national else "<h2>Inspections</h2>", '<div class="grid">',
        _outcomes_chart(chosen), _themes_chart(chosen), "</div>",
        "<h2>Status and slippage</h2>", '<div class="grid">', _status_chart(chosen, False), _status_chart(chosen, True),
        _slippage_chart(chosen), "</div>",
        "<h2>Who leads</h2>", '<div class="grid">', _leads_type_chart(chosen, False), _leads_type_chart(chosen, True),
        "</div>"]
    return [
        f"<h1>SEND written statements of action: {html.escape(_title(chosen))}</h1>",
        f'<p class="sub">As of {as_of:%d %B %Y}. Made by wsoa from {sum(len(ar.plans) for ar in chosen)} plan(s) '
        f"and {sum(ar.letter is not None for ar in chosen)} inspection letter(s) or report(s) of {len(chosen)} "
        f"local area(s); {n_plans} with a plan loaded. Every action row names its source document and page.</p>",
        *(charts + heads if national else heads + charts),
        "<h2>Area by area</h2>", _picker(chosen),
        f'<div id="per-area"{" hidden" if national else ""}>',
        *[_area_section(ar, as_of) for ar in chosen],
        "<h2>Every action</h2>",
        '<div class="filters">' + _select("f-status", "Status", statuses) +
        _select("f-theme", "Theme", list(theme_labels().values())) +
        _select("f-overdue", "Overdue", ["yes", "no"]) + ' <span id="shown"></span></div>',
        '<div class="scroll"><table id="actions"><thead><tr>' + "".join(f"<th>{h}</th>" for h in ACTION_HEADS) +
        f"</tr></thead><tbody>{_action_rows(chosen)}</tbody></table></div></div>",
    ]


def build_report(store: Store, out_dir: str | Path, areas: list[str] | None, as_of: dt.date,
                 found: pd.DataFrame) -> Path:
    """Write OUT_DIR/report.html comparing the areas; returns its path. `found`: the findings as of
    `as_of` (from wsoa.match.check, computed by the caller)."""
    chosen = load_areas(store, areas, as_of, found)
    if not chosen:
        raise ValueError("nothing stored yet: run `wsoa batch` first")
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>wsoa report</title>'
            f"<style>{STYLE}</style><script>{get_plotlyjs()}</script></head><body>{''.join(_body(chosen, as_of))}"
            f"<script>{SCRIPT}</script></body></html>")
    target = Path(out_dir) / "report.html"
    atomic_write(target, page)
    return target
