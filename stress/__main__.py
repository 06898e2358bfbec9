"""`python -m stress --n 40 --seed 1 --out DIR`: write a seeded batch of stress layouts with their truth."""
from __future__ import annotations

import argparse
from pathlib import Path

from stress.generate import available_renderers, batch
from stress.sample import RENDERERS


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m stress", description=__doc__)
    ap.add_argument("--n", type=int, default=40, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="output folder (existing files are kept)")
    ap.add_argument("--renderers", default=",".join(available_renderers()),
                    help=f"comma-separated subset of {','.join(RENDERERS)}")
    args = ap.parse_args()
    paths = batch(args.n, args.seed, args.out, args.renderers.split(","))
    print(f"{len(paths)} documents with truth in {args.out}")


if __name__ == "__main__":
    main()
