"""How alike two weakness statements are, when one paraphrases the other.

Texts are tokenised with spaCy's English tokenizer (the project's one `spacy.blank("en")`),
abbreviations expanded from `data/abbreviations.toml`, stop words and punctuation dropped, and
the remaining words stemmed (Snowball), so "waiting times for assessments" and "assessment
waits" share `wait` and `assess`. The score mixes rapidfuzz's token-set ratio on the stems
with the share of the shorter text's content stems found in the longer one.
"""
from __future__ import annotations

from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz

from wsoa.data import load
from wsoa.normalise.entities import nlp


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], frozenset[str]]:
    data = load("abbreviations.toml")
    return data["expand"], frozenset(data["ignore"]["words"])


_STEM = snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def stems(text: str) -> tuple[str, ...]:
    """The content-word stems of `text`, in order."""
    expand, ignore = _vocabulary()
    words: list[str] = []
    for tok in nlp().make_doc(text.replace("’", "'")):
        low = tok.lower_
        words.extend(expand.get(low, low).split())
    stop = nlp().Defaults.stop_words | ignore
    kept = [w for w in words if w.isalpha() and len(w) > 1 and w not in stop]
    return tuple(_STEM.stemWords(kept))


def similarity(a: str, b: str) -> float:
    """0..1: how far `a` and `b` state the same thing (1.0 when one contains the other's content words)."""
    sa, sb = stems(a), stems(b)
    if not sa or not sb:
        return 0.0
    set_a, set_b = set(sa), set(sb)
    overlap = len(set_a & set_b) / min(len(set_a), len(set_b))
    token_set = fuzz.token_set_ratio(" ".join(sa), " ".join(sb)) / 100
    return round(0.5 * overlap + 0.5 * token_set, 3)
