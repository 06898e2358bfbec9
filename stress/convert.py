"""PDFs from the Word and HTML renderings: LibreOffice (soffice) and headless Chromium, each with a fresh profile."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 180


class ConvertError(RuntimeError):
    """A converter is missing, failed or produced no PDF."""


def soffice_available() -> bool:
    return shutil.which("soffice") is not None


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def docx_to_pdf(src: Path, out: Path) -> Path:
    """`soffice --headless --convert-to pdf`, in a throwaway user profile (parallel runs do not collide)."""
    if not soffice_available():
        raise ConvertError("soffice not on PATH")
    with tempfile.TemporaryDirectory(prefix="stress-lo-") as tmp:
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(src)]
        subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        made = Path(tmp) / (src.stem + ".pdf")
        if not made.exists():
            raise ConvertError(f"soffice made no PDF from {src.name}")
        shutil.move(str(made), out)
    return out


def html_to_pdf(src: Path, out: Path, page_furniture: bool = False) -> Path:
    """Headless Chromium's print to PDF; `page_furniture` keeps its own header and footer (date, title, page)."""
    if not chromium_available():
        raise ConvertError(f"{CHROMIUM} not found")
    with tempfile.TemporaryDirectory(prefix="stress-chr-") as tmp:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp}", f"--print-to-pdf={out}"]
        if not page_furniture:
            cmd.append("--no-pdf-header-footer")
        subprocess.run(cmd + [src.resolve().as_uri()], capture_output=True, timeout=TIMEOUT, check=False)
    if not out.exists() or out.stat().st_size == 0:
        raise ConvertError(f"chromium made no PDF from {src.name}")
    return out
