"""Cell and paragraph text: whitespace, bullet glyphs, hyphenation, quotes, leads."""
from __future__ import annotations

import re

# Bullet glyphs as PDFs carry them (Symbol/Wingdings private-use code points included).
BULLETS = ("\uf0b7\uf0a7\uf0d8\uf076\uf0fc\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\u25a0\u25a1\u27a2\u00b7\u25ba\u2714"
           "\u25fc\u25fb\u25b8\u25c6\u25cb\u2713\u2756\u27a4")
DASHES = "\u2013\u2014"  # an en or em dash alone opens a list item, but is text anywhere else
_BULLET_WORD = re.compile(rf"^(?:[{BULLETS}{DASHES}\-\*o]|\(cid:\d+\))$")  # "(cid:127)": a glyph pdfminer cannot name
NUMBER_MARK = r"\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]"  # "1." "(ii)" "b)"
ITEM_MARK = re.compile(rf"^\s*(?:[{BULLETS}\-*]|[{DASHES}](?=\s)|\(cid:\d+\)|{NUMBER_MARK})\s*", re.IGNORECASE)
_CITATION = re.compile(r"\s*\((?:[^()]*?\b(?:report|letter)\b[^()]*?\bp(?:age|\.)?\s*\.?\s*\d+[^()]*)\)\.?\s*$",
                       re.IGNORECASE)


def is_bullet(word: str) -> bool:
    """True for a word that is only a list bullet glyph."""
    return bool(_BULLET_WORD.match(word)) or all(ch in BULLETS for ch in word)


def mark_style(text: str) -> str:
    """How a list item is marked: "bullet", "roman" (i.), "letter" (a)), "number" (1.), "decimal" (3.2) or "none"."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if is_bullet(first):
        return "bullet"
    if re.fullmatch(r"\d{1,2}\.\d{1,3}\.?", first):
        return "decimal"
    if re.fullmatch(r"\(?[ivx]{1,4}[.)]", first, re.IGNORECASE):
        return "roman"
    if re.fullmatch(r"\(?[a-h][.)]", first, re.IGNORECASE):
        return "letter"
    if re.fullmatch(r"\(?\d{1,2}[.)]", first):
        return "number"
    return "none"


def is_item_mark(word: str) -> bool:
    """True for a word that opens a list item: a bullet glyph or an item number."""
    return is_bullet(word) or bool(re.fullmatch(NUMBER_MARK, word, re.IGNORECASE))


def strip_bullets(text: str) -> str:
    return re.sub(rf"(^|\s)[{BULLETS}](?=\s|$)", " ", text)


def join_lines(lines: list[str]) -> str:
    """Join the lines of a cell: a word broken at a hyphen rejoined (hyphen kept), whitespace collapsed."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out + line  # "bi-" + "monthly": a compound broken at its hyphen
        else:
            out = f"{out} {line}" if out else line
    return clean(out)


def fold(text: str | None, keep: str = "a-z0-9", replace: str = " ") -> str:
    """Text for comparing: lower case, each character outside the class `keep` (and whitespace)
    replaced by `replace`, whitespace collapsed. The one normaliser of headers, status words,
    quotations and scores (each passes what it keeps)."""
    text = re.sub(rf"[^{keep}\s]", replace, (text or "").lower())
    return " ".join(text.split())


def clean(text: str | None) -> str:
    """Whitespace collapsed, bullet glyphs removed."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", strip_bullets(text)).strip()
    # an apostrophe set apart by the PDF's spacing: "children ’ s" -> "children’s", "parents ’ and" -> "parents’ and"
    return re.sub(r"(?<=\w) ’(?: (?=s\b))?", "’", text)


def strip_citation(text: str) -> tuple[str, str | None]:
    """('text', 'Inspection Report, p.10, 26 April 2022') for a paragraph ending with such a citation."""
    m = _CITATION.search(text)
    if not m:
        return text, None
    return text[: m.start()].rstrip(" .,;"), m.group(0).strip(" .()")


def strip_quotes(text: str) -> str:
    return text.strip().strip("\"'“”‘’").strip()


def split_lead(lead: str | None) -> tuple[str | None, str | None]:
    """('Head of Service CAMHS', 'Oxford Health') from a lead printed as 'role, organisation'."""
    if not lead or "," not in lead:
        return (lead, None)
    role, _, org = lead.rpartition(",")
    org = org.strip(" .")
    if not org or len(org.split()) > 8:
        return (lead, None)
    return role.strip(" ,"), org


def shorten(text: object, n: int) -> str:
    """At most n characters, cut at a word with an ellipsis when longer (None and NaN are '')."""
    raw = "" if text is None or text != text else str(text)  # text != text: NaN
    s = " ".join(raw.split())
    if len(s) <= n:
        return s
    head = s[:n - 1]
    if s[n - 1] != " " and " " in head:  # the cut falls inside a word: end at the word before
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.") + "…"
