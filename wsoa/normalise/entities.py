"""Organisations in lead cells and themes in weaknesses and actions, with spaCy rules.

`spacy.blank("en")` plus an EntityRuler (organisation types) and a PhraseMatcher (themes),
both built from data files (`data/organisations.toml`, `data/themes.toml`): no model download.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher

from wsoa.data import load

_NAME_WORD = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’&-]*|&|and|of|the)$"}, "OP": "+"}


def _data(name: str) -> dict:
    return load(name)


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


def _list_start(name: str, lead: str) -> str:
    """A name that begins "B and C" preceded by "A, " in the cell is the list "A, B and C"
    ("Women's, Children's and Sexual Health")."""
    if not re.match(r"^[A-Z][\w'’-]*\s+and\s", name):
        return name
    hit = re.search(r"([A-Z][\w'’-]*),\s+" + re.escape(name), lead)
    return f"{hit.group(1)}, {name}" if hit else name


def lead_organisations(lead: str | None, lead_org: str | None = None,
                       lead_org_type: str | None = None) -> list[tuple[str, str]]:
    """Every organisation a lead cell names, as (name, type) in order: each proper name the
    organisation patterns find ("Oxford Health", "Buckinghamshire Health Trust" of a joint lead)
    and the organisation read with the lead (`lead_org`), with a list name made whole."""
    out: list[tuple[str, str]] = []
    text = lead if isinstance(lead, str) else ""
    lead_org = lead_org if isinstance(lead_org, str) else None
    lead_org_type = lead_org_type if isinstance(lead_org_type, str) else None
    named = [(_list_start(t, text), k) for t, k, is_name in organisations(text) if is_name]
    if lead_org:
        name = _list_start(" ".join(lead_org.split()).strip(" .,;:"), text)
        if not any(_org_key(name) == _org_key(t) for t, _ in named):  # same spelling up to case
            named.append((name, lead_org_type or organisation_type(name)))
    for name, kind in named:
        if all(_org_key(name) != _org_key(n) for n, _ in out):
            out.append((name, kind))
    return out


def organisation_type(name: str) -> str:
    """The type the organisation patterns give a name ("other" when none)."""
    found = organisations(name)
    return found[-1][1] if found else "other"


@lru_cache(maxsize=1)
def _suffixes() -> list[str]:
    """Every proper-name suffix of data/organisations.toml, longest first, lower case."""
    return sorted({x.lower() for spec in _data("organisations.toml").values() for x in spec["suffixes"]},
                  key=len, reverse=True)


def _org_key(name: str) -> tuple[str, str]:
    """A name's matching key and its organisation suffix: lower case, punctuation dropped
    ("Oxford Health NHS Foundation Trust" -> ("oxford health", "nhs foundation trust"))."""
    low = " ".join(re.sub(r"[^\w\s&]", " ", name.lower().replace("’", "'").replace("'", "")).split())
    for suffix in _suffixes():
        tail = " ".join(re.sub(r"[^\w\s&]", " ", suffix).split())
        if low.endswith(" " + tail):
            return low[: -len(tail) - 1], tail
    return low, ""


def canonical_organisations(mentions: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """For (name, type) mentions across documents: each name's canonical (name, type). Names that
    differ only in case or punctuation are one organisation, and a name without an organisation
    suffix joins the one organisation that spells it with a suffix ("Oxford Health" -> "Oxford
    Health NHS Foundation Trust"; not when "X Council" and "X Health Trust" both exist). Its name
    is the fullest spelling (then the most frequent); its type the one its suffix gives, else the
    most frequent type other than "other"."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, kind in mentions:
        groups.setdefault(_org_key(name), []).append((name, kind))
    for (stem, tail) in [k for k in groups if not k[1]]:
        suffixed = [k for k in groups if k[0] == stem and k[1]]
        if len(suffixed) == 1:
            groups[suffixed[0]] += groups.pop((stem, tail))
    out: dict[str, tuple[str, str]] = {}
    for items in groups.values():
        names = [n for n, _ in items]
        best = max(names, key=lambda n: (len(_org_key(n)[1]), sum(m == n for m in names), n[:1].isupper(), n))
        typed = [k for n, k in items if _org_key(n)[1]] or [k for _, k in items if k != "other"] or ["other"]
        kind = max(set(typed), key=typed.count)
        for n in names:
            out[n] = (best, kind)
    return out


def leads_of_actions(leads: list[tuple[str | None, str | None, str | None]]) -> list[list[tuple[str, str]]]:
    """For each action's (lead, lead_org, lead_org_type): every organisation it names, as canonical
    (name, type) over all the actions given. A name found as an organisation in one cell is found
    in any other cell where it starts a segment (after a comma, a slash, "and" or at the start):
    both organisations of a joint lead count."""
    mentions = [lead_organisations(*x) for x in leads]
    canon = canonical_organisations([m for ms in mentions for m in ms])
    out = []
    for (lead, _, _), ms in zip(leads, mentions):
        names = [n for n, _ in ms]
        for known in canon:
            if known not in names and re.search(r"(?:^|[,/;&]\s*|\band\s+)" + re.escape(known) + r"\b",
                                                lead if isinstance(lead, str) else "",
                                                re.IGNORECASE):
                names.append(known)
        seen: list[tuple[str, str]] = []
        for n in names:
            if canon[n] not in seen:
                seen.append(canon[n])
        out.append(seen)
    return out


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
