"""Regenerate the README's screenshots of the report: `python docs/make_screenshots.py [OUT]`.

Reads the corpus's Buckinghamshire and Peterborough documents into OUT (a temporary folder by
default), writes the report as of 31 January 2023 and photographs it in headless Chromium at
1440 px (docs/report.png, first screens) and 390 px (docs/report-390.png). Then adds built
2023-framework reports for every English local area of wsoa/data/areas.csv not in the corpus
and photographs the national view (docs/report-national.png). Prints each page's height.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wsoa.cli import app  # noqa: E402
from wsoa.corpus.batch import run_batch  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
AS_OF = "2023-01-31"


def shoot(report: Path, target: Path, width: int, height: int) -> int:
    """Photograph the first `height` px of the report at `width` px; returns the page's full height."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(report.as_uri())
        page.wait_for_function("Array.from(document.querySelectorAll('.chart')).every(c => c.querySelector('.main-svg'))")
        page.screenshot(path=str(target))
        full = page.evaluate("document.documentElement.scrollHeight")
        browser.close()
    return full


def report(out: Path) -> Path:
    res = CliRunner().invoke(app, ["report", str(out), "--as-of", AS_OF])
    if res.exit_code != 0:
        raise SystemExit(res.output)
    return out / "report.html"


def main(out: Path) -> None:
    src = out / "src"
    for folder in ("buckinghamshire", "peterborough"):
        shutil.copytree(ROOT / "corpus" / folder, src / folder, dirs_exist_ok=True)
    run_batch(src, out / "two", workers=2)
    page = report(out / "two")
    print(f"two areas: 1440 px page {shoot(page, ROOT / 'docs' / 'report.png', 1440, 1800)} px tall")
    print(f"two areas: 390 px page {shoot(page, ROOT / 'docs' / 'report-390.png', 390, 1800)} px tall")
    from tests.national import add_national_reports

    shutil.copytree(out / "two", out / "national")
    n = add_national_reports(out / "national")
    page = report(out / "national")
    print(f"{n} built reports added: 1440 px page {shoot(page, ROOT / 'docs' / 'report-national.png', 1440, 1800)}"
          " px tall before an area is chosen")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(Path(tmp))
