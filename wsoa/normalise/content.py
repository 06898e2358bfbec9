"""Column roles from what a column holds, for headers that are missing, unknown or wrapped.

`role_from_content` looks at a column's cells (and their fills): refs, coloured marks or status
words, dates, short names of people or organisations. `header_role` reads a header cell by its
synonyms (data/columns.toml), also when the header is wrapped mid-word ("RA G", "Dead line").
Vocabulary is data: [content] in data/columns.toml, statuses.toml, dates.toml.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files

from wsoa.normalise.dates import find_dates, is_relative, read_cell
from wsoa.normalise.roles import role_of, synonyms
from wsoa.normalise.status import RGB, Legend, is_white, nearest_status

LONG_HINT = 5  # a start word this long is found in a header wrapped mid-word ("Kick- off", "Comm enced")
SHARE = 0.6  # the share of a column's non-empty cells that must agree for the column to take a role
REF = re.compile(r"^(?:[A-Z]{1,3}\.?)?\d{1,2}(?:[.\-]\d{1,2}){0,3}[a-z]?\.?$")


@lru_cache(maxsize=1)
def content_words() -> dict[str, list[str]]:
    """The [content] word lists of data/columns.toml."""
    return tomllib.loads(files("wsoa.data").joinpath("columns.toml").read_text("utf-8"))["content"]


STATUS_WORDS = 16  # words at most in a cell of statuses (one a milestone, each with its date)
SHORT_CELL = 6   # words at most in each cell of a column of short items (leads, resources)
MONEY = re.compile(r"[£$€]\s*\d|\d\s*(?:k|m|bn)\b", re.IGNORECASE)  # a sum: "£40k", "20k"
MIN_TIMESCALES = 3  # cells of a column of timescales (TBC, Monthly, Within 3 months) beside its one date
TIMESCALE_WORDS = 4  # words of a timescale
MAX_REFS = 3        # refs of actions whose rows ran together in one cell
BROKEN_PIECE = 3    # letters of a piece of a word wrapped mid-word by a narrow column
BROKEN_SHARE = 0.6  # share of a header's words that are such pieces, in a header wrapped so
MIN_INSIDE = 5      # letters of a phrase looked for inside a wrapped header's joined letters


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9#]", "", re.sub(r"\(.*?\)", "", text.lower()))


def is_refs(cell: str) -> bool:
    """A ref, or the refs of a few actions whose rows ran together in one cell ("W1.1 W1.2")."""
    words = cell.split()
    return 0 < len(words) <= MAX_REFS and all(REF.match(w) for w in words)


def header_role(header: str, narrow: bool = False) -> tuple[str | None, float]:
    """The role a header cell means (see roles.role_of), also when wrapped mid-word: "RA G" is "RAG"
    (`narrow`: set one piece of a word per line, see broken_header_role)."""
    compact = _compact(header)
    if compact:
        for role, phrases in synonyms().items():
            if any(compact == p.replace(" ", "") for p in phrases):
                return role, 100.0
    role, score = role_of(header)
    return (role, score) if role else broken_header_role(header, narrow) or (role, score)


def broken_header_role(header: str, narrow: bool = False) -> tuple[str, float] | None:
    """A header wrapped mid-word in a narrow column ("Cu rr en t st at us"; `narrow`: its column showed it,
    "Addit ional resou rce"): the longest phrase of the vocabulary inside its joined letters, as a phrase
    inside a longer header (a weak role)."""
    words = header.split()
    if len(words) < 2 or not narrow and sum(len(w) <= BROKEN_PIECE for w in words) < BROKEN_SHARE * len(words):
        return None
    compact = _compact(header)
    found = [(len(p), role) for role, phrases in synonyms().items() for p in (x.replace(" ", "") for x in phrases)
             if len(p) >= MIN_INSIDE and p in compact]
    if not found:
        return None
    size, role = max(found)
    return role, 80.0 + 14.0 * size / len(compact)  # under 95: weak, the cells may refute it


def _fills_say_status(fills: list[RGB | None]) -> str | None:
    """Why the fills make a status column (coloured on most rows, in at least two statuses), or None."""
    coloured = [f for f in fills if f is not None and not is_white(f)]
    if not fills or len(coloured) < max(2, len(fills) / 2):
        return None
    statuses = {nearest_status(f)[0] for f in coloured}
    if len(statuses) < 2:
        return None
    return f"{len(coloured)}/{len(fills)} cells filled in {len(statuses)} status colours"


def is_status(cell: str, legend: Legend) -> bool:
    """A short cell saying a status (a word or letter of the legend)."""
    text = re.sub(r"\s+", " ", cell).strip()
    return len(text.split()) <= 5 and legend.from_text(text)[0] is not None


def _statuses(cell: str, legend: Legend) -> bool:
    """A body cell of statuses: one, or one a line for its milestones ("G A A"), or one a milestone each with
    its date ("Red – Jan 2021 Blue – May 2021")."""
    words = cell.split()
    if len(words) > STATUS_WORDS:  # running text, not statuses
        return False
    return is_status(cell, legend) or (1 < len(words) <= 5 and all(legend.from_text(w)[0] for w in words)) \
        or bool(legend.dated_statuses(cell))


def is_dates(cell: str) -> bool:
    """A cell of dates, with little else."""
    hits = find_dates(cell)
    covered = sum(len(h.raw) for h in hits)
    return bool(hits) and len(re.sub(r"\s+", " ", cell).strip()) <= covered + 12 + 4 * len(hits)


def labelled_dates(cell: str, per_date: int = 3) -> bool:
    """Dates each with a short label in lower case or a revision word ("tender by Oct 2021; service live
    Feb 2022", "Original: Apr 2024 / Revised: Summer 2024"): at most `per_date` such words a date."""
    hits = find_dates(cell)
    if not hits:
        return False
    rest = cell
    for h in reversed(hits):
        rest = rest[:h.start] + " " + rest[h.end:]
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", rest)
    revision = set(content_words()["revision_words"])
    return len(words) <= per_date * len(hits) and all(w.islower() or w.lower() in revision for w in words)


def _timescale(cell: str) -> bool:
    """A short timescale that gives no date: "Within 3 months", "In six weeks"."""
    return len(cell.split()) <= TIMESCALE_WORDS and is_relative(cell) and not find_dates(cell)


def _is_name(cell: str) -> bool:
    """Short, no date, no sum of money, and most words capitalised or joining words: "Head of Early Help, Bucks
    Council", "ICB"."""
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", cell)
    if not words or len(words) > 14 or cell.rstrip().endswith(".") or find_dates(cell) or MONEY.search(cell):
        return False
    joining = set(content_words()["joining_words"])
    capital = sum(1 for w in words if w[0].isupper() or w.lower() in joining)
    return capital >= 0.75 * len(words) or _is_post(words)


def post_share(cells: list[str]) -> float:
    """The share of a column's filled cells that name a post or body ("Head of SEND", "Parent Carer Forum")."""
    posts = set(content_words()["post_words"])
    full = [c for c in cells if c.strip()]
    named = [c for c in full if posts & {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", c)}]
    return len(named) / len(full) if full else 0.0


def _is_post(words: list[str]) -> bool:
    """A post written in lower case after its first word: "SENCO network chair", "Early years lead"."""
    return len(words) <= 6 and words[0][0].isupper() and words[-1].lower() in set(content_words()["post_words"])


def _share(cells: list[str], test) -> tuple[int, int]:
    return sum(1 for c in cells if test(c)), len(cells)


def role_from_content(cells: list[str], fills: list[RGB | None],
                      header: str | None = None, legend: Legend | None = None) -> tuple[str | None, str]:
    """The role a column's content shows, and why: ref, status, start/deadline, lead, or None.

    `cells` are the column's body cells (header excluded), `fills` their fill (or the colour of a
    mark drawn in them), `header` its header text if any (a hint for start vs deadline), `legend` the
    document's status key (plain meanings when None).
    """
    body = [re.sub(r"\s+", " ", c).strip() for c in cells]
    full = [c for c in body if c]
    why_fill = _fills_say_status(fills)
    if not full and not why_fill:
        return None, "no text and no status colours"
    n, of = _share(full, is_refs)
    if full and n >= SHARE * of and n >= 2:
        return "ref", f"{n}/{of} cells look like refs"
    if why_fill:
        return "status", why_fill
    levels = set(content_words()["levels"])
    n, of = _share(full, lambda c: c.lower().strip(".") in levels)
    if n >= SHARE * of:
        return None, f"{n}/{of} cells are priority levels"
    legend = legend or Legend.default()
    n, of = _share(full, lambda c: _statuses(c, legend))
    if n >= SHARE * of and n >= 2:
        return "status", f"{n}/{of} cells are status words or letters"
    no_date = set(content_words()["no_date"])
    dated = [c for c in full if c.lower().strip(" .") not in no_date and not _timescale(c)]
    n, of = _share(dated, lambda c: is_dates(c) or labelled_dates(c))
    if (n >= 2 and n >= SHARE * of) or (n == of >= 1 and len(full) >= MIN_TIMESCALES):
        return _start_or_deadline(header), f"{n}/{of} cells are dates, the others timescales"
    n, of = _share(full, _is_name)
    money = any(MONEY.search(c) for c in full)
    funds, of = _share(full, lambda c: bool(MONEY.search(c)) or _has_phrase(c, content_words()["resource_words"]))
    short = all(len(c.split()) <= SHORT_CELL for c in full)
    if short and (funds >= 2 and 2 * funds >= of or money and n + funds >= SHARE * of
                  or funds and not post_share(full)):   # "ER", "AR", "Existing resource": no post named
        return "resource", f"{funds}/{of} short cells give sums, budgets or staff time: resources, not leads"
    if n >= 2 and n >= SHARE * of:
        return "lead", f"{n}/{of} cells are short names of people or organisations"
    return None, "no role fits its content"


def _has_phrase(cell: str, phrases: list[str]) -> bool:
    text = f" {re.sub(r'[^a-z0-9%]+', ' ', cell.lower())} "
    return any(f" {p} " in text or (p == "%" and "%" in text) for p in phrases)


def _kind_tests() -> tuple[tuple[str, Callable[[str], bool]], ...]:
    words = content_words()
    return (("milestones", lambda c: bool(find_dates(c))),
            ("measures", lambda c: _has_phrase(c, words["measure_words"])),
            ("progress", lambda c: _has_phrase(c, words["progress_words"])))


def kind_share(cells: list[str]) -> float:
    """The largest share of a column's cells that are dated, give targets or report progress: how far
    its text leans away from plain actions, short of a `text_kind`."""
    full = [c for c in cells if c.strip()]
    return max((sum(map(test, full)) / len(full) for _, test in _kind_tests()), default=0.0) if full else 0.0


def text_kind(cells: list[str]) -> str | None:
    """What a column of running text holds beside one sentence per row, or None (plain sentences):
    "milestones" (most cells dated: items with their dates), "measures" (most cells give targets or
    percentages), "progress" (most cells report what has been done)."""
    full = [c for c in cells if c.strip()]
    if not full:
        return None
    for kind, test in _kind_tests():
        n, of = _share(full, test)
        if n >= SHARE * of:
            return kind
    return None


def lists_dated_items(cells: list[str]) -> bool:
    """Cells listing several dated items (milestones with their dates), not one dated entry each
    (a committee's work programme): a third of the dated cells hold two dates or more."""
    counts = [len(find_dates(c)) for c in cells if c.strip()]
    dated = [n for n in counts if n]
    return bool(dated) and sum(1 for n in dated if n >= 2) >= len(dated) / 3


def is_revision(header: str) -> bool:
    """A sub-header naming one revision of a date ("Original", "Revised")."""
    return any(re.search(rf"\b{re.escape(w)}\b", header.lower()) for w in content_words()["revision_words"])


def _start_or_deadline(header: str | None) -> str:
    if header:
        role = header_role(header)[0]
        if role in ("start", "deadline"):
            return role
        if _says_start(header):
            return "start"
    return "deadline"


def _says_start(header: str | None) -> bool:
    """A header naming a start: its role, or a start word in it ("Opening month", "Kick-off")."""
    if not header:
        return False
    hints, compact = content_words()["start_hints"], _compact(header)
    return header_role(header)[0] == "start" or any(re.search(rf"\b{re.escape(w)}", header.lower()) for w in hints) \
        or any(len(w) >= LONG_HINT and _compact(w) in compact for w in hints)  # wrapped mid-word: "Kick- off"


def order_date_columns(columns: dict[int, list[str]], headers: dict[int, str | None] | None = None) -> dict[int, str]:
    """Two or more date columns (index -> cells): the one whose header alone says start is the start; else
    the one whose dates come first row by row."""
    says = [i for i in columns if _says_start((headers or {}).get(i))]
    firsts = {i: [next(iter(read_cell(c, "start").dates), None) for c in cells] for i, cells in columns.items()}

    def earlier(i: int) -> int:
        return sum(1 for j in firsts if j != i for a, b in zip(firsts[i], firsts[j]) if a and b and a < b)

    start = says[0] if len(says) == 1 else max(sorted(firsts), key=earlier)
    return {i: "start" if i == start else "deadline" for i in sorted(columns)}
