"""Vocabulary as data: every TOML file of this folder, read once."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of `wsoa/data/<name>` (a TOML file)."""
    return tomllib.loads(resources.files("wsoa.data").joinpath(name).read_text("utf-8"))
