"""Card plans whose labels no vocabulary holds, or that are set out in other ways (issue 13's card family):
labels found by how they are set out and how often they recur, their roles from their values; a label on
its own line above its value; bulleted items under a label; numbered items with fields as sub-lines; a
field naming the weakness; the document's title never an action's."""
from __future__ import annotations

from tests.cardbuild import build_kv, build_lines
from wsoa.extract.document import extract

ACTIONS = [("1.1", "Publish a joint protocol for requests for assessment", "Head of SEND, Council", "March 2024",
            "Green", "green"),
           ("1.2", "Recruit two additional educational psychologists", "Principal Educational Psychologist",
            "June 2024", "Amber", "amber"),
           ("2.1", "Launch a single point of access for neurodevelopmental referrals",
            "Designated Clinical Officer, ICB", "September 2024", "Red", "red")]
OPENING = ["<b>Local Area Written Statement of Action</b>", "",
           "This statement sets out what partners will do in response to the inspection.", ""]


def _card_lines(label, sep: str = ": ") -> list[str]:
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", label("Officer in charge", sep, lead), label("Finish line", sep, by),
                label("Traffic light", sep, word), ""]
    return out


def _check(doc, n: int = 3) -> None:
    assert [a.ref for a in doc.actions] == [a[0] for a in ACTIONS][:n]
    assert [a.action for a in doc.actions] == [a[1] for a in ACTIONS][:n]
    assert [a.lead for a in doc.actions] == [a[2] for a in ACTIONS][:n]
    assert [a.deadline_raw for a in doc.actions] == [a[3] for a in ACTIONS][:n]
    assert [a.rag for a in doc.actions] == [a[5] for a in ACTIONS][:n]


def test_unknown_labels_with_a_colon_take_their_roles_from_their_values(tmp_path):
    lines = _card_lines(lambda k, sep, v: f"{k}{sep}{v}")
    _check(extract(build_lines(tmp_path / "p.pdf", lines)))


def test_unknown_bold_labels_without_a_colon_take_their_roles_from_their_values(tmp_path):
    lines = _card_lines(lambda k, sep, v: f"<b>{k}</b> {v}", sep="")
    lines = [ln.replace("<b>1", "1").replace("<b>2", "2").replace("</b>", "", 1) if ln[:4] in ("<b>1", "<b>2") else ln
             for ln in lines]  # titles plain, so only the labels are bold
    _check(extract(build_lines(tmp_path / "p.pdf", lines)))


def test_a_label_on_its_own_line_names_the_value_below_it(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "<b>Lead</b>", lead, "<b>Deadline</b>", by, "<b>Status</b>", word, ""]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_bulleted_items_under_a_label_are_its_value_not_new_actions(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "Milestones:", "• Draft agreed – January 2024", "• Pilot live – February 2024",
                f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [(m.text, m.date_raw) for m in doc.actions[0].milestones] == [("Draft agreed", "January 2024"),
                                                                          ("Pilot live", "February 2024")]


def test_numbered_items_with_fields_as_bulleted_sub_lines(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        out += [f"{k}. {ref} {text}", f"• Lead: {lead}", f"• Deadline: {by}", f"• Status: {word}"]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_field_naming_the_weakness_ties_the_action(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        area = f"Priority {ref[0]}: " + ("Waiting times are too long" if ref[0] == "1" else "Plans are poor")
        out += [f"<b>{ref} {text}</b>", f"Priority area: {area}", f"Lead: {lead}", f"Deadline: {by}",
                f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_the_title_and_introduction_are_not_the_first_actions_title(tmp_path):
    out = ["<b>Local Area Written Statement of Action</b>", "This statement sets out what partners will do."]
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{ref} {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_recurring_prefix_whose_values_say_nothing_makes_no_action(tmp_path):
    out = ["<b>Minutes of the partnership board</b>"]
    for k in range(4):
        out += [f"<b>Item {k + 1}</b>", f"Discussion: members discussed the report on item {k + 1} at length.",
                "Outcome: the board noted the report and thanked officers.", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert doc.actions == []


def test_the_value_below_a_label_is_its_value_even_when_it_names_a_weakness(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "<b>Priority area</b>", f"Priority {ref[0]}: Waiting times are too long",
                "<b>Lead</b>", lead, "<b>Deadline</b>", by, "<b>Status</b>", word, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_a_label_whose_values_say_nothing_takes_the_role_of_the_label_its_words_end_with(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Reference code: {ref}", f"Our key action: {text}", f"Lead: {lead}", f"Deadline: {by}",
                f"Status: {word}", ""]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_bulleted_fields_under_a_numbered_item_with_bold_labels(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        out += [f"{k}. {ref} {text}", f"• <b>Officer in charge</b> {lead}", f"• <b>Finish line</b> {by}",
                f"• <b>Traffic light</b> {word}"]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_card_without_title_takes_its_action_from_the_running_text_of_a_label_no_role_fits(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Code: {ref}", f"Our commitment: {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_fill_behind_an_empty_status_value_gives_the_status(tmp_path):
    fills = {"green": "00B050", "amber": "FFC000", "red": "FF0000"}
    cards = [[("Action", f"{ref} {text}", None), ("Lead", lead, None), ("Deadline", by, None), ("Status", "", fills[rag])]
             for ref, text, lead, by, _, rag in ACTIONS]
    doc = extract(build_kv(tmp_path / "p.pdf", cards, intro=OPENING[:1] + OPENING[2:3]))
    _check(doc)
    assert {a.rag_source for a in doc.actions} == {"colour"}


def test_prose_paragraphs_without_refs_each_open_an_action(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{text}. Lead: {lead}. Deadline: {by}. Status: {word}.", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.action for a in doc.actions] == [a[1] for a in ACTIONS]
    assert [a.deadline_raw for a in doc.actions] == [a[3] for a in ACTIONS]


def test_key_value_tables_per_action_are_read_as_cards(tmp_path):
    cards = [[("Action", f"{ref} {text}", None), ("Lead", lead, None), ("Deadline", by, None), ("Status", word, None)]
             for ref, text, lead, by, word, _ in ACTIONS]
    doc = extract(build_kv(tmp_path / "p.pdf", cards * 2, intro=OPENING[:1] + OPENING[2:3]))
    assert [a.lead for a in doc.actions] == [a[2] for a in ACTIONS] * 2


def test_two_labels_no_role_fits_in_one_card_do_not_split_it(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Code: {ref}", f"Our commitment: {text}", f"Inputs: £{len(text)}k", f"Lead: {lead}",
                f"Deadline: {by}", f"Status: {word}", ""]
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_cross_cutting_heading_ends_the_weakness_above_it(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        if ref == "1.1":
            out.append("<b>Priority 1: Waiting times are too long</b>")
        if ref == "2.1":
            out.append("<b>Enabling actions across all areas</b>")
        out += [f"{ref} {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", None]


def test_a_card_deadline_reads_revisions_in_the_order_made_and_a_range_gives_the_start(tmp_path):
    by = ["June 2024 (revised from March 2024)", "Sep 2023 - May 2024", "April 2024 revised to July 2024"]
    out = list(OPENING)
    for (ref, text, lead, _, word, _), when in zip(ACTIONS, by):
        out += [f"{ref} {text}", f"Lead: {lead}", f"Deadline: {when}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [[d.isoformat() for d in a.deadlines] for a in doc.actions] == [
        ["2024-03-31", "2024-06-30"], ["2024-05-31"], ["2024-04-30", "2024-07-31"]]
    assert [d.isoformat() for d in doc.actions[1].start_dates] == ["2023-09-01"]
    assert [a.deadline_revised for a in doc.actions] == [True, False, True]


def test_an_item_number_is_a_list_mark_not_a_ref(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        out += [f"{k}. {text}", f"• Lead: {lead}", f"• Deadline: {by}", f"• Status: {word}"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [(a.ref, a.action) for a in doc.actions] == [(None, a[1]) for a in ACTIONS]


def test_headings_naming_only_a_number_take_the_wording_of_the_list_before_them(tmp_path):
    weak = ["Waiting times for assessment are too long", "Plans do not reflect the needs of children"]
    out = OPENING[:3] + ["The inspection found these areas to address:", f"1. {weak[0]}", f"2. {weak[1]}", ""]
    for ref, text, lead, by, word, _ in ACTIONS:
        if ref in ("1.1", "2.1"):
            out.append(f"<b>Workstream {ref[0]}</b>")
        out += [f"{ref} {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [w.text for w in doc.weaknesses] == weak
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_a_numbered_action_after_bulleted_milestones_opens_the_next_action(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        out += [f"{k}. {ref} {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", "Milestones:",
                "• Draft agreed – January 2024", "• Pilot live – February 2024"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [len(a.milestones) for a in doc.actions] == [2, 2, 2]


def test_a_status_letter_ending_a_prose_action_opens_no_list(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{ref} {text}. Lead: {lead}. Deadline: {by}. Status: {word[0]}."]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)


def test_a_heading_wrapped_before_a_label_word_is_no_label(tmp_path):
    out = ["<font size=\"18\">Local Area Written Statement of<br/>Action</font>", "",
           "This statement sets out what partners will do in response to the inspection.", ""]
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    path = build_lines(tmp_path / "p.pdf", out)
    _check(extract(path))


def test_cards_inside_the_bands_of_a_table_are_read_when_they_make_more_cards(tmp_path):
    from wsoa.extract.cards import read_cards
    from wsoa.extract.document import layout_pages
    rows = [[("Action", f"{ref} {text}", None), ("Lead", lead, None), ("Deadline", by, None), ("Status", word, None)]
            for ref, text, lead, by, word, _ in ACTIONS]
    pages = layout_pages(build_kv(tmp_path / "p.pdf", rows, intro=OPENING[:1]))
    band = {1: [(100.0, 800.0)]}  # a table found over the key/value boxes, that gave no action
    assert [c.text("lead") for c in read_cards(pages, 10.0, band)] == [a[2] for a in ACTIONS]


def test_a_wrapped_line_opening_with_a_bare_number_runs_on(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{ref} {text}. Lead: {lead}. Success measure: waiting times fall below<br/>20 weeks for most "
                f"families. Deadline: {by}. Status: {word}."]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert {a.measures for a in doc.actions} == {"waiting times fall below 20 weeks for most families"}
    out = [ln.replace("Success measure: waiting times fall below<br/>20 weeks", "Links to weakness: Significant "
                      "weakness<br/>1: waiting times") for ln in out]  # a number and colon opening the line
    _check(extract(build_lines(tmp_path / "q.pdf", out)))
    out = [ln.replace("weakness<br/>1: waiting times", "weakness 1. Measure: complaints fall;<br/>32 schools")
           for ln in out]  # a quantity after a semicolon
    doc = extract(build_lines(tmp_path / "r.pdf", out))
    _check(doc)
    assert {a.measures for a in doc.actions} == {"complaints fall; 32 schools for most families"}


def test_a_label_whose_short_values_hold_sums_of_money_is_the_resource(tmp_path):
    money = ["£40k ICB", "Existing resource", "£12,000 from the DSG"]
    out = list(OPENING)
    for (ref, text, lead, by, word, _), cost in zip(ACTIONS, money):
        out += [f"{ref} {text}", f"Starting: {by}", f"Inputs: {cost}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.resource for a in doc.actions] == money


def test_the_value_below_a_label_may_open_with_a_number(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "<b>Success measures</b>", "20 schools trained; complaints fall by half",
                "<b>Lead</b>", lead, "<b>Deadline</b>", by, "<b>Status</b>", word, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert {a.measures for a in doc.actions} == {"20 schools trained; complaints fall by half"}


def test_a_milestone_item_keeps_its_date_apart_from_its_text(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "Milestones:", "• Draft agreed – January 2024", "• March 2024: pilot live",
                "• Board sign-off (May 2024)", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    got = [(m.text, m.date_raw, m.date.isoformat()) for m in doc.actions[0].milestones]
    assert got == [("Draft agreed", "January 2024", "2024-01-31"), ("pilot live", "March 2024", "2024-03-31"),
                   ("Board sign-off", "May 2024", "2024-05-31")]


def test_dated_milestones_run_together_in_prose_are_one_item_each(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{ref} {text}. Milestones: draft agreed – January 2024; pilot live (March 2024). Lead: {lead}. "
                f"Deadline: {by}. Status: {word}."]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [(m.text, m.date_raw) for m in doc.actions[0].milestones] == [("draft agreed", "January 2024"),
                                                                         ("pilot live", "March 2024")]


def _numbered_headings(items: list[str]) -> list[str]:
    out = OPENING[:3] + ["The inspection found these areas to address:", *items, ""]
    for ref, text, lead, by, word, _ in ACTIONS:
        if ref in ("1.1", "2.1"):
            out.append(f"<b>Workstream {ref[0]}</b>")
        out += [f"{ref} {text}", f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    return out


def test_headings_naming_only_a_number_count_the_items_of_a_list_whose_numbers_are_not_printed(tmp_path):
    weak = ["Waiting times for assessment are too long", "Plans do not reflect the needs of children"]
    legend = ["Green: on track", "Red: off track"]  # lines that are no list items do not restart the count
    items = [f"• {weak[0]}", f"• {weak[1]}", "", *legend]
    doc = extract(build_lines(tmp_path / "p.pdf", _numbered_headings(items)))
    _check(doc)
    assert [w.text for w in doc.weaknesses] == weak
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]
    page = ("<html><body><h1>Local Area Written Statement of Action</h1><p>The inspection found these areas to "
            f"address:</p><ol><li>{weak[0]}</li><li>{weak[1]}</li></ol>")  # a web page's list: numbers are markup
    for ref, text, lead, by, word, _ in ACTIONS:
        page += f"<h2>Workstream {ref[0]}</h2>" if ref in ("1.1", "2.1") else ""
        page += f"<p><b>{ref} {text}</b></p><p>Lead: {lead}</p><p>Deadline: {by}</p><p>Status: {word}</p>"
    (tmp_path / "p.html").write_text(page + "</body></html>", "utf-8")
    doc = extract(tmp_path / "p.html")
    assert [w.text for w in doc.weaknesses] == weak
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_a_heading_saying_its_actions_answer_no_weakness_introduces_no_list_of_weaknesses(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        if ref == "1.1":
            out.append("<font size=\"13\"><b>Priority 1: Waiting times are too long</b></font>")
        if ref == "2.1":
            out.append("<font size=\"13\"><b>Enabling actions (cross-cutting, not tied to one weakness)</b></font>")
        out += [f"{k}. {ref} {text}. Lead: {lead}. Deadline: {by}. Status: {word}."]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [w.text for w in doc.weaknesses] == ["Waiting times are too long"]
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", None]


def test_a_weakness_field_run_together_with_the_other_fields_names_one_weakness_each(tmp_path):
    weak = {"1": "Waiting times for assessment are too long", "2": "Plans do not reflect the needs of children"}
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS + [("3.1", "Agree a shared data set", "Head of SEND", "May 2024",
                                                     "Green", "green")]:
        area = f"Area of weakness {ref[0]}: {weak[ref[0]]}" if ref[0] in weak else "Cross-cutting (all areas)"
        out += [f"Area of weakness: {area}", f"Reference: {ref}", f"Action: {text}", f"Lead: {lead}",
                f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.ref for a in doc.actions] == ["1.1", "1.2", "2.1", "3.1"]
    assert [w.text for w in doc.weaknesses] == list(weak.values())
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2", None]


def test_a_list_whose_items_are_an_actions_fields_is_no_list_of_weaknesses(tmp_path):
    weak = {"1": "Waiting times for assessment are too long", "2": "Plans do not reflect the needs of children"}
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        out += [f"{k}. {ref} {text}", f"• Links to weakness: Priority {ref[0]}: {weak[ref[0]]}",
                f"• Status: {word}", f"• Deadline: {by}", f"• Lead: {lead}"]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [w.text for w in doc.weaknesses] == list(weak.values())
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_an_unknown_label_whose_values_are_statuses_with_the_date_given_is_the_status(tmp_path):
    said = {"green": "Good progress (as at May 2024)", "amber": "Some slippage (reviewed June 2024)",
            "red": "Not on track – July 2024"}
    out = _card_lines(lambda k, sep, v: f"{k}{sep}{said.get(v.lower(), v)}")
    _check(extract(build_lines(tmp_path / "p.pdf", out)))


def test_a_date_below_a_label_standing_alone_is_its_value_though_it_opens_like_a_ref(tmp_path):
    quarters = ["Q3 2023/24", "Q1 2024/25", "Q2 2024/25"]
    out = list(OPENING)
    for (ref, text, lead, by, word, _), q in zip(ACTIONS, quarters):
        out += [f"<b>{ref} {text}</b>", "<b>Lead</b>", lead, "<b>Deadline</b>", q, "<b>Status</b>", word, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.deadline_raw for a in doc.actions] == quarters
    assert [a.deadlines[0].isoformat() for a in doc.actions] == ["2023-12-31", "2024-06-30", "2024-09-30"]
    assert [a.rag for a in doc.actions] == [a[5] for a in ACTIONS]


def test_a_label_wrapped_in_a_narrow_label_column_is_read_whole(tmp_path):
    rows = [[("Action", f"{ref} {text}", None), ("Lead officer", lead, None), ("When will it be done", by, None),
             ("Progress rating", word, None)] for ref, text, lead, by, word, _ in ACTIONS]
    path = build_kv(tmp_path / "p.pdf", rows, intro=OPENING[:1], ruled=False, widths=(62, 400))
    _check(extract(path))


def test_a_bulleted_item_opening_with_a_ref_shaped_as_the_actions_opens_the_next_action(tmp_path):
    page = "<html><body><h1>Local Area Written Statement of Action</h1>"  # a web page's list: its numbers are markup
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS, start=1):
        page += (f"<ol start='{k}'><li>{ref} {text}</li></ol><ul><li>Lead: {lead}</li><li>Deadline: {by}</li>"
                 f"<li>Status: {word}</li><li>Milestones:</li></ul><ul><li>Draft agreed – Jan 2024</li>"
                 "<li>Pilot live (March 2024)</li></ul>")
    (tmp_path / "p.html").write_text(page + "</body></html>", "utf-8")
    doc = extract(tmp_path / "p.html")
    _check(doc)
    assert [len(a.milestones) for a in doc.actions] == [2, 2, 2]


def test_a_label_no_role_fits_opening_each_card_again_opens_the_next(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Our commitment: {text}", f"Position: {word} (as at May 2024)", f"Lead officer: {lead}",
                f"Closing month: {by}"]  # no blank line, title or repeated known label between the cards
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.action for a in doc.actions] == [a[1] for a in ACTIONS]
    assert [a.lead for a in doc.actions] == [a[2] for a in ACTIONS]
    assert [a.rag for a in doc.actions] == [a[5] for a in ACTIONS]


def test_an_action_with_a_ref_or_labelled_as_one_may_have_a_single_field(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        out += [f"{ref} {text}", f"Deadline: {by}"] + ([f"Lead: {lead}"] if k != 1 else []) + [""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.ref for a in doc.actions] == [a[0] for a in ACTIONS]
    assert [a.deadline_raw for a in doc.actions] == [a[3] for a in ACTIONS]
    out = OPENING[:1] + ["Report to the partnership board", "Date: March 2023", ""] + out[len(OPENING):]
    doc = extract(build_lines(tmp_path / "q.pdf", out))  # a title without a ref and one field: the document's
    assert [a.ref for a in doc.actions] == [a[0] for a in ACTIONS]
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Action number: {ref}", f"What needs to happen: {text}", f"Deadline: {by}", "Update: draft agreed", ""]
    doc = extract(build_lines(tmp_path / "r.pdf", out))  # the ref and action as fields
    assert [(a.ref, a.deadline_raw) for a in doc.actions] == [(a[0], a[3]) for a in ACTIONS]
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Action: {text}", f"Lead: {lead}", "Update: draft agreed", ""]
    doc = extract(build_lines(tmp_path / "s.pdf", out))  # an action labelled as one needs no ref
    assert [(a.action, a.lead) for a in doc.actions] == [(a[1], a[2]) for a in ACTIONS]
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        out += [f"Action number: {ref}", f"Action: {text}", "Impact measure: fewer complaints"]
        out += [f"Start date: {by}", ""] if k != 1 else [""]  # numbered and labelled: no lead or date needed
    doc = extract(build_lines(tmp_path / "t.pdf", out))
    assert [a.ref for a in doc.actions] == [a[0] for a in ACTIONS]


def test_an_unknown_status_label_with_some_values_shown_only_by_a_fill_keeps_its_role(tmp_path):
    fills = {"green": "00B050", "amber": "FFC000", "red": "FF0000"}
    cards = [[("Action", f"{ref} {text}", None), ("Officer in charge", lead, None), ("Finish line", by, None),
              ("Traffic light", word if rag == "red" else "", fills[rag]), ("Latest news", "Draft agreed", None)]
             for ref, text, lead, by, word, rag in ACTIONS]
    doc = extract(build_kv(tmp_path / "p.pdf", cards * 2, intro=OPENING[:1] + OPENING[2:3], ruled=False))
    assert [a.rag for a in doc.actions] == [a[5] for a in ACTIONS] * 2


def test_revision_words_opening_a_date_below_its_label_are_no_labels_of_their_own(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "Lead:", lead, "By when:", f"Original: May 2023 / Revised: {by}", "Status:",
                word, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [(a.ref, a.lead, a.rag) for a in doc.actions] == [(a[0], a[2], a[5]) for a in ACTIONS]
    assert [[d.isoformat()[:7] for d in a.deadlines] for a in doc.actions] == [
        ["2023-05", "2024-03"], ["2023-05", "2024-06"], ["2023-05", "2024-09"]]


def test_the_lines_inside_a_table_band_are_read_when_they_give_the_same_cards_more_fields(tmp_path):
    from wsoa.extract.cards import read_cards
    from wsoa.extract.document import layout_pages
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"Priority: Priority {ref[0]}", f"Reference: {ref}", f"Action: {text}", f"Lead: {lead}",
                f"Deadline: {by}", f"Status: {word}", ""]
    pages = layout_pages(build_lines(tmp_path / "p.pdf", out))
    first = next(ln for ln in pages[0].lines if ln.text.startswith("Priority:"))
    band = {1: [(0.0, first.bottom)]}  # a table found over the introduction and the first card's first line
    cards = read_cards(pages, 10.0, band)
    assert [(c.text("ref"), c.text("weakness")) for c in cards] == [("1.1", "Priority 1"), ("1.2", "Priority 1"),
                                                                    ("2.1", "Priority 2")]


def test_an_action_with_a_ref_and_two_fields_needs_no_lead_or_date(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        dated = [f"Deadline: {by}"] if k != 1 else []  # the second action has no lead or date of its own
        out += [f"{ref} {text}", "Success measures: fewer complaints", f"Status: {word}", *dated, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [(a.ref, a.rag) for a in doc.actions] == [(a[0], a[5]) for a in ACTIONS]


def test_an_action_leaving_out_its_lead_and_dates_is_kept_beside_actions_with_the_same_fields(tmp_path):
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        dated = [f"Start: {by}"] if k != 1 else []
        out += [f"<b>{text}</b>", *dated, "Funding: existing budget", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [(a.action, a.rag) for a in doc.actions] == [(a[1], a[5]) for a in ACTIONS]
    own = ["<b>About this plan</b>", "Funding: none", "Status: Final", ""]  # the document's fields, not an action's
    out[len(OPENING):len(OPENING)] = own
    doc = extract(build_lines(tmp_path / "q.pdf", out))
    assert [(a.action, a.rag) for a in doc.actions] == [(a[1], a[5]) for a in ACTIONS]
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        out += [f"<b>{ref} {text}</b>"] + ([f"Start: {by}"] if k != 1 else []) + ["Success measures: fewer", ""]
    doc = extract(build_lines(tmp_path / "r.pdf", out))  # numbered, with one field the others have too
    assert [a.ref for a in doc.actions] == [a[0] for a in ACTIONS]
    out = list(OPENING)
    for k, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        out += [f"Action: {text}"] + ([f"Start: {by}"] if k else []) + ["Funding: existing budget", f"Status: {word}"]
    doc = extract(build_lines(tmp_path / "s.pdf", out))  # labelled as an action: first, though it has no date
    assert [a.action for a in doc.actions] == [a[1] for a in ACTIONS]


def test_a_page_number_below_the_last_card_is_no_part_of_its_value(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", f"Deadline: {by}", f"Status: {word}", f"Lead: {lead}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out + ["", "Page 1"]))  # a one-page plan's footer
    _check(doc)
    _check(extract(build_lines(tmp_path / "q.pdf", out + ["", "Written Statement of Action – page 1"])))


def test_a_second_label_read_as_a_role_the_card_has_does_not_split_it(tmp_path):
    out = list(OPENING)
    for (ref, text, lead, by, word, _), cost in zip(ACTIONS, ["ER", "AR", "Existing resource"]):
        out += [f"<b>{ref} {text}</b>", f"Officer in charge: {lead}", f"Inputs: {cost}", f"Deadline: {by}",
                f"Status: {word}", ""]  # "Inputs" read as a lead from its short values: still one card each
    _check(extract(build_lines(tmp_path / "p.pdf", out)))
    officer = [k for k, ln in enumerate(out) if ln.startswith("Officer")]
    for k in officer:
        out[k], out[k + 1] = out[k + 1], out[k]  # "Inputs" first: the label sharing the lead labels' words leads
    _check(extract(build_lines(tmp_path / "q.pdf", out)))


def test_an_unknown_label_whose_values_are_only_coloured_fills_is_the_status(tmp_path):
    fills = {"green": "00B050", "amber": "FFC000", "red": "FF0000"}
    cards = [[("Action", f"{ref} {text}", None), ("Officer in charge", lead, None), ("Finish line", by, None),
              ("Traffic light", "", fills[rag]), ("Latest news", "Draft agreed", None)]
             for ref, text, lead, by, word, rag in ACTIONS]
    doc = extract(build_kv(tmp_path / "p.pdf", cards, intro=OPENING[:1] + OPENING[2:3]))
    assert [(a.rag, a.rag_source) for a in doc.actions] == [(a[5], "colour") for a in ACTIONS]
    cards += [[("Action", "3.1 Agree a shared data set", None), ("Officer in charge", "Head of SEND", None),
               ("Finish line", "May 2024", None), ("Traffic light", "Not started", "FFFFFF"),
               ("Latest news", "Draft agreed", None)]]  # one status said in words: a white box says nothing
    doc = extract(build_kv(tmp_path / "q.pdf", cards, intro=OPENING[:1] + OPENING[2:3]))
    assert [a.rag for a in doc.actions] == [a[5] for a in ACTIONS] + ["white"]


def test_a_label_of_more_than_six_words_standing_alone_is_a_label(tmp_path):
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{ref} {text}</b>", "<b>Lead</b>", lead, "<b>How will we know it has worked</b>",
                "complaints fall by half", "<b>Deadline</b>", by, "<b>Status</b>", word, ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert {a.measures for a in doc.actions} == {"complaints fall by half"}


def test_a_weakness_field_giving_the_same_number_on_every_card_names_one_weakness(tmp_path):
    weak = {"1": "Waiting times for assessment are too long", "2": "Plans do not reflect the needs of children"}
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"<b>{text}</b>", f"<b>Area of weakness</b> Area of weakness {ref[0]}: {weak[ref[0]]}",
                f"<b>Lead</b> {lead}", f"<b>Deadline</b> {by}", f"<b>Status</b> {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    assert [a.lead for a in doc.actions] == [a[2] for a in ACTIONS]
    assert len(doc.weaknesses) == 2 and [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_a_prose_action_cut_by_a_page_break_mid_sentence_runs_on_over_it():
    from tests.test_table_stages import page_of, words
    from wsoa.extract.cards import read_cards
    ws: list[list] = [[] for _ in range(len(ACTIONS) + 1)]
    for n, (ref, text, lead, by, word, _) in enumerate(ACTIONS):
        ws[n] += words(f"{ref} {text}. Lead: {lead}. How we will", 40, 560)  # a label cut by the page's end
        ws[n + 1] = words(f"know: fewer complaints. Status: {word}. Deadline: {by}.", 40, 40) + ws[n + 1]
    cards = read_cards([page_of(n, w) for n, w in enumerate(ws, start=1)], 8.0, {})
    assert [(c.ref, c.text("measures"), c.value("deadline")) for c in cards] == [
        (a[0], "fewer complaints.", a[3]) for a in ACTIONS]
    ws = [[] for _ in range(len(ACTIONS) + 1)]
    for n, (ref, text, lead, by, word, _) in enumerate(ACTIONS):  # a name cut after "of"
        ws[n] += words(f"{ref} {text}. Status: {word}. Lead: Director of", 40, 560)
        ws[n + 1] = words(f"Nursing, ICB. Deadline: {by}.", 40, 40) + ws[n + 1]
    cards = read_cards([page_of(n, w) for n, w in enumerate(ws, start=1)], 8.0, {})
    assert [(c.ref, c.value("lead")) for c in cards] == [(a[0], "Director of Nursing, ICB") for a in ACTIONS]


def test_weakness_fields_naming_more_weaknesses_than_the_statements_found_are_the_list(tmp_path):
    weak = {"1": "Waiting times for assessment are too long", "2": "Plans do not reflect the needs of children"}
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        value = f"Area of weakness {ref[0]}: {weak[ref[0]]}"  # the last one below its label, a paragraph alone
        out += [f"<b>{ref} {text}</b>"] + ([f"Addresses finding: {value}"] if ref != "2.1" else
                                           ["Addresses finding:", "", value])
        out += [f"Lead: {lead}", f"Deadline: {by}", f"Status: {word}", ""]
    doc = extract(build_lines(tmp_path / "p.pdf", out))
    _check(doc)
    assert [w.text for w in doc.weaknesses] == list(weak.values())
    assert [a.weakness_id for a in doc.actions] == ["W1", "W1", "W2"]


def test_the_text_before_the_first_action_is_read_whole_though_a_table_was_found_in_it(tmp_path):
    from wsoa.extract.cards import read_cards
    from wsoa.extract.document import layout_pages
    weak = ["Waiting times for assessment are too long", "Plans do not reflect the needs of children"]
    pages = layout_pages(build_lines(tmp_path / "p.pdf", _numbered_headings([f"1. {weak[0]}", f"2. {weak[1]}"])))
    first = next(ln for ln in pages[0].lines if ln.text.startswith("1. "))
    band = {1: [(first.top - 20, first.bottom)]}  # a table found over the introduction, holding the list's first item
    assert [c.heading.text for c in read_cards(pages, 10.0, band)] == [weak[0], weak[0], weak[1]]
    title = next(ln for ln in pages[0].lines if ln.text.startswith("1.1 "))
    band = {1: [(first.top - 20, title.bottom)]}  # the table goes on over the first action's title
    assert [c.ref for c in read_cards(pages, 10.0, band)] == [a[0] for a in ACTIONS]


def test_a_number_opening_the_line_after_a_line_that_wrapped_is_the_sentence_running_on(tmp_path):
    from wsoa.extract.document import layout_pages
    out = list(OPENING)
    for ref, text, lead, by, word, _ in ACTIONS:
        out += [f"{ref} {text}. Milestones: draft agreed; board review in month 3. Lead: {lead}. Deadline: {by}. "
                f"Status: {word}."]
    pdf = build_lines(tmp_path / "p.pdf", out)
    assert any(ln.text.startswith("3. Lead:") for ln in layout_pages(pdf)[0].lines)  # wrapped before "3."
    _check(extract(pdf))
