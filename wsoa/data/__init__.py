"""Vocabulary kept as data: column synonyms, status words and colours, organisations, themes, events."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """One data file of this package (e.g. "columns.toml"), parsed once."""
    return tomllib.loads(files(__name__).joinpath(name).read_text("utf-8"))
