"""Score the pipeline on the layout stress corpus (issue 13): recall, precision and field rates per axis value.

Generates (or reuses, from the cache folder) a seeded batch of stress layouts (`stress/`), extracts each with
`wsoa.extract.document.extract` in forked workers (2 at a time, a per-document time limit: a crash or a
timeout scores as no actions found for that document and never stops the run), scores each with the
project's scorer (`wsoa.match.evaluate.score_document`) and writes a Markdown report.

Usage: python benchmarks/stress.py [--n 300] [--seed 1] [--out CACHE] [--results FILE]
       python benchmarks/stress.py --n 40 --seed 7          (quick run: prints the summary only)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stress import cards, render_cards  # noqa: E402
from stress.generate import SUFFIX, available_renderers, write  # noqa: E402
from stress.sample import AXES, PLAIN, RENDERERS, isolated, sample  # noqa: E402
from stress.score import EMPTY, FIELDS, pooled, rates  # noqa: E402
from wsoa.match.evaluate import score_document  # noqa: E402

FULL_RUN = 300


FAMILIES = {"tables": (AXES, sample, write), "cards": (cards.AXES, cards.sample, render_cards.write)}


def _generate_one(args: tuple[int, int, list[str], str, bool, str]) -> str:
    seed, i, renderers, out, alone, family = args
    _, draw, writer = FAMILIES[family]
    plan = isolated(seed, renderers)[i] if alone else draw(seed, i, renderers)
    path = Path(out) / f"{plan.doc_id}{SUFFIX[plan.layout['renderer']]}"
    if not (path.exists() and path.with_name(f"{plan.doc_id}.truth.json").exists()):
        try:
            writer(plan, Path(out))
        except Exception as exc:  # noqa: BLE001 - a failed conversion drops one document, not the run
            return f"{plan.doc_id}: not generated ({type(exc).__name__}: {exc})"
    return str(path)


def generate(n: int, seed: int, out: Path, workers: int, alone: bool, family: str = "tables") -> list[Path]:
    """The n drawn layouts, then (with `alone`) one layout per axis value varied alone from the plain one."""
    renderers = [r for r in RENDERERS if r in available_renderers()]
    tasks = [(seed, i, renderers, str(out), False, family) for i in range(n)]
    if alone:
        tasks += [(seed, i, renderers, str(out), True, family) for i in range(len(isolated(seed, renderers)))]
    with mp.get_context("spawn").Pool(workers) as pool:
        made = pool.map(_generate_one, tasks)
    for m in made:
        if m.endswith(")"):
            print(m, file=sys.stderr)
    return [Path(m) for m in made if not m.endswith(")")]


def _extract_child(path: str, pred: str, soft: float) -> None:
    from wsoa.extract.document import extract
    try:
        rec = extract(path, deadline=time.monotonic() + soft).model_dump(mode="json")
    except Exception as exc:  # noqa: BLE001 - recorded as this document's error
        rec = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    Path(pred).write_text(json.dumps(rec, default=str), "utf-8")


def extract_all(paths: list[Path], pred_dir: Path, workers: int, timeout: float) -> dict[str, dict]:
    """Each document in a forked child (the parent has imported the pipeline once); killed past `timeout`."""
    import wsoa.extract.document  # noqa: F401 - imported before forking so children start warm
    ctx = mp.get_context("fork")
    pending, running, preds = list(paths), {}, {}
    while pending or running:
        while pending and len(running) < workers:
            p = pending.pop(0)
            proc = ctx.Process(target=_extract_child, args=(str(p), str(pred_dir / f"{p.stem}.json"), timeout * 0.8))
            proc.start()
            running[proc] = (p, time.monotonic())
        for proc, (p, started) in list(running.items()):
            if proc.is_alive() and time.monotonic() - started < timeout:
                continue
            if proc.is_alive():
                proc.kill()
            proc.join()
            del running[proc]
            f = pred_dir / f"{p.stem}.json"
            preds[p.stem] = json.loads(f.read_text("utf-8")) if f.exists() else {
                "error": "timeout" if time.monotonic() - started >= timeout else f"crashed (exit {proc.exitcode})"}
        time.sleep(0.05)
    return preds


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(f"{c:.2f}" if isinstance(c, float) else "–" if c is None else str(c)
                             for c in cells) + " |"


HEAD = ["docs", "true", "recall", "precision", *FIELDS]


def axis_table(docs: list[dict[str, Any]], axes: dict[str, list[Any]] = AXES) -> list[str]:
    """One row per value of every axis: the pooled scores of the documents drawn with that value."""
    lines = [_row(["axis", "value", *HEAD]), _row(["---"] * (len(HEAD) + 2))]
    for axis in axes:
        values = sorted({str(d["layout"][axis]) for d in docs}, key=lambda v: [str(x) for x in axes[axis]].index(v)
                        if v in map(str, axes[axis]) else 99)
        for v in values:
            group = [d["score"] for d in docs if str(d["layout"][axis]) == v]
            s = pooled(group)
            lines.append(_row([axis, v, len(group), s.true_actions, *rates(s).values()]))
    return lines


def alone_table(docs: list[dict[str, Any]]) -> list[str]:
    """One row per axis value varied alone from the plain layout (one document each)."""
    head = ["axis", "value", "true", "found", "recall", "precision", *FIELDS]
    lines = [_row(head), _row(["---"] * len(head))]
    for d in docs:
        axis = next((a for a, v in d["layout"].items() if str(v) != str(PLAIN[a])), None)
        if axis is None:
            continue
        s = d["score"]
        lines.append(_row([axis, d["layout"][axis], s.true_actions, s.pred_actions, *rates(s).values()]))
    return lines


def badness(d: dict[str, Any]) -> tuple[float, float]:
    r = rates(d["score"])
    fields = [r[k] or 0.0 for k in FIELDS]
    return r["recall"] * sum(fields) / len(fields), r["precision"]


def worst_table(docs: list[dict[str, Any]], k: int = 20) -> list[str]:
    lines = []
    for d in sorted(docs, key=badness)[:k]:
        r = rates(d["score"])
        lay = ", ".join(f"{a}={v}" for a, v in d["layout"].items())
        err = f" **{d['error']}**" if d.get("error") else ""
        s = d["score"]
        lines.append(f"- `{d['doc_id']}` ({d['file']}): {s.true_actions} true actions, {s.pred_actions} found, "
                     f"recall {r['recall']:.2f}, precision {r['precision']:.2f}, "
                     + ", ".join(f"{f} {r[f]:.2f}" for f in FIELDS if r[f] is not None) + f"{err}  \n  {lay}")
        misses = [m for m in d["score"].misses if not m.split(" ", 2)[1].startswith(("section", "group", "mile"))]
        for m in misses[:3]:
            lines.append(f"  - {m[:200]}")
    return lines


def report(docs: list[dict[str, Any]], alone: list[dict[str, Any]], args: argparse.Namespace,
           seconds: float) -> str:
    total = pooled([d["score"] for d in docs])
    r = rates(total)
    errors = Counter(d["error"].split(":")[0] for d in docs if d.get("error"))
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    misses = Counter(m.split(" ", 2)[1].rstrip(":") for d in docs for m in d["score"].misses)
    out = [f"# Layout stress benchmark (issue 13)", "",
           f"{len(docs)} generated layouts (seed {args.seed}), code at `{commit}`, "
           f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {seconds:.0f} s. "
           f"Produced by `python benchmarks/stress.py {'' if args.family == 'tables' else '--family cards '}"
           f"--n {args.n} --seed {args.seed}`; the layouts and their truth "
           "come from `stress/` (`python -m stress`). Field rates are the project scorer's exact rates over paired "
           "actions (`wsoa/match/evaluate.py`); a crash or timeout counts as no action found.", "",
           "## Overall", "", _row(HEAD), _row(["---"] * len(HEAD)),
           _row([len(docs), total.true_actions, *r.values()]), "",
           f"Layouts with no action found: {sum(d['score'].paired == 0 for d in docs)}; with every action found: "
           f"{sum(d['score'].paired == d['score'].true_actions for d in docs)}. "
           f"Weaknesses found: {total.weakness_recall:.2f}. Documents with an error: "
           + (", ".join(f"{k} ×{v}" for k, v in errors.most_common()) or "none") + ".", "",
           "Field misses over all pairs: " + ", ".join(f"{k} {v}" for k, v in misses.most_common()) + ".", "",
           "## Per axis value", "", "Pooled over the drawn layouts that have the value. Each layout also draws "
           "every other axis, so the values that lose whole tables (header wording, wrapped headers) pull every row "
           "down; the last section varies one value at a time.", "", *axis_table(docs, FAMILIES[args.family][0]), "",
           "## The 20 worst layouts", "", *worst_table(docs), ""]
    if alone:
        plain = next((d for d in alone if all(str(v) == str(PLAIN[a]) for a, v in d["layout"].items())), None)
        base = ", ".join(f"{k} {v:.2f}" for k, v in rates(plain["score"]).items() if v is not None) if plain else "-"
        out += ["## One axis value at a time", "",
                "Each row is one document: the plain layout (`stress.sample.PLAIN`: reportlab, Helvetica 8 pt, "
                "full grid, known one-row headers, headings naming each weakness, status words, month-year "
                f"dates) with only that axis changed (a value the sampler had to adjust shows as a second "
                f"change). The plain layout itself scores: {base}.", "", *alone_table(alone), ""]
    return "\n".join(out)


def generator_version(family: str = "tables") -> str:
    """A hash of the family's generator source: the default cache folder changes whenever the generator does
    (the card family's own files, `stress/*card*`, leave the tables' cache as it was)."""
    digest = hashlib.sha256()
    for f in sorted((ROOT / "stress").glob("*.py")):
        if family == "cards" or "card" not in f.name:
            digest.update(f.read_bytes())
    return digest.hexdigest()[:10]


def score_all(paths: list[Path], preds: dict[str, dict]) -> list[dict[str, Any]]:
    docs = []
    for p in paths:
        truth = json.loads(p.with_name(f"{p.stem}.truth.json").read_text("utf-8"))
        pred = preds.get(p.stem, {"error": "not run"})
        docs.append({"doc_id": p.stem, "file": p.suffix, "layout": truth["layout"], "error": pred.get("error"),
                     "score": score_document(pred if "actions" in pred else EMPTY, truth)})
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=FULL_RUN)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="layout cache folder (default: one under the temp dir per seed and "
                    "generator version)")
    ap.add_argument("--results", type=Path, help=f"report file (default: benchmarks/stress-results.md when "
                    f"--n >= {FULL_RUN}, otherwise the summary is only printed)")
    ap.add_argument("--alone", action=argparse.BooleanOptionalAction, default=None,
                    help=f"also score each axis value alone from the plain layout (default: when --n >= {FULL_RUN})")
    ap.add_argument("--dump", type=Path, help="also write every document's scores and field misses as JSON")
    ap.add_argument("--family", choices=sorted(FAMILIES), default="tables",
                    help="tables (the action-table layouts) or cards (plans written as labelled text or prose)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per document")
    args = ap.parse_args()
    alone = (args.n >= FULL_RUN if args.alone is None else args.alone) and args.family == "tables"
    prefix = "wsoa-stress" if args.family == "tables" else "wsoa-cards"
    out = args.out or Path(tempfile.gettempdir()) / f"{prefix}-seed{args.seed}-{generator_version(args.family)}"
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    paths = generate(args.n, args.seed, out, args.workers, alone, args.family)
    print(f"{len(paths)} layouts in {out} ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="wsoa-stress-pred-") as tmp:
        docs = score_all(paths, extract_all(paths, Path(tmp), args.workers, args.timeout))
    drawn = [d for d in docs if "-iso-" not in d["doc_id"]]
    text = report(drawn, [d for d in docs if "-iso-" in d["doc_id"]], args, time.monotonic() - t0)
    if args.dump:
        args.dump.write_text(json.dumps([{**d["score"].row(), "layout": d["layout"], "error": d["error"],
                                          "misses": d["score"].misses} for d in docs], indent=1), "utf-8")
    results = args.results or (ROOT / "benchmarks" / "stress-results.md" if args.n >= FULL_RUN else None)
    if results:
        results.write_text(text, "utf-8")
        print(f"wrote {results}", file=sys.stderr)
    print(text.split("## Per axis value")[0])


if __name__ == "__main__":
    main()
