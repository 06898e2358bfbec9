"""Write one sampled plan in its renderer's format with `<name>.truth.json` beside it; or a whole batch."""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from stress import convert, render_docx, render_html, render_reportlab
from stress.plan import Plan, truth
from stress.sample import RENDERERS, sample

SUFFIX = {"reportlab": ".pdf", "docx": ".docx", "html": ".html", "docx_pdf": ".pdf", "html_pdf": ".pdf"}


def available_renderers(office: bool = True) -> list[str]:
    """Renderers this machine can run: LibreOffice only with `office` and soffice on PATH; Chromium if present."""
    out = ["reportlab", "docx", "html"]
    if office and convert.soffice_available():
        out.append("docx_pdf")
    if convert.chromium_available():
        out.append("html_pdf")
    return out


def render(plan: Plan, out_dir: Path) -> Path:
    """The plan's file in `out_dir` (converted through a temporary Word file or web page where needed)."""
    kind = plan.layout["renderer"]
    path = out_dir / f"{plan.doc_id}{SUFFIX[kind]}"
    if kind in ("reportlab", "docx", "html"):
        writer = {"reportlab": render_reportlab, "docx": render_docx, "html": render_html}[kind]
        return writer.write(plan, path)
    with tempfile.TemporaryDirectory(prefix="stress-src-") as tmp:
        if kind == "docx_pdf":
            src = Path(tmp) / f"{plan.doc_id}.docx"
            try:
                return convert.docx_to_pdf(render_docx.write(plan, src), path)
            except convert.ConvertError:  # LibreOffice crashes on some tall repeated header rows
                plan.layout["repeat_header"] = "no"  # recorded: the truth is written after rendering
                return convert.docx_to_pdf(render_docx.write(plan, src), path)
        src = render_html.write(plan, Path(tmp) / f"{plan.doc_id}.html")
        return convert.html_to_pdf(src, path, page_furniture=plan.layout["furniture"] == "both")


def write(plan: Plan, out_dir: Path, renderer: Callable[[Plan, Path], Path] | None = None) -> Path:
    """Render the plan (by `renderer`, by default the tables' `render`) and write its truth; returns the
    document's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = (renderer or render)(plan, out_dir)
    (out_dir / f"{plan.doc_id}.truth.json").write_text(json.dumps(truth(plan), indent=1, ensure_ascii=False), "utf-8")
    return path


def batch(n: int, seed: int, out_dir: Path, renderers: list[str] | None = None) -> list[Path]:
    """Documents 0..n-1 of the seeded batch, skipping those already written (the folder is a cache)."""
    renderers = renderers or [r for r in RENDERERS if r in available_renderers()]
    paths = []
    for i in range(n):
        plan = sample(seed, i, renderers)
        path = out_dir / f"{plan.doc_id}{SUFFIX[plan.layout['renderer']]}"
        truth_file = out_dir / f"{plan.doc_id}.truth.json"
        paths.append(path if path.exists() and truth_file.exists() else write(plan, out_dir))
    return paths
