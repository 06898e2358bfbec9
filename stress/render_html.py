"""Write blocks as one HTML page (thead repeated by the browser when printing, CSS grid rules and fills)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from stress.blocks import Cell, Para, TableBlock, document
from stress.plan import Plan

FAMILY = {"Helvetica": "Helvetica, Arial, sans-serif", "Times": "'Times New Roman', Times, serif",
          "Courier": "'Courier New', Courier, monospace", "DejaVu": "'DejaVu Sans', sans-serif"}
MARGIN_MM = {"narrow": 10, "normal": 19, "wide": 30}
DARK = {"1F3864", "305496"}
RULE = "1px solid #000"
GRID_CSS = {"full": f"td, th {{ border: {RULE}; }}",
            "horizontal": f"tr > * {{ border-top: {RULE}; border-bottom: {RULE}; }}",
            "vertical": f"tr > * {{ border-left: {RULE}; border-right: {RULE}; }}", "none": ""}


def cell(c: Cell, tag: str) -> str:
    if c.covered:
        return ""
    style = [f"text-align:{c.align}"]
    if c.fill:
        style.append(f"background:#{c.fill}")
    if c.fill in DARK:
        style.append("color:#fff")
    if c.bold or tag == "th":
        style.append(f"font-weight:{'bold' if c.bold else 'normal'}")
    lines = [escape(x) for x in c.lines]
    if c.struck and lines:
        lines[0] = f"<s>{lines[0]}</s>"
    body = ("<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>") if c.bullets else "<br>".join(lines)
    if c.shape:
        body = f'<span class="dot" style="background:#{c.shape}"></span>' + body
    span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
    return f'<{tag}{span} style="{";".join(style)}">{body}</{tag}>'


def table(t: TableBlock, plan: Plan) -> str:
    cols = "".join(f'<col style="width:{w * 100:.1f}%">' for w in t.widths)
    rows = ["<tr>" + "".join(cell(c, "th" if r.kind == "header" else "td") for c in r.cells) + "</tr>"
            for r in t.rows]
    head, body = rows[:t.header_rows], rows[t.header_rows:]
    opening = f'<table class="{"" if t.header_rows else "ruled"}"><colgroup>{cols}</colgroup>'
    if plan.layout["repeat_header"] == "yes":
        return f'{opening}<thead>{"".join(head)}</thead><tbody>{"".join(body)}</tbody></table>'
    return f'{opening}<tbody>{"".join(rows)}</tbody></table>'


def para(p: Para) -> str:
    tag = {"title": "h1", "heading": "h2"}.get(p.style, "p")
    dot = f'<span class="sq" style="background:#{p.swatch}"></span> ' if p.swatch else ""
    return f"<{tag}>{dot}{escape(p.text)}</{tag}>"


def page(plan: Plan) -> str:
    """The whole HTML page: CSS from the layout, running header/footer as fixed boxes, then the blocks."""
    lay = plan.layout
    size = lay["size"]
    css = f"""
@page {{ size: A4 {lay['orientation']}; margin: {MARGIN_MM[lay['margins']]}mm; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {FAMILY[lay['font']]}; font-size: {size}pt; }}
h1 {{ font-size: {size + 6}pt; }} h2 {{ font-size: {size + 2}pt; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 1em; table-layout: fixed; word-wrap: break-word; }}
td, th {{ vertical-align: top; padding: 2px 3px; }}
{GRID_CSS[lay['grid']]}
table.ruled td {{ border: {RULE}; }}
tr {{ break-inside: {'auto' if lay['row_cut'] == 'yes' else 'avoid'}; }}
ul {{ margin: 0; padding-left: 1.2em; }}
.dot {{ display: inline-block; width: {size}pt; height: {size}pt; border-radius: 50%; }}
.sq {{ display: inline-block; width: {size}pt; height: {size}pt; }}
.run {{ position: fixed; left: 0; font-size: {max(size - 1, 6)}pt; }}
"""
    furn = ""
    if lay["furniture"] in ("header", "both"):
        furn += f'<div class="run" style="top:0">{escape(plan.place)} SEND Partnership – OFFICIAL</div>'
    if lay["furniture"] in ("footer", "both"):
        furn += '<div class="run" style="bottom:0">Written Statement of Action</div>'
    blocks = "\n".join(table(b, plan) if isinstance(b, TableBlock) else para(b) for b in document(plan))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(plan.place)} WSoA</title>'
            f"<style>{css}</style></head><body>{furn}\n{blocks}\n</body></html>\n")


def write(plan: Plan, path: Path) -> Path:
    path.write_text(page(plan), "utf-8")
    return path
