"""Write a card plan (`stress.card_blocks`) as PDF (reportlab), Word, web page, or PDF through LibreOffice or
Chromium; `write` puts its truth beside it (the truth of `stress.plan`, computed from the plan model)."""
from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt, RGBColor
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from stress import convert, generate, render_docx
from stress.card_blocks import KV, P, Block, Run, document
from stress.plan import Plan
from stress.render_reportlab import MARGIN, fonts, furniture

rl_config.invariant = 1
SUFFIX = {"reportlab": ".pdf", "docx": ".docx", "html": ".html", "docx_pdf": ".pdf", "html_pdf": ".pdf"}
EXTRA = {"title": 6, "h1": 3, "h2": 1, "body": 0}
FAMILY = {"Helvetica": "Helvetica, Arial, sans-serif", "Times": "'Times New Roman', Times, serif",
          "Courier": "'Courier New', Courier, monospace", "DejaVu": "'DejaVu Sans', sans-serif"}


# reportlab -----------------------------------------------------------------------------------------------

def _markup(runs: list[Run], unicode: bool, bold: str) -> str:
    """Paragraph markup; bold runs name the bold face (a TrueType font has no <b> family unless registered)."""
    out = []
    for r in runs:
        t = escape(r.text, quote=False)
        t = t if unicode else t.replace("→", "-&gt;")
        t = f'<font name="{bold}">{t}</font>' if r.bold else t
        out.append(f"<strike>{t}</strike>" if r.strike else t)
    return "".join(out)


class _RL:
    """Styles of one plan's font and size."""

    def __init__(self, plan: Plan) -> None:
        self.regular, self.bold = fonts(plan.layout["font"])
        self.size = plan.layout["size"]
        self.unicode = self.regular == "DejaVuSans"

    def style(self, kind: str, indent: int = 0) -> ParagraphStyle:
        size = self.size + EXTRA[kind]
        return ParagraphStyle("c", fontName=self.bold if kind != "body" else self.regular, fontSize=size,
                              leading=size * 1.25, leftIndent=indent * 14 + (12 if indent else 0),
                              spaceBefore=size * 0.6 if kind != "body" else 1, bulletIndent=indent * 14)

    def para(self, p: P) -> Paragraph:
        text = _markup(p.runs, self.unicode, self.bold)
        indent = p.indent + (1 if p.bullet and not p.indent else 0)
        return Paragraph(text, self.style(p.style, indent), bulletText=p.bullet)

    def kv(self, b: KV, width: float) -> Table:
        data = [[Paragraph(_markup(k, self.unicode, self.bold), self.style("body")),
                 [self.para(P(ln, bullet="•" if len(v) > 1 else None)) for ln in v]] for k, v, _ in b.rows]
        cmds: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if b.ruled:
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        cmds += [("BACKGROUND", (1, y), (1, y), colors.HexColor("#" + f)) for y, (_, _, f) in enumerate(b.rows) if f]
        t = Table(data, colWidths=[width * 0.28, width * 0.72], style=TableStyle(cmds))
        t.hAlign = "LEFT"
        return t


def write_pdf(plan: Plan, path: Path) -> Path:
    lay, rl = plan.layout, _RL(plan)
    size = landscape(A4) if lay["orientation"] == "landscape" else A4
    m = MARGIN[lay["margins"]]
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=m, rightMargin=m, topMargin=m, bottomMargin=m,
                            title=f"{plan.place} WSoA")
    width, story = size[0] - 2 * m, []
    for group in document(plan):
        flows = [rl.kv(b, width) if isinstance(b, KV) else rl.para(b) for b in group]
        story += [KeepTogether(flows)] if lay["page_cut"] == "no" and len(flows) > 1 else flows
        story.append(Spacer(1, rl.size * 0.6))
    page = furniture(plan, rl.regular, rl.size, title=None)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return path


# Word ----------------------------------------------------------------------------------------------------

def _runs(par: Any, runs: list[Run], size: float) -> None:
    for r in runs:
        run = par.add_run(r.text)
        run.bold, run.font.strike, run.font.size = r.bold or None, r.strike or None, Pt(size)


def _docx_para(d: Any, p: P, size: int, keep: bool) -> None:
    if p.style != "body":
        par = d.add_heading(level={"title": 0, "h1": 1, "h2": 2}[p.style])
        _runs(par, p.runs, size + EXTRA[p.style])
        return
    par = d.add_paragraph(style="List Bullet" if p.bullet == "•" else None)
    if p.bullet and p.bullet != "•":
        par.add_run(p.bullet + " ").font.size = Pt(size)
    if p.indent:
        par.paragraph_format.left_indent = Pt(18 * p.indent + 18)
    _runs(par, p.runs, size)
    par.paragraph_format.keep_with_next = keep


def _docx_kv(d: Any, b: KV, size: int) -> None:
    tab = d.add_table(rows=len(b.rows), cols=2)
    render_docx._borders(tab, "full" if b.ruled else "none")
    for y, (k, v, fill) in enumerate(b.rows):
        _runs(tab.cell(y, 0).paragraphs[0], k, size)
        cell = tab.cell(y, 1)
        for i, ln in enumerate(v):
            par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            _runs(par, ([Run("• ")] if len(v) > 1 else []) + ln, size)
        if fill:
            render_docx._shade(cell, fill)
    d.add_paragraph()


def write_docx(plan: Plan, path: Path) -> Path:
    d = docx.Document()
    size = plan.layout["size"]
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = render_docx.FAMILY[plan.layout["font"]], Pt(size)
    render_docx._page(d, plan)
    for group in document(plan):
        for k, b in enumerate(group):
            keep = plan.layout["page_cut"] == "no" and k < len(group) - 1
            _docx_kv(d, b, size) if isinstance(b, KV) else _docx_para(d, b, size, keep)
    for style in ("Title", "Heading 1", "Heading 2"):
        d.styles[style].font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    d.core_properties.title = f"{plan.place} WSoA"
    d.save(str(path))
    return path


# HTML ----------------------------------------------------------------------------------------------------

def _html_runs(runs: list[Run]) -> str:
    out = []
    for r in runs:
        t = escape(r.text)
        t = f"<strong>{t}</strong>" if r.bold else t
        out.append(f"<s>{t}</s>" if r.strike else t)
    return "".join(out)


def _html_block(b: Block) -> str:
    if isinstance(b, KV):
        rows = "".join(f"<tr><th>{_html_runs(k)}</th><td{_fill(f)}>{'<br>'.join(_html_runs(x) for x in v)}</td></tr>"
                       for k, v, f in b.rows)
        return f'<table class="{"ruled" if b.ruled else "open"}">{rows}</table>'
    tag = {"title": "h1", "h1": "h2", "h2": "h3"}.get(b.style, "p")
    body = _html_runs(b.runs)
    if b.bullet == "•":
        return f'<ul style="margin-left:{b.indent * 1.5}em"><li>{body}</li></ul>'
    if b.bullet:
        return f'<ol start="{b.bullet.rstrip(".")}" style="margin-left:{b.indent * 1.5}em"><li>{body}</li></ol>'
    return f"<{tag}>{body}</{tag}>"


def _fill(f: str | None) -> str:
    return f' style="background:#{f}"' if f else ""


def page(plan: Plan, printed: bool = False) -> str:
    lay, size = plan.layout, plan.layout["size"]
    css = f"""
@page {{ size: A4 {lay['orientation']}; margin: {render_docx.MARGIN_MM[lay['margins']]}mm; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {FAMILY[lay['font']]}; font-size: {size}pt; }}
h1 {{ font-size: {size + 6}pt; }} h2 {{ font-size: {size + 3}pt; }} h3 {{ font-size: {size + 1}pt; }}
p, ul, ol {{ margin: 0.2em 0; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0; }}
th {{ text-align: left; width: 28%; vertical-align: top; }} td {{ vertical-align: top; }}
table.ruled th, table.ruled td {{ border: 1px solid #000; padding: 2px 4px; }}
.action {{ break-inside: {'auto' if lay['page_cut'] == 'yes' else 'avoid'}; margin-bottom: 0.8em; }}
table.frame {{ margin: 0; }} table.frame > tbody > tr > td {{ padding: 0; }}
table.frame td.room {{ height: {2 * size}pt; }}
.run {{ position: fixed; left: 0; font-size: {max(size - 1, 6)}pt; }}
"""
    body = "\n".join(f'<div class="action">{"".join(_html_block(b) for b in g)}</div>' for g in document(plan))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(plan.place)} WSoA</title>'
            f"<style>{css}</style></head><body>\n{_framed(plan, body) if printed else body}\n</body></html>\n")


def _framed(plan: Plan, body: str) -> str:
    """The running header and footer as boxes fixed to the top and bottom of every printed page, over the room
    kept for them by a frame's header and footer rows, which a browser repeats on every page (Chromium prints
    @page margin boxes over the body's text, and a fixed box alone lies over the text of a full page)."""
    kind = plan.layout["furniture"]
    if kind == "none":
        return body
    head, foot = kind in ("header", "both"), kind in ("footer", "both")
    top = f'<div class="run" style="top:0">{escape(plan.place)} SEND Partnership – OFFICIAL</div>'
    bottom = '<div class="run" style="bottom:0">Written Statement of Action</div>'
    runs = (top if head else "") + (bottom if foot else "")
    room = '<tr><td class="room"></td></tr>'
    return (f'{runs}<table class="frame">{f"<thead>{room}</thead>" if head else ""}'
            f'{f"<tfoot>{room}</tfoot>" if foot else ""}<tbody><tr><td>\n{body}\n</td></tr></tbody></table>')


def write_html(plan: Plan, path: Path, printed: bool = False) -> Path:
    path.write_text(page(plan, printed), "utf-8")
    return path


# any renderer --------------------------------------------------------------------------------------------

def render(plan: Plan, out_dir: Path) -> Path:
    """The plan's file in `out_dir` (converted through a temporary Word file or web page where needed)."""
    kind = plan.layout["renderer"]
    path = out_dir / f"{plan.doc_id}{SUFFIX[kind]}"
    direct = {"reportlab": write_pdf, "docx": write_docx, "html": write_html}
    if kind in direct:
        return direct[kind](plan, path)
    with tempfile.TemporaryDirectory(prefix="cards-src-") as tmp:
        if kind == "docx_pdf":
            return convert.docx_to_pdf(write_docx(plan, Path(tmp) / f"{plan.doc_id}.docx"), path)
        src = write_html(plan, Path(tmp) / f"{plan.doc_id}.html", printed=True)
        return convert.html_to_pdf(src, path, page_furniture=plan.layout["furniture"] == "both")


def write(plan: Plan, out_dir: Path) -> Path:
    """Render the card plan and write its truth beside it (as the tables do); returns the document's path."""
    return generate.write(plan, out_dir, render)
