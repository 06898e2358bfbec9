"""Organisations in lead cells and themes in weaknesses and actions, with spaCy rules.

`spacy.blank("en")` plus an EntityRuler (organisation types) and a PhraseMatcher (themes),
both built from data files (`data/organisations.toml`, `data/themes.toml`): no model download.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

import spacy
from spacy.matcher import PhraseMatcher

ORG_TYPES = ("council", "nhs_trust", "icb_ccg", "school", "parent_carer_forum", "other")
_NAME_WORD = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’&-]*|&|and|of|the)$"}, "OP": "+"}


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("wsoa.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def nlp() -> spacy.language.Language:
    """The one spaCy pipeline: `blank("en")` plus the organisation EntityRuler (`make_doc` tokenises only)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = []
    for kind, spec in _data("organisations.toml").items():
        patterns += [{"label": kind, "pattern": p} for p in spec["phrases"]]
        patterns += [{"label": kind, "pattern": [{"ORTH": a}]} for a in spec["acronyms"]]
        for suffix in spec["suffixes"]:  # "<Proper Name> Council": the id marks a named organisation
            tokens = [{"ORTH": t} for t in suffix.split()]
            patterns.append({"label": kind, "id": "name", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]"}}, _NAME_WORD, *tokens]})
            patterns.append({"label": kind, "id": "name", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]"}}, *tokens]})
    ruler.add_patterns(patterns)
    return nlp


def organisations(text: str) -> list[tuple[str, str, bool]]:
    """(text, type, is a proper name) for each organisation mention in `text`, in order."""
    if not text:
        return []
    doc = nlp()(text)
    return [(e.text, e.label_, e.ent_id_ == "name") for e in doc.ents]


def lead_organisation(lead: str | None) -> tuple[str | None, str | None]:
    """The type ("council", "nhs_trust", ...; "other" when none is recognised) and the name of the
    organisation a lead cell names: the first proper name ("Oxford Health NHS Foundation Trust"),
    else the first role or service that implies a type ("Designated Clinical Officer"); (None, None)
    for an empty cell."""
    if not lead or not lead.strip():
        return None, None
    found = organisations(lead)
    named = [(t, k) for t, k, is_name in found if is_name]
    if named:
        return named[0][1], named[0][0]
    return (found[0][1], None) if found else ("other", None)


@lru_cache(maxsize=1)
def _themes() -> tuple[PhraseMatcher, PhraseMatcher, dict[str, str]]:
    make = nlp().make_doc
    lower, exact = PhraseMatcher(nlp().vocab, attr="LOWER"), PhraseMatcher(nlp().vocab, attr="ORTH")
    labels = {}
    for key, spec in _data("themes.toml").items():
        labels[key] = spec["label"]
        lower.add(key, [make(p) for p in spec["phrases"]])
        if spec["acronyms"]:
            exact.add(key, [make(a) for a in spec["acronyms"]])
    return lower, exact, labels


def theme_labels() -> dict[str, str]:
    """Theme key -> the label shown to readers, in the taxonomy's order."""
    return dict(_themes()[2])


def themes(*texts: str | None) -> list[str]:
    """The theme keys the texts mention, in the taxonomy's order."""
    lower, exact, labels = _themes()
    found: set[str] = set()
    for text in texts:
        if text:
            doc = nlp().make_doc(text)
            found.update(nlp().vocab.strings[m] for m, _, _ in (*lower(doc), *exact(doc)))
    return [k for k in labels if k in found]
