"""Shared fixtures: corpus paths and records extracted once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from wsoa.extract.document import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
BUCKS_WSOA = CORPUS / "buckinghamshire" / "buckinghamshire-2022-wsoa.pdf"
BUCKS_LETTER = CORPUS / "buckinghamshire" / "buckinghamshire-2022-inspection-letter.pdf"
PBORO_WSOA = CORPUS / "peterborough" / "peterborough-2019-wsoa.pdf"


@pytest.fixture(scope="session")
def bucks():
    return extract(BUCKS_WSOA)


@pytest.fixture(scope="session")
def pboro():
    return extract(PBORO_WSOA)
