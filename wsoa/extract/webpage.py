"""Web pages (.html) as blocks for `flow.layout`, read with BeautifulSoup: headings, paragraphs,
list items, and tables with colspan/rowspan and cell background colours."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from wsoa.extract.flow import BODY, Block, Grid, GridCell, Para
from wsoa.normalise.status import RGB, is_mark

HEADING_SIZE = {"h1": 20.0, "h2": 16.0, "h3": 14.0, "h4": 12.5, "h5": 11.5, "h6": 11.0}
COLOUR = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-f]{3,6}|rgb\([^)]*\)|[a-z]+)", re.IGNORECASE)
NAMED = {"red": "#ff0000", "green": "#00b050", "amber": "#ffc000", "orange": "#ffa500", "yellow": "#ffff00",
         "blue": "#0070c0", "grey": "#bfbfbf", "gray": "#bfbfbf", "white": "#ffffff"}


COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-f]{3,6}|rgb\([^)]*\)|[a-z]+)", re.IGNORECASE)
CLASS_RULE = re.compile(r"(?P<selectors>[^{}]+)\{(?P<body>[^{}]*)\}")
Classes = dict[str, str]  # class name -> its background colour, from simple rules of the page's <style>


def _colour(value: str) -> RGB | None:
    """A CSS colour (#rgb, #rrggbb, rgb(...), or a plain name) as sRGB 0-1; None for white or unknown."""
    value = NAMED.get(value.strip().lower(), value.strip())
    rgb: tuple[float, ...] | None = None
    if value.startswith("rgb"):
        parts = [float(x) for x in re.findall(r"[\d.]+", value)[:3]]
        rgb = tuple(v / 255 for v in parts) if len(parts) == 3 else None
    elif re.fullmatch(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}", value):
        h = value[1:] if len(value) == 7 else "".join(c * 2 for c in value[1:])
        rgb = tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return None if rgb is None or rgb == (1.0, 1.0, 1.0) else rgb  # type: ignore[return-value]


def class_colours(soup: BeautifulSoup) -> Classes:
    """Background colours of simple class rules in <style> blocks (".good", "td.good", "td.a, .b")."""
    out: Classes = {}
    for style in soup.find_all("style"):
        for rule in CLASS_RULE.finditer(style.get_text()):
            m = COLOUR.search(rule.group("body"))
            if not m:
                continue
            for selector in rule.group("selectors").split(","):
                name = re.fullmatch(r"\s*(?:[a-z]+\d?)?\.(?P<cls>[\w-]+)\s*", selector, re.IGNORECASE)
                if name:
                    out[name.group("cls")] = m.group(1)
    return out


def _background(tag: Tag, classes: Classes) -> RGB | None:
    m = COLOUR.search(tag.get("style", "") or "")
    value = m.group(1) if m else tag.get("bgcolor") or next(
        (classes[c] for c in tag.get("class") or [] if c in classes), "")
    return _colour(value) if isinstance(value, str) and value else None


def _rgb(tag: Tag, classes: Classes) -> RGB | None:
    """A cell's fill, else the colour of an element inside it (a dot, a coloured block), else of a
    mark glyph written in a colour."""
    own = _background(tag, classes)
    if own is not None:
        return own
    for inner in tag.find_all(True):
        inner_fill = _background(inner, classes)  # a dot, or a coloured block filling the cell
        if inner_fill is not None:
            return inner_fill
        text = inner.get_text(strip=True)
        colour = COLOR.search(inner.get("style", "") or "") or None
        rgb = _colour(colour.group(1)) if colour else None
        if text and is_mark(text, rgb):
            return rgb
    return None


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _cell_paras(td: Tag) -> list[Para]:
    parts = td.find_all(["p", "li"]) or [td]
    out = []
    for part in parts:
        for chunk in re.split(r"\n+", part.get_text("\n") if part.find("br") else _text(part)):
            text = " ".join(chunk.split())
            if text:
                out.append(Para(text, BODY, td.name == "th" or bool(part.find(["b", "strong"])), part.name == "li"))
    return out


MAX_COLSPAN = 1000  # the HTML standard's limit


def _span(value: object, limit: int) -> int:
    """A colspan/rowspan as browsers read it: the number's whole part ('2.0' is 2), 1 if none, at most `limit`."""
    match = re.match(r"\s*(\d+)", str(value or ""))
    return max(1, min(int(match.group(1)) if match else 1, limit))


def _grid(table: Tag, classes: Classes) -> Grid:
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    taken: dict[tuple[int, int], bool] = {}
    grid = Grid(widths=[])
    for r, tr in enumerate(rows):
        row, col = [], 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while taken.get((r, col)):
                col += 1
            span = _span(td.get("colspan"), MAX_COLSPAN)
            rowspan = _span(td.get("rowspan"), len(rows) - r)  # a cell ends with its table at the latest
            for dr in range(rowspan):
                for dc in range(span):
                    taken[(r + dr, col + dc)] = True
            row.append(GridCell(col, span, rowspan, _cell_paras(td), _rgb(td, classes)))
            col += span
        grid.rows.append(row)
    n = max((c.col + c.span for row in grid.rows for c in row), default=1)
    grid.widths = [760.0 / n] * n
    return grid


def read_html(path: str | Path) -> list[Block]:
    """Headings, paragraphs, list items and tables of the page body, in order."""
    soup = BeautifulSoup(Path(path).read_bytes(), "html.parser")
    classes = class_colours(soup)
    for junk in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        junk.decompose()
    blocks: list[Block] = []
    for tag in (soup.body or soup).find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "table"]):
        if tag.find_parent("table") is not None:
            continue
        if tag.name == "table":
            blocks.append(_grid(tag, classes))
        elif tag.name == "p" and tag.find_parent("li") is not None:
            continue
        else:
            text = _text(tag)
            if text:
                opening = _bold_opening(tag)
                bold = tag.name in HEADING_SIZE or opening == len(text.split())
                blocks.append(Para(text, HEADING_SIZE.get(tag.name, BODY), bold, tag.name == "li",
                                   0 if bold else opening, _mark(tag)))
    return blocks


def _mark(tag: Tag) -> str:
    """A list item's mark as a browser prints it: its number in an ordered list (the list's `start`, the
    item's own `value`, counting on from the items before it; letters for type "a" or "A"), else a bullet."""
    ol = tag.parent if tag.name == "li" else None
    if ol is None or ol.name != "ol":
        return "\u2022"
    number = _number(ol.get("start"), 1) - 1
    for li in ol.find_all("li", recursive=False):
        number = _number(li.get("value"), number + 1)
        if li is tag:
            break
    kind = str(ol.get("type") or "1")
    if kind in ("a", "A") and 0 < number <= 26:
        letter = chr(ord("a") + number - 1)
        return (letter if kind == "a" else letter.upper()) + "."
    return f"{number}." if kind == "1" else "\u2022"


def _number(value: object, default: int) -> int:
    match = re.fullmatch(r"\s*(-?\d+)\s*", str(value)) if value is not None else None
    return int(match.group(1)) if match else default


def _bold_opening(tag: Tag) -> int:
    """How many words the element opens with inside <b>/<strong> (a label such as "<b>Lead</b> ...")."""
    count = 0
    for node in tag.descendants:
        if isinstance(node, str) and node.strip():
            if not node.find_parent(["b", "strong"]) or node.find_parent(["b", "strong"]) is tag:
                break
            count += len(node.split())
    return count
