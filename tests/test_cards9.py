"""Card plans from the failures of card seed 4 (session 8): each a class of layout, built here."""
from __future__ import annotations

from tests.cardbuild import build_lines
from wsoa.extract.document import extract

OPENING = ["<b>Local Area Written Statement of Action</b>", "",
           "This statement sets out what partners will do in response to the inspection.", ""]
ACTIONS = [("Publish a joint protocol for requests for assessment", "Head of SEND, Council", "March 2024", "red"),
           ("Recruit two additional educational psychologists", "Principal Educational Psychologist", "June 2024",
            "amber"),
           ("Launch a single point of access for neurodevelopmental referrals", "Designated Clinical Officer, ICB",
            "September 2024", "green")]
ITEMS = ["• Draft agreed (October 2023)", "• Pilot live (Jan 2024)", "• Review reported (May 2024)"]


def _numbered(milestones: str, lead: str = "Owner in post") -> list[str]:
    out = list(OPENING)
    for n, (text, who, by, rag) in enumerate(ACTIONS, start=1):
        out += [f"{n}. {text}", f"• <b>{milestones}</b>", *ITEMS[n - 1:] + ITEMS[:n - 1],
                f"• <b>{lead}</b> {who}", f"• <b>Finish line</b> {by}", f"• <b>Traffic light</b> {rag.title()}"]
    return out


def _check(doc) -> None:
    assert [a.action for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [a.lead for a in doc.actions] == [a[1] for a in ACTIONS]
    assert [a.deadline_raw for a in doc.actions] == [a[2] for a in ACTIONS]
    assert [len(a.milestones) for a in doc.actions] == [3, 3, 3]


def test_a_label_alone_on_a_bulleted_line_whose_bullet_is_set_larger_is_a_label(tmp_path):
    """The bullet glyph in a larger size than the text (a list's default bullet font) does not make the line
    a heading: the label standing alone on it still names the items below it."""
    _check(extract(build_lines(tmp_path / "p.pdf", _numbered("Milestones", "Lead"), size=9)))  # bullets: 10 pt


def test_an_unknown_label_alone_above_bulleted_dated_items_takes_its_role_from_all_of_them(tmp_path):
    """The value of a label standing alone is the whole run of bulleted items below it: dated items are
    milestones, though the first item alone would read as a date."""
    _check(extract(build_lines(tmp_path / "p.pdf", _numbered("Checkpoints"))))


def _html_list(path, title_list: str) -> str:
    """Actions as items of a numbered list (one list per action, numbered on: `start`), each with its fields
    as a bulleted list below, milestones last; `title_list` wraps an action's title."""
    parts = ["<html><body><h1>Local Area Written Statement of Action</h1>", "<h2>Priority 1</h2>"]
    for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1):
        parts.append(title_list.format(n=n, text=text))
        parts.append(f"<ul><li>Lead: {lead}</li><li>Deadline: {by}</li><li>Status: {rag.title()}</li>"
                     f"<li>Milestones:</li><li>Draft agreed (October 2023)</li><li>Pilot live (Jan 2024)</li></ul>")
    path.write_text("".join(parts) + "</body></html>", "utf-8")
    return path


def test_a_web_pages_numbered_list_items_keep_their_numbers(tmp_path):
    """An item of an ordered list (<ol start="3">) is printed with its number: the action's title it opens is
    no bulleted item of the milestones above it."""
    doc = extract(_html_list(tmp_path / "p.html", '<ol start="{n}"><li>{text}</li></ol>'))
    assert [a.action for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [a.lead for a in doc.actions] == [a[1] for a in ACTIONS]
    assert [len(a.milestones) for a in doc.actions] == [2, 2, 2]


def test_a_word_files_numbered_list_items_keep_their_numbers(tmp_path):
    """Word's automatic numbering (a numbered list style) is printed: each action's title opens with its
    number, no bullet, so it is no item of the milestones above it."""
    import docx

    d = docx.Document()
    d.add_heading("Local Area Written Statement of Action", 0)
    d.add_heading("Priority 1", 1)
    for text, lead, by, rag in ACTIONS:
        d.add_paragraph(text, style="List Number")
        for line in (f"Lead: {lead}", f"Deadline: {by}", f"Status: {rag.title()}", "Milestones:",
                     "Draft agreed (October 2023)", "Pilot live (Jan 2024)"):
            d.add_paragraph(line, style="List Bullet 2")
    d.save(str(tmp_path / "p.docx"))
    doc = extract(tmp_path / "p.docx")
    assert [a.action for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [len(a.milestones) for a in doc.actions] == [2, 2, 2]


def test_word_list_numbers_count_on_per_list_and_level(tmp_path):
    import docx

    from wsoa.extract.wordfile import read_docx

    d = docx.Document()
    for text, style in (("one", "List Number"), ("two", "List Number"), ("dot", "List Bullet"),
                        ("three", "List Number")):
        d.add_paragraph(text, style=style)
    d.save(str(tmp_path / "n.docx"))
    assert [b.mark for b in read_docx(tmp_path / "n.docx")] == ["1.", "2.", "\u2022", "3."]


def test_a_bulleted_item_opening_with_the_next_lettered_ref_opens_the_next_action(tmp_path):
    """Refs lettered within a number ("1a", "1b"): the item opening with "1b" after action 1a's milestones
    is the next action's title, though its list mark is a bullet."""
    refs = ["1a", "1b", "1c"]
    text = _html_list(tmp_path / "p.html", "<ul><li>{n} {text}</li></ul>").read_text("utf-8")
    for n, ref in enumerate(refs, start=1):
        text = text.replace(f"<li>{n} ", f"<li>{ref} ", 1)
    (tmp_path / "p.html").write_text(text, "utf-8")
    doc = extract(tmp_path / "p.html")
    assert [a.ref for a in doc.actions] == refs
    assert [a.action for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [len(a.milestones) for a in doc.actions] == [2, 2, 2]
