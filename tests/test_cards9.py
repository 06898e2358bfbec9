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


def _cut_cards(foot, head) -> list:
    """Cards read from pages each ending on action n's opening lines (`foot(n, action)`: [(text, top)]) and the
    next page opening with the rest of it (`head(n, action)`: one line)."""
    from tests.test_table_stages import page_of, words
    from wsoa.extract.cards import read_cards

    ws: list[list] = [[] for _ in range(len(ACTIONS) + 1)]
    for n, a in enumerate(ACTIONS):
        ws[n] += [w for text, top in foot(n + 1, a) for w in words(text, 40, top)]
        ws[n + 1] = words(head(n + 1, a), 40, 40) + ws[n + 1]
    return read_cards([page_of(n, w) for n, w in enumerate(ws, start=1)], 8.0, {})


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


def test_a_dash_opening_the_line_after_a_line_that_wrapped_is_the_sentence_running_on(tmp_path):
    """Prose whose line wrapped just before a dash ("... agreed with with with" / "– Jul 2022; ..."): the dash
    is the sentence's, no list item opening a new action."""
    first = ("1.1 Publish a joint protocol for requests for assessment. Milestones: Draft protocol agreed with with "
             "with – Jul 2022; Pilot live (Nov 2022). Lead: Head of SEND. Deadline: March 2024. Status: Red.")
    rest = [f"1.{n} {text}. Lead: {lead}. Deadline: {by}. Status: {rag.title()}."
            for n, (text, lead, by, rag) in enumerate(ACTIONS[1:], start=2)]
    doc = extract(build_lines(tmp_path / "p.pdf", OPENING + [first, ""] + [x for r in rest for x in (r, "")]))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "1.3"]
    assert [a.lead for a in doc.actions] == ["Head of SEND"] + [a[1] for a in ACTIONS[1:]]
    assert [a.rag for a in doc.actions] == ["red", "amber", "green"]
    assert len(doc.actions[0].milestones) == 2


def test_a_list_item_cut_by_a_page_break_inside_brackets_runs_on_over_it():
    """A milestone cut by the page's end inside its brackets ("(February" / "2024)"): the next page's first line
    is the item's, and the items after it stay in the list."""
    cards = _cut_cards(lambda n, a: [(f"1.{n} {a[0]}", 500), ("Milestones: • Draft agreed (October 2023)", 515),
                                     ("• Pilot live (February", 530)],
                       lambda n, a: f"2024) • Review reported (Jun 2024) Lead: {a[1]}. Deadline: {a[2]}")
    assert [(c.ref, c.value("lead"), c.value("deadline")) for c in cards] == [
        (f"1.{n}", a[1], a[2]) for n, a in enumerate(ACTIONS, start=1)]


def test_an_item_mark_after_a_line_that_wrapped_on_a_labels_colon_is_its_value_in_prose_paragraphs():
    """Prose whose line wrapped right after "Status:": the next line's "A. Update: ..." is the status letter and
    the text running on, no list item (a plan's list of weaknesses takes list items)."""
    from tests.test_table_stages import page_of, words
    from wsoa.extract.prose import paragraphs

    ws = words("1.1 Publish a joint protocol for requests for assessment. Lead: Head of SEND. Status:", 40, 100) \
        + words("A. Update: Draft agreed; next review with the board. Deadline: March 2024.", 40, 110) \
        + words("1.2 Recruit two additional educational psychologists. Lead: Head of SEND. Status:", 40, 130) \
        + words("In progress. Update: Draft agreed.", 40, 140)
    paras = paragraphs([page_of(1, ws)], 8.0, {})
    assert [p.text[:3] for p in paras] == ["1.1", "1.2"]

WEAK = ["Waiting times for assessment are too long", "Plans do not reflect the needs of children"]


def test_a_list_whose_entries_are_the_actions_own_lines_is_no_list_of_weaknesses(tmp_path):
    """Numbered actions with their fields as bulleted lines (labels no vocabulary holds), each naming its
    weakness in a field: the items are the actions' own lines, not the plan's list of weaknesses; the fields
    name the weaknesses."""
    out = list(OPENING)
    for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1):
        w = 1 if n < 3 else 2
        out += [f"{n}. {text}", f"• Finding: Area of weakness {w}: {WEAK[w - 1]}", f"• Owner in post: {lead}",
                f"• Kick-off: {by}", f"• Status: {rag[0].upper()}", f"• Latest news: Draft agreed; next review"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [w.text for w in doc.weaknesses] == WEAK
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_weakness_fields_read_as_statements_give_each_weakness_once(tmp_path):
    """A bold label naming the weakness on every card ("**Area of weakness** Priority 1: ..."): the statements
    read from those fields are the cards' own text; the weaknesses are the ones the fields number, once each."""
    out = list(OPENING)
    for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1):
        w = 1 if n < 3 else 2
        out += [f"{n}. 1.{n} {text}", f"<b>Area of weakness</b> Priority {w}: {WEAK[w - 1]}",
                f"<b>Delivered by</b> {lead}", f"<b>Done by month</b> {by}", f"<b>Delivery health</b> {rag.title()}"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [w.text for w in doc.weaknesses] == WEAK
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_a_small_line_set_apart_at_the_foot_of_a_page_is_no_part_of_the_last_value():
    """A one-page plan's running footer (smaller than the text, far below it): it cannot be told by repeating on
    every page, and it is no part of the last card's value."""
    from tests.test_table_stages import page_of, words

    ws = []
    for n, (text, lead, by, rag) in enumerate(ACTIONS):
        ws += words(f"1.{n + 1} {text}. Deadline: {by}. Status: {rag.title()}. Lead: {lead}.", 40, 100 + 12 * n)
    ws += words("Written Statement of Action", 40, 560, size=6.0)
    from wsoa.extract.cards import read_cards
    cards = read_cards([page_of(1, ws)], 8.0, {})
    assert [c.value("lead") for c in cards] == [a[1] for a in ACTIONS]


def test_weaknesses_cut_out_of_a_cards_text_are_no_weaknesses_of_the_plan():
    """A table found over a card's lines gives a "weakness" made of its label column's words (the card's words
    in order, others left out between them): it is no weakness; a listed weakness the cards do not hold stays."""
    from tests.test_table_stages import page_of, words
    from wsoa.extract.cards import Card, _not_card_lines
    from wsoa.model import Weakness

    texts = ["1.1 Publish a joint protocol", "Lead officer Chair, Parent Carer Forum", "Resources AR",
             "Status At risk of delay (at October 2024)", "Success criteria 90% of plans on time"]
    page = page_of(1, [w for k, t in enumerate(texts) for w in words(t, 40, 100 + 12 * k)])
    card = Card(lines=page.lines)
    given = [Weakness(id="W1", text="Waiting times for assessment are too long", kind="significant_weakness"),
             Weakness(id="W2", text="Lead officer Chair, Resources AR Status At risk of Success criteria",
                      kind="significant_weakness"),
             Weakness(id="W3", text="Plans do not reflect the needs of children", kind="significant_weakness")]
    assert [(w.id, w.text) for w in _not_card_lines(given, [card])] == [("W1", WEAK[0]), ("W2", WEAK[1])]


def test_an_unknown_label_with_most_values_empty_and_filled_is_the_status_whatever_its_one_word_says(tmp_path):
    """Key/value boxes whose status label no vocabulary holds shows most statuses only as the box's fill and
    one in words: the label is the status, though its one word alone reads as a progress report."""
    from tests.cardbuild import build_kv

    fills = {"green": "00B050", "amber": "FFC000", "red": "FF0000"}
    cards = [[("Action", f"1.{n} {text}", None), ("Officer in charge", lead, None), ("Finish line", by, None),
              ("Traffic light", "", fills[rag]), ("Narrative", "Draft agreed; next review in May", None)]
             for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1)]
    cards += [[("Action", "2.1 Agree a shared data set", None), ("Officer in charge", "Head of SEND", None),
               ("Finish line", "May 2024", None), ("Traffic light", "Not started", "FFFFFF"),
               ("Narrative", "Work under way; next review in June", None)]]
    doc = extract(build_kv(tmp_path / "q.pdf", cards, intro=OPENING[:1] + OPENING[2:3]))
    assert [a.rag for a in doc.actions] == [a[3] for a in ACTIONS] + ["white"]


def test_a_prose_action_cut_by_a_page_break_after_a_semicolon_runs_on_over_it():
    """A page ending on a clause ended by a semicolon ("... improved communication;") and the next page's first
    line going on in capitals ("Decrease 50 per cent ...; Lead: ..."): one sentence, one action."""
    cards = _cut_cards(lambda n, a: [(f"1.{n} {a[0]}. Deadline: {a[2]}. Measures: parents report better "
                                      "communication;", 560)],
                       lambda n, a: f"Decrease 50 per cent in repeat referrals. Lead: {a[1]}.")
    assert [(c.ref, c.value("lead")) for c in cards] == [(f"1.{n}", a[1]) for n, a in enumerate(ACTIONS, start=1)]


def test_a_date_cut_by_a_page_break_between_its_month_and_year_runs_on_over_it():
    """A page ending on a month ("Deadline: September") and the next opening with its year: one date, one action."""
    cards = _cut_cards(lambda n, a: [(f"1.{n} {a[0]}. Lead: {a[1]}. Deadline: {a[2].split()[0]}", 560)],
                       lambda n, a: f"{a[2].split()[1]} revised to Dec {a[2].split()[1]}. Status: {a[3].title()}.")
    assert [(c.ref, c.value("deadline")) for c in cards] == [
        (f"1.{n}", f"{a[2]} revised to Dec {a[2].split()[1]}") for n, a in enumerate(ACTIONS, start=1)]


def test_a_first_action_with_a_ref_and_no_lead_or_date_is_kept_beside_its_siblings(tmp_path):
    """The plan's first action gives only milestones and an update, no lead or date: its ref, shaped as the
    other actions' refs, says it is an action, not the document's own fields before the first action."""
    out = list(OPENING) + ["<b>A.1.1 Develop a shared dashboard on waiting times</b>", "Milestones:",
                           "• Draft agreed – January 2024", "Current position: Draft agreed; next review", ""]
    for n, (text, lead, by, rag) in enumerate(ACTIONS, start=2):
        out += [f"<b>A.1.{n} {text}</b>", "Milestones:", "• Pilot live – February 2024", f"Lead: {lead}",
                f"Deadline: {by}", "Current position: Draft agreed; next review in May", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.ref for a in doc.actions] == ["A.1.1", "A.1.2", "A.1.3", "A.1.4"]


def test_a_bold_label_set_out_twice_as_the_vocabularys_labels_are_is_a_label_and_its_dates_the_start(tmp_path):
    """A label no vocabulary holds, set out in bold as the plan's known labels are, on two cards only (the
    third has no start): it is a label, not a list item opening an action; its dates beside a known deadline
    label are the start."""
    out = list(OPENING)
    for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1):
        out += [f"{n}. {text}", f"• <b>Lead</b> {lead}"] + ([f"• <b>Kick-off</b> 01/0{n}/2023"] if n < 3 else []) \
            + [f"• <b>Deadline</b> {by}", f"• <b>Status</b> {rag.title()}"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.action for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [a.deadline_raw for a in doc.actions] == [a[2] for a in ACTIONS]
    assert [[str(d) for d in a.start_dates] for a in doc.actions] == [["2023-01-01"], ["2023-02-01"], []]


def test_a_line_filled_to_the_margin_at_a_pages_foot_runs_on_over_the_page_break():
    """A page's last line filled to the right margin and left open ("... Lead: Service") and the next page's
    first line going on in capitals ("Manager, Short Breaks. ..."): the sentence runs on, one action."""
    cards = _cut_cards(lambda n, a: [(f"1.{n} Agree a protocol. Status: {a[3].title()}. Deadline: {a[2]}.", 540),
                                     ("Measures: fewer complaints from the families in the local area this year. "
                                      f"Lead: {a[1].split()[0]}", 560)],
                       lambda n, a: f"{a[1].split(' ', 1)[1].title()}. Progress: draft agreed.")
    assert [(c.ref, c.value("lead")) for c in cards] == [
        (f"1.{n}", f"{a[1].split(' ', 1)[0]} {a[1].split(' ', 1)[1].title()}") for n, a in enumerate(ACTIONS, start=1)]


def test_a_number_no_item_mark_makes_opening_the_next_page_runs_on():
    """A page ending mid-item ("... Pilot home to school transport") and the next opening "2 – June 2022.": the
    item's number and date, no new item."""
    cards = _cut_cards(lambda n, a: [(f"1.{n} {a[0]}. Milestones: Draft 1 – May 2022; Pilot transport", 560)],
                       lambda n, a: f"2 – June 2022. Lead: {a[1]}. Deadline: {a[2]}.")
    assert [(c.ref, c.value("lead")) for c in cards] == [(f"1.{n}", a[1]) for n, a in enumerate(ACTIONS, start=1)]

def test_a_revision_word_opening_a_value_beside_its_label_makes_no_label_of_its_own(tmp_path):
    """Key/value rows read as one line ("Target date Original: Apr 2023 / Revised: Jul 2023"): the phrase before
    the colon ends in a revision word, so it is the label and the value's first word, no label of the document."""
    from tests.cardbuild import build_kv

    cards = [[("Action", f"1.{n} {text}", None), ("Lead", lead, None),
              ("Target date", f"Original: {by} / Revised: Dec {by.split()[1]}", None), ("Status", rag.title(), None)]
             for n, (text, lead, by, rag) in enumerate(ACTIONS, start=1)]
    doc = extract(build_kv(tmp_path / "p.pdf", cards, intro=OPENING[:1] + OPENING[2:3], ruled=False))
    assert [a.start_dates for a in doc.actions] == [[], [], []]
    assert [len(a.deadlines) for a in doc.actions] == [2, 2, 2]


def test_a_numbered_action_opening_the_next_page_is_a_new_action_after_a_line_filled_to_the_margin():
    """A page's last line filled to the right margin ending on a word, and the next page opening "2. Recruit
    ...": a new numbered action, not the sentence running on over the page break."""
    cards = _cut_cards(lambda n, a: [(f"{n}. {a[0]}", 500), (f"Lead: {a[1]}. Deadline: {a[2]}.", 520),
                                     (f"Status: {a[3].title()}.", 540),
                                     ("Measures: fewer complaints from the families in the local area this year "
                                      "and more plans issued on time within twenty weeks", 560)],
                       lambda n, a: "")
    assert [c.value("lead") for c in cards] == [a[1] for a in ACTIONS]
