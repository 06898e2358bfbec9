"""The analyst's report: local areas side by side in one self-contained HTML file.

Charts are plotly figures; plotly.js is inlined once, so the file opens offline and makes no
network request. The action table filters and sorts with a few lines of inline script.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from wsoa.match.check import BLOCKING, findings
from wsoa.match.link import MUST_COVER
from wsoa.normalise.entities import ORG_TYPES, theme_labels
from wsoa.outputs.store import Store, as_dates, atomic_write

STATUS_COLOURS = {"blue": "#1f6fd1", "green": "#2e9e44", "amber": "#f2a900", "red": "#d62728", "white": "#e8e8e8",
                  "unknown": "#9a9a9a"}
ORG_LABELS = {"council": "Council", "nhs_trust": "NHS trust", "icb_ccg": "ICB / CCG", "school": "School / education",
              "parent_carer_forum": "Parent carer forum", "other": "Other", "none": "No lead"}
PLANS = ("wsoa", "priority_action_plan")
LETTERS = ("inspection_letter",)


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
    events: pd.DataFrame       # every dated event of the area's documents
    known: pd.DataFrame        # self_knowledge rows: did the self-evaluation name each weakness


def _s(value: object) -> str:
    """Text of a table value; '' for a missing one."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def load_areas(store: Store, names: list[str] | None, as_of: dt.date, found: pd.DataFrame | None = None) -> list[Area]:
    """The areas to compare: those named, else every area with a plan (else every area).
    `found`: the findings as of `as_of` for every area, when already computed."""
    docs = store.table("documents")
    docs["area_key"] = docs["local_area"].fillna("?").str.lower()
    if names:
        keys = [n.strip().lower() for n in names if n.strip()]
        missing = [k for k in keys if k not in set(docs["area_key"])]
        if missing:
            raise ValueError(f"no documents stored for: {', '.join(missing)}")
    else:
        with_plans = docs[docs["doc_type"].isin(PLANS)]["area_key"]
        keys = sorted(set(with_plans if not with_plans.empty else docs["area_key"]))
    weak, acts, links = store.table("weaknesses"), store.table("actions"), store.table("links")
    events, known = store.table("events"), store.table("self_knowledge")
    found = findings(store, None, as_of) if found is None else found
    out = []
    for key in keys:
        mine = docs[docs["area_key"] == key]
        name = mine["local_area"].dropna().iloc[0] if mine["local_area"].notna().any() else key
        letters = mine[mine["doc_type"].isin(LETTERS)].sort_values("letter_date", na_position="first")
        plans = mine[mine["doc_type"].isin(PLANS)]
        letter = letters.iloc[-1] if not letters.empty else None
        source = [letter["doc_id"]] if letter is not None else list(plans["doc_id"])
        w = weak[weak["doc_id"].isin(source)].copy()
        a = acts[acts["doc_id"].isin(plans["doc_id"])].copy()
        a["status"] = a["rag"].fillna("unknown")
        a["deadline_list"] = a["deadlines"].map(as_dates)
        a["start_list"] = a["start_dates"].map(as_dates)
        # several dates in the deadline cell are revisions; dates gathered from milestones are not
        revised = a["deadline_raw"].notna()
        a["revisions"] = [max(0, len(d) - 1) if r else 0 for d, r in zip(a["deadline_list"], revised)]
        a["days_slipped"] = [(d[-1] - d[0]).days if r and len(d) > 1 and d[-1] > d[0] else 0
                             for d, r in zip(a["deadline_list"], revised)]
        a["due"] = a["deadline_list"].map(lambda d: d[-1] if d else None)
        a["overdue"] = [bool(d and d < as_of and s != "blue") for d, s in zip(a["due"], a["status"])]
        a["org_type"] = a["lead_org_type"].fillna("none")
        out.append(Area(name, letter, plans, w, a, links[links["letter_doc_id"].isin(source)],
                        found[found["local_area"].fillna("").str.lower() == key],
                        events[events["doc_id"].isin(mine["doc_id"])],
                        known[known["local_area"].fillna("").str.lower() == key]))
    return out


def _headline(areas: list[Area]) -> pd.DataFrame:
    rows = []
    for ar in areas:
        a, n_w = ar.actions, len(ar.weaknesses)
        src = ar.letter if ar.letter is not None else (ar.plans.iloc[0] if not ar.plans.empty else None)
        dates = "" if src is None or pd.isna(src["inspection_start"]) else \
            f"{pd.Timestamp(src['inspection_start']):%d %b %Y} – {pd.Timestamp(src['inspection_end']):%d %b %Y}" \
            if not pd.isna(src["inspection_end"]) else f"{pd.Timestamp(src['inspection_start']):%d %b %Y}"
        outcome = ""
        if ar.letter is not None:
            outcome = ar.letter["outcome"] if isinstance(ar.letter["outcome"], str) else (
                f"{(ar.weaknesses['kind'] == 'significant_weakness').sum()} areas of significant weakness: "
                "written statement of action required")

        def share(col: str, a: pd.DataFrame = a) -> str:
            return f"{a[col].notna().mean():.0%}" if len(a) else "–"

        rows.append({"Local area": ar.name, "Inspection": dates, "Outcome": outcome, "Weaknesses": n_w,
                     "Actions": len(a), "Actions per weakness": f"{len(a) / n_w:.1f}" if n_w else "–",
                     "With a lead": share("lead"), "With a deadline": f"{a['due'].notna().mean():.0%}" if len(a) else "–",
                     "With a measure": share("measures"), "Overdue": int(a["overdue"].sum()),
                     "Uncovered weaknesses": ", ".join(ar.findings.loc[ar.findings["finding"] == BLOCKING, "subject"])
                     or "none"})
    return pd.DataFrame(rows)


def _fig_html(fig: go.Figure, name: str) -> str:
    fig.update_layout(template="plotly_white", margin=dict(l=10, r=10, t=50, b=10), font=dict(size=12))
    return (f'<div class="chart" data-chart="{name}">' +
            pio.to_html(fig, full_html=False, include_plotlyjs=False, config={"displaylogo": False}) + "</div>")


def _status_chart(areas: list[Area]) -> str:
    rows = [{"area": ar.name, "status": s, "actions": int((ar.actions["status"] == s).sum())}
            for ar in areas for s in STATUS_COLOURS]
    fig = px.bar(pd.DataFrame(rows), x="area", y="actions", color="status", color_discrete_map=STATUS_COLOURS,
                 category_orders={"status": list(STATUS_COLOURS)}, title="Status of actions")
    fig.update_traces(marker_line_color="#666", marker_line_width=0.5)
    return _fig_html(fig, "status")


def _timeline_chart(ar: Area, as_of: dt.date) -> str:
    fig = go.Figure()
    a = ar.actions[ar.actions["due"].notna()].reset_index(drop=True)
    labels = [f"{_s(r.weakness_id)} {_s(r.ref) or r.action_no}".strip() + (f" ({r.doc_id[-12:]})" if len(ar.plans) > 1
              else "") for r in a.itertuples()]
    # no start printed: a plan dated by milestones spans its first to its last milestone
    starts = [r.start_list[0] if r.start_list else r.deadline_list[0] if not r.revisions else None
              for r in a.itertuples()]
    states = ["overdue" if r.overdue else "complete" if r.status == "blue" else "on time" for r in a.itertuples()]
    for state, colour in (("on time", "#4c78a8"), ("complete", STATUS_COLOURS["blue"]), ("overdue", "#d62728")):
        pick = [i for i, st in enumerate(states) if st == state]
        if not pick:
            continue
        fig.add_trace(go.Scatter(
            x=[v for i in pick for v in (starts[i] or a.loc[i, "due"], a.loc[i, "due"], None)],
            y=[v for i in pick for v in (labels[i], labels[i], None)], mode="lines+markers", name=state,
            line=dict(color=colour, width=6), marker=dict(size=6, color=colour),
            hovertext=[v for i in pick for v in (a.loc[i, "action"][:120],) * 3], hoverinfo="text+x"))
    revised = [(labels[i], d) for i, r in enumerate(a.itertuples()) if r.revisions for d in r.deadline_list[:-1]]
    if revised:
        fig.add_trace(go.Scatter(x=[d for _, d in revised], y=[lab for lab, _ in revised], mode="markers",
                                 name="earlier deadline (revised)", marker=dict(symbol="x", size=9, color="#444")))
    fig.add_vline(x=dt.datetime.combine(as_of, dt.time()).timestamp() * 1000, line_dash="dash", line_color="#d62728",
                  annotation_text=f"as of {as_of:%d %b %Y}")
    fig.update_layout(title=f"{ar.name}: start → deadline per action (a dot: no start date printed)",
                      height=max(300, 18 * len(a) + 120), legend=dict(orientation="h"),
                      yaxis=dict(type="category", categoryorder="array", categoryarray=labels[::-1]))
    return _fig_html(fig, f"timeline-{ar.name}")


def _slippage_chart(areas: list[Area]) -> str:
    rows = [{"area": ar.name, "action": f"{_s(r.weakness_id)} {_s(r.ref)}", "revisions": r.revisions,
             "days slipped": r.days_slipped} for ar in areas for r in ar.actions.itertuples() if r.revisions]
    frame = pd.DataFrame(rows, columns=["area", "action", "revisions", "days slipped"])
    if frame.empty:
        frame = pd.DataFrame([{"area": ar.name, "action": "", "revisions": 0, "days slipped": 0} for ar in areas])
    fig = px.strip(frame, x="area", y="days slipped", color="area", hover_data=["action", "revisions"],
                   title="Deadline slippage: days each revised deadline moved (one point per action)")
    counts = frame.groupby("area")["revisions"].sum()
    for area, n in counts.items():
        fig.add_annotation(x=area, y=frame["days slipped"].max() * 1.08 + 5, text=f"{n} revisions", showarrow=False)
    return _fig_html(fig, "slippage")


def _leads_charts(areas: list[Area]) -> str:
    rows = [{"area": ar.name, "organisation type": ORG_LABELS[t], "actions": int((ar.actions["org_type"] == t).sum())}
            for ar in areas for t in (*ORG_TYPES, "none")]
    by_type = px.bar(pd.DataFrame(rows), x="area", y="actions", color="organisation type",
                     title="Who leads: actions by type of lead organisation")
    named = pd.concat([ar.actions.assign(area=ar.name) for ar in areas])
    named = named[named["lead_org"].notna()].groupby(["area", "lead_org"]).size().reset_index(name="actions")
    if named.empty:
        named = pd.DataFrame([{"area": ar.name, "lead_org": "(no lead named)", "actions": 0} for ar in areas])
    by_org = px.bar(named.sort_values("actions"), x="actions", y="lead_org", color="area", orientation="h",
                    title="Who leads: actions by organisation", height=max(300, 22 * len(named) + 120))
    by_org.update_yaxes(title=None)
    return _fig_html(by_type, "leads-type") + _fig_html(by_org, "leads-org")


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
    fig = go.Figure(go.Heatmap(z=z, x=list(labels.values()), y=[ar.name for ar in areas], text=text,
                               texttemplate="%{z}", hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
                               colorscale="Blues"))
    fig.update_layout(title="Themes: weaknesses and actions tagged per area", height=160 + 40 * len(areas))
    return _fig_html(fig, "themes")


def _coverage_chart(ar: Area) -> str:
    """Weakness × action: a filled cell where the action answers the weakness; an empty row is a gap."""
    acts = ar.actions.reset_index(drop=True)
    cols = [f"{_s(r.weakness_id)} {_s(r.ref) or r.action_no}".strip() for r in acts.itertuples()]
    rows, z = [], []
    for w in ar.weaknesses.itertuples():
        if ar.letter is not None:
            nos = {n for lst in ar.links.loc[ar.links["letter_weakness_id"] == w.weakness_id, "action_nos"]
                   for n in (lst if lst is not None else [])}
            linked = [r.action_no in nos for r in acts.itertuples()]
        else:
            linked = [r.weakness_id == w.weakness_id for r in acts.itertuples()]
        gap = not any(linked) and (w.kind in MUST_COVER or ar.letter is None)
        rows.append(f"{'⚠ NO ACTIONS · ' if gap else ''}{w.weakness_id}: {w.text[:60]}")
        z.append([1 if x else 0 for x in linked] or [0])
    if not rows:
        rows, z = ["(no weaknesses read)"], [[0] * max(1, len(cols))]
    fig = go.Figure(go.Heatmap(z=z, x=cols or ["(no actions)"], y=rows, colorscale=[[0, "#f7f7f7"], [1, "#2e9e44"]],
                               showscale=False, xgap=1, ygap=2, hovertemplate="%{y}<br>%{x}<extra></extra>"))
    fig.update_layout(title=f"{ar.name}: coverage (weakness × actions answering it)", height=150 + 45 * len(rows),
                      yaxis=dict(autorange="reversed"), xaxis=dict(tickangle=-60))
    return _fig_html(fig, f"coverage-{ar.name}")


def _events_chart(areas: list[Area]) -> str:
    """Each area's story: dated events from all its documents (one mark per event and source)."""
    rows = [{"area": ar.name, "date": pd.Timestamp(e.date), "event": e.kind.replace("_", " "),
             "source": f"{e.doc_id}, p.{'' if pd.isna(e.page) else int(e.page)}", "text": str(e.text)[:160]}
            for ar in areas for e in ar.events.itertuples()]
    frame = pd.DataFrame(rows, columns=["area", "date", "event", "source", "text"])
    if frame.empty:
        frame = pd.DataFrame([{"area": ar.name, "date": pd.NaT, "event": "none", "source": "", "text": ""}
                              for ar in areas])
    fig = px.scatter(frame, x="date", y="area", color="event", symbol="event", hover_data=["source", "text"],
                     title="Timeline: inspection, letter, statement, monitoring and reviews, from every document")
    fig.update_traces(marker=dict(size=13, line=dict(width=1, color="#333")))
    fig.update_layout(height=200 + 60 * len(areas))
    return _fig_html(fig, "events")


def _known_table(areas: list[Area]) -> str:
    """Did the area know itself? Each weakness against the area's own self-evaluation."""
    rows = []
    for ar in areas:
        for k in ar.known.itertuples():
            text = ar.weaknesses.loc[ar.weaknesses["weakness_id"] == k.weakness_id, "text"]
            rows.append({"Local area": ar.name, "Weakness": f"{k.weakness_id}: {text.iloc[0][:90] if len(text) else ''}",
                         "Named in the self-evaluation?": "yes" if k.named else "no",
                         "Closest area for development": f"{_s(k.judgement)[:140]} (p.{_s(k.page)}, score {k.score})",
                         "How": k.method})
    if not rows:
        return "<p>No self-evaluation stored for these areas.</p>"
    return pd.DataFrame(rows).to_html(index=False, border=0, classes="known")


def _action_rows(areas: list[Area]) -> str:
    labels = theme_labels()
    out = []
    for ar in areas:
        for r in ar.actions.itertuples():
            themes = [labels[t] for t in (r.themes if r.themes is not None else []) if t in labels]
            cells = [ar.name, r.doc_id, "" if pd.isna(r.page) else str(int(r.page)), _s(r.weakness_id), _s(r.ref),
                     _s(r.action), ORG_LABELS[r.org_type], _s(r.lead),
                     str(r.start_list[0]) if r.start_list else "", str(r.due or ""), str(r.revisions),
                     r.status, "; ".join(themes), "yes" if r.overdue else ""]
            tds = "".join(f'<td class="status-{html.escape(c)}">{html.escape(c)}</td>' if i == 11 else
                          f"<td>{html.escape(c)}</td>" for i, c in enumerate(cells))
            out.append(f'<tr data-area="{html.escape(ar.name)}" data-status="{r.status}" '
                       f'data-themes="{html.escape("|".join(themes))}" data-overdue="{"yes" if r.overdue else "no"}">'
                       f"{tds}</tr>")
    return "\n".join(out)


SCRIPT = """
const rows = Array.from(document.querySelectorAll('#actions tbody tr'));
function applyFilters() {
  const f = id => document.getElementById(id).value;
  let shown = 0;
  for (const r of rows) {
    const ok = (!f('f-area') || r.dataset.area === f('f-area')) && (!f('f-status') || r.dataset.status === f('f-status'))
      && (!f('f-theme') || r.dataset.themes.split('|').includes(f('f-theme')))
      && (!f('f-overdue') || r.dataset.overdue === f('f-overdue'));
    r.style.display = ok ? '' : 'none';
    if (ok) shown++;
  }
  document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' actions';
}
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
applyFilters();
"""

STYLE = """
body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
h1 { margin-bottom: 0; } .sub { color: #666; margin-top: 4px; }
table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; position: sticky; top: 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
.chart { border: 1px solid #eee; border-radius: 6px; padding: 4px; }
.filters { margin: 8px 0; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
""" + "".join(f".status-{k} {{ background: {v}; color: {'#fff' if k in ('blue', 'green', 'red') else '#222'}; }}\n"
              for k, v in STATUS_COLOURS.items())


def _select(ident: str, label: str, values: list[str]) -> str:
    opts = "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)
    return f'<label>{label} <select id="{ident}"><option value="">all</option>{opts}</select></label>'


def build_report(store: Store, out_dir: str | Path, areas: list[str] | None = None,
                 as_of: dt.date | None = None, found: pd.DataFrame | None = None) -> Path:
    """Write OUT_DIR/report.html comparing the areas; returns its path. `found`: the findings
    already computed for `as_of` (computed here when not given)."""
    as_of = as_of or dt.date.today()
    chosen = load_areas(store, areas, as_of, found)
    if not chosen:
        raise ValueError("nothing stored yet: run `wsoa batch` first")
    head = _headline(chosen)
    statuses = [s for s in STATUS_COLOURS if any((ar.actions["status"] == s).any() for ar in chosen)]
    body = [
        f"<h1>SEND written statements of action: {html.escape(', '.join(ar.name for ar in chosen))}</h1>",
        f'<p class="sub">As of {as_of:%d %B %Y}. Made by wsoa from {sum(len(ar.plans) for ar in chosen)} plan(s) '
        f"and {sum(ar.letter is not None for ar in chosen)} inspection letter(s). Every action row names its "
        "source document and page.</p>",
        "<h2>Headlines</h2>", head.to_html(index=False, escape=True, border=0, classes="headline"),
        "<h2>Status and slippage</h2>", '<div class="grid">', _status_chart(chosen), _slippage_chart(chosen), "</div>",
        "<h2>Deadlines</h2>", *[_timeline_chart(ar, as_of) for ar in chosen if ar.actions["due"].notna().any()],
        "<h2>The story so far</h2>", _events_chart(chosen),
        "<h2>Did the area know itself?</h2>", _known_table(chosen),
        "<h2>Who leads</h2>", '<div class="grid">', _leads_charts(chosen), "</div>",
        "<h2>Themes</h2>", _themes_chart(chosen),
        "<h2>Coverage</h2>", *[_coverage_chart(ar) for ar in chosen],
        "<h2>Every action</h2>",
        '<div class="filters">' + _select("f-area", "Area", [ar.name for ar in chosen]) +
        _select("f-status", "Status", statuses) + _select("f-theme", "Theme", list(theme_labels().values())) +
        _select("f-overdue", "Overdue", ["yes", "no"]) + ' <span id="shown"></span></div>',
        '<table id="actions"><thead><tr>' + "".join(
            f"<th>{h}</th>" for h in ("area", "document", "page", "weakness", "ref", "action", "lead type", "lead",
                                      "start", "deadline", "revisions", "status", "themes", "overdue")) +
        f"</tr></thead><tbody>{_action_rows(chosen)}</tbody></table>",
    ]
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>wsoa report</title>'
            f"<style>{STYLE}</style><script>{get_plotlyjs()}</script></head><body>{''.join(body)}"
            f"<script>{SCRIPT}</script></body></html>")
    target = Path(out_dir) / "report.html"
    atomic_write(target, page)
    return target
