"""Do the two PDF engines give the same records? Extract every PDF of a folder with PDFium and with
pdfminer and compare the records field by field (source boxes within 3 pt).

Usage: python benchmarks/engines.py FOLDER [--limit N]
(e.g. a stress corpus written by `python -m stress --n 100 --out FOLDER`).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from wsoa.extract.document import extract

BOX_TOLERANCE = 3.0


def differences(a: object, b: object, path: str = "") -> list[str]:
    """Where two record dicts differ: field paths; numbers under `source` compared within 3 pt."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b)) for d in differences(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path} (length {len(a)} vs {len(b)})"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    if ".source" in path and isinstance(a, float) and isinstance(b, float):
        return [] if abs(a - b) <= BOX_TOLERANCE else [path]
    return [] if a == b else [path]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    pdfs = sorted(args.folder.glob("*.pdf"))[: args.limit or None]
    same, kinds = 0, Counter()
    for pdf in pdfs:
        try:
            a, b = (extract(pdf, engine=e).model_dump(mode="json", exclude={"warnings"}) for e in ("pdfium", "pdfminer"))
        except Exception as exc:  # noqa: BLE001 - a document one engine cannot read is a difference too
            print(f"{pdf.name}: {type(exc).__name__}: {exc}")
            kinds["error"] += 1
            continue
        diff = differences(a, b)
        same += not diff
        for d in diff:
            kinds[d.split("[")[0] if "[" in d else d] += 1
        if diff:
            print(f"{pdf.name}: {len(diff)} differences, e.g. {diff[:3]}")
    print(f"{same} of {len(pdfs)} documents identical with both engines (boxes within {BOX_TOLERANCE} pt)")
    for kind, n in kinds.most_common(12):
        print(f"  {n:5d}  {kind}")
    sys.exit(0)


if __name__ == "__main__":
    main()
