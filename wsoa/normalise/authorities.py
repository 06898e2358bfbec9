"""Official identity of a local area: canonical name, ONS code, DfE local-authority number and
region, from `data/areas.csv` (every English local authority with SEND responsibilities, live and
terminated, with the authorities that succeeded the terminated ones), and short outcome labels
from `data/outcomes.toml`.

A name is matched on a key that ignores case, punctuation, spacing around hyphens ("Stoke-on-
Trent", "Stoke-on- Trent"), and council words ("Buckinghamshire Council", "London Borough of
Camden"). Where a name belongs to several authorities in time (Buckinghamshire county, then
unitary), the one in office on the document's date is chosen, else the live one.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from wsoa.data import load

COLUMNS = ["local_area", "name", "ons_code", "la_number", "region", "authority_type", "status", "successors"]
_COUNCIL_WORDS = re.compile(r"\b(?:the|london borough of|royal borough of|metropolitan borough|borough|city|county|"
                            r"district|council|of)\b")


def key(name: str) -> str:
    """A name's matching key: lower case, council words and punctuation dropped, spaces squeezed."""
    text = re.sub(r"\s*-\s*", "-", name.lower().replace("&", " and ").replace("st.", "st"))
    text = _COUNCIL_WORDS.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


@lru_cache(maxsize=1)
def authorities() -> pd.DataFrame:
    """The table of data/areas.csv, with a list of matching keys per authority."""
    with resources.files("wsoa.data").joinpath("areas.csv").open("r", encoding="utf-8") as f:
        table = pd.read_csv(f, comment="#", dtype=str, keep_default_na=False)
    table["keys"] = [{key(n) for n in [name, *aliases.split(";")] if n}
                     for name, aliases in zip(table["name"], table["aliases"])]
    return table


def identify(name: str | None, on: dt.date | None = None) -> pd.Series | None:
    """The authority a local-area name stands for (on the given date), or None when unknown."""
    if not name or not name.strip():
        return None
    table = authorities()
    k = key(name)
    rows = table[[k in ks for ks in table["keys"]]]
    if rows.empty:
        return None
    if on is not None:
        day = on.isoformat()
        current = rows[(rows["from"] <= day) & ((rows["to"] == "") | (rows["to"] >= day))]
        if not current.empty:
            return current.iloc[0]
    live = rows[rows["status"] == "live"]
    return (live if not live.empty else rows).iloc[0]


@lru_cache(maxsize=4096)
def same_area(name: str | None) -> str:
    """A key shared by every spelling of one local area ("Buckinghamshire Council", "Buckinghamshire"):
    the key of its canonical name when the name is known, else of the name itself."""
    hit = identify(name)
    return key(hit["name"]) if hit is not None else key(name or "")


def area_rows(areas: dict[str, dt.date | None]) -> pd.DataFrame:
    """One row per local-area name as stored (name -> date of its documents): its official identity."""
    out = []
    for local_area, on in areas.items():
        hit = identify(local_area, on)
        out.append({"local_area": local_area, "name": hit["name"] if hit is not None else " ".join(local_area.split()),
                    "ons_code": hit["ons_code"] if hit is not None else None,
                    "la_number": hit["la_number"] or None if hit is not None else None,
                    "region": hit["region"] if hit is not None else None,
                    "authority_type": hit["type"] if hit is not None else None,
                    "status": hit["status"] if hit is not None else None,
                    "successors": [s for s in hit["successors"].split(";") if s] if hit is not None else []})
    return pd.DataFrame(out, columns=COLUMNS)


@lru_cache(maxsize=1)
def _outcomes() -> list[tuple[str, list[str]]]:
    data = load("outcomes.toml")
    return [(o["label"], [p.lower() for p in o["phrases"]]) for o in data["outcome"]]


def outcome_label(text: str | None) -> str | None:
    """The short label of an inspection outcome's text, or None when no label's phrase is in it."""
    low = " ".join((text or "").lower().split())
    return next((label for label, phrases in _outcomes() if any(p in low for p in phrases)), None)
