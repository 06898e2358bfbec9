"""Regions and stitching: furniture removed before tables are read, table-wide banner rows kept."""
from __future__ import annotations

from wsoa.extract.page import Fill, remove_furniture

from .test_table_stages import page_of, ruled_table, words

FOOT = 570.0


def test_a_footer_on_both_pages_of_a_two_page_document_is_furniture():
    pages = [page_of(n, words("Written Statement of Action page %d" % n, 40, FOOT) + words("Body text", 40, 200))
             for n in (1, 2)]
    remove_furniture(pages)
    assert [ln.text for p in pages for ln in p.lines] == ["Body text", "Body text"]


def test_a_line_on_one_page_of_two_stays():
    pages = [page_of(1, words("Written Statement of Action", 40, FOOT)), page_of(2, words("Body text", 40, 200))]
    remove_furniture(pages)
    assert [ln.text for p in pages for ln in p.lines] == ["Written Statement of Action", "Body text"]


def test_running_header_words_sharing_a_line_with_a_table_row_are_removed():
    head = "Shire Partnership OFFICIAL"
    ws, rules, _ = ruled_table(40, [["1.1", "Do the thing", "Ann", "May 2024", "Green"]], header=None)
    third = page_of(3, words(head, 200, 44) + ws, rules)  # the running header sits on the row's line
    pages = [page_of(n, words(head, 200, 44) + words("Body", 40, 200)) for n in (1, 2, 4)] + [third]
    remove_furniture(pages)
    assert "Shire" not in [w.text for w in third.words]
    assert "Do" in [w.text for w in third.words]


def test_a_running_header_alone_on_one_page_and_inside_a_row_on_the_other():
    head = "Shire Partnership OFFICIAL"
    ws, rules, _ = ruled_table(40, [["1.1", "Do the thing", "Ann", "May 2024", "Green"]], header=None)
    pages = [page_of(1, words(head, 200, 44) + words("Body", 40, 200)), page_of(2, words(head, 200, 44) + ws, rules)]
    remove_furniture(pages)
    assert "Shire" not in [w.text for w in pages[1].words] and "Shire" not in [w.text for w in pages[0].words]


def test_a_running_header_below_the_printers_own_is_furniture():
    pages = [page_of(n, words("printed 1/1/24", 20, 10) + words("Shire OFFICIAL", 40, 80)
                     + words("Body %d text" % n, 40, 300)) for n in (1, 2, 3)]
    remove_furniture(pages)
    assert [ln.text for p in pages for ln in p.lines] == ["Body 1 text", "Body 2 text", "Body 3 text"]


def _text_table(top: float, rows: list[list[str]], xs: list[float] = (40.0, 80.0, 300.0, 400.0)) -> list:
    ws = []
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            ws += words(text, xs[c] + 3, top + r * 14)
    return ws


def test_a_banner_row_in_a_fill_across_the_table_does_not_end_it():
    from wsoa.extract.grid import Column
    from wsoa.extract.tables import table_region
    cols = [Column(40, 80, "Ref", "ref"), Column(80, 300, "Action", "action"), Column(300, 400, "Lead", "lead")]
    ws = _text_table(100, [["1.1", "Do the thing", "Ann"], ["1.2", "Do more", "Bob"]])
    ws += words("Area of weakness two is about this", 43, 140, bold=True)
    page = page_of(1, ws)
    page.fills = [Fill(40, 138, 400, 152, (0.2, 0.3, 0.5))]
    region = table_region(page, 98, cols, False, 8.0, page.height)
    assert region.bottom > 145, region.ends
    plain = page_of(1, ws)
    assert table_region(plain, 98, cols, False, 8.0, plain.height).bottom < 140


def test_a_row_with_a_word_overhanging_a_column_edge_does_not_end_the_table():
    from wsoa.extract.grid import Column
    from wsoa.extract.tables import table_region
    cols = [Column(40, 80, "Ref", "ref"), Column(80, 200, "Action", "action"), Column(200, 300, "Lead", "lead")]
    ws = _text_table(100, [["1.1", "Do the thing", "Ann"], ["1.2", "Do more", "Bob"]])
    ws += words("1.3", 43, 128) + words("Commission all", 148, 128) + words("Bob", 240, 128)  # "all" overhangs 200
    ws += _text_table(142, [["1.4", "Do it", "Cy"]])
    page = page_of(1, ws)
    region = table_region(page, 98, cols, False, 8.0, page.height)
    assert region.bottom > 150, region.ends
    prose = page_of(1, _text_table(100, [["1.1", "Do the thing", "Ann"]]) + words("This is prose that runs on over the columns", 43, 128))
    assert table_region(prose, 98, cols, False, 8.0, prose.height).bottom < 128


def test_a_running_header_sharing_a_line_with_a_repeated_table_header_is_removed_from_it():
    head = "Shire Partnership OFFICIAL"
    table_head = words("Ref", 43, 44) + words("Action", 83, 44) + words("Lead", 303, 44) + words("Deadline", 403, 44)
    pages = [page_of(1, words(head, 200, 44) + words("Body", 40, 200))]
    pages += [page_of(n, words(head, 200, 44) + table_head + words("Body", 40, 200)) for n in (2, 3)]
    remove_furniture(pages, keep=lambda ln: "Ref" in ln.text)
    assert [ln.text for ln in pages[2].lines][0] == "Ref Action Lead Deadline"


def test_a_header_repeated_word_for_word_with_one_edge_moved_goes_on_with_the_table():
    from wsoa.extract.grid import Column
    from wsoa.extract.stitch import same_layout
    a = [Column(40, 80, "Ref", "ref"), Column(80, 300, "Action", "action"), Column(300, 400, "Signs of change", "measures")]
    b = [Column(40, 80, "Ref", "ref"), Column(80, 290, "Action", "action"), Column(290, 400, "Signs of change", "measures")]
    assert same_layout(a, b)
    c = [Column(40, 80, "Ref", "ref"), Column(80, 290, "Action", "action"), Column(290, 400, "Progress", "measures")]
    assert not same_layout(a, c)


def test_a_repeated_header_without_rules_keeps_the_open_tables_columns():
    from wsoa.extract.grid import Column
    from wsoa.extract.header import Header
    from wsoa.extract.tables import Table, page_regions
    first = [Column(40, 80, "Ref", "ref"), Column(80, 300, "Action", "action"), Column(300, 400, "Lead", "lead")]
    moved = [Column(40, 80, "Ref", "ref"), Column(80, 260, "Action", "action"), Column(260, 400, "Lead", "lead")]
    ws = words("Ref", 43, 40) + words("Action", 83, 40) + words("Lead", 303, 40) + _text_table(60, [["1.2", "Do it", "Ann"]])
    page = page_of(2, ws)
    header = Header(40, 50, moved, False, page.lines[0], how="alignment")
    regions, _ = page_regions(page, [header], Table(columns=first, grid="text-aligned"))
    assert [c.x0 for c in regions[0].columns] == [40, 80, 300]
    alone, _ = page_regions(page, [header], None)
    assert [c.x0 for c in alone[0].columns] == [40, 80, 260]


def test_a_numbered_heading_below_the_running_header_is_not_furniture():
    pages = [page_of(n, words("Shire OFFICIAL", 40, 20) + words("Area of weakness %d" % n, 40, 80)
                     + words("Body text", 40, 300)) for n in (1, 2, 3)]
    remove_furniture(pages)
    assert [ln.text for ln in pages[1].lines] == ["Area of weakness 2", "Body text"]


def test_a_header_repeating_an_earlier_tables_words_takes_its_roles():
    from wsoa.extract.grid import Column
    from wsoa.extract.stitch import inherit_from
    first = [Column(40, 80, "Key", "ref"), Column(80, 300, "Planned", "action"), Column(300, 400, "Sponsor", "lead")]
    later = [Column(40, 90, "Key", None), Column(90, 300, "Planned", "action"), Column(300, 400, "Sponsor", None)]
    inherit_from(later, [first])
    assert [c.role for c in later] == ["ref", "action", "lead"]
    other = [Column(40, 90, "Key", None), Column(90, 300, "Planned", "action"), Column(300, 400, "Owner", None)]
    inherit_from(other, [first])
    assert [c.role for c in other] == [None, "action", None]


def test_cells_a_word_space_apart_at_a_column_edge_do_not_end_the_table():
    from wsoa.extract.grid import Column
    from wsoa.extract.tables import table_region
    cols = [Column(40, 80, "Ref", "ref"), Column(80, 200, "Action", "action"), Column(200, 300, "Measure", "measures")]
    ws = _text_table(100, [["1.1", "Do the thing", "Fewer waits"], ["1.2", "Do more", "More plans"],
                           ["1.3", "Do it all", "Less delay"]], xs=(40.0, 80.0, 200.0))
    ws += words("(revised 28/02/2022)", 112.2, 142) + words("schools", 203, 142)  # the date ends at 199.2
    ws += _text_table(156, [["1.4", "Do it", "Good"]], xs=(40.0, 80.0, 200.0))
    page = page_of(1, ws)
    assert table_region(page, 98, cols, False, 8.0, page.height).bottom > 160
    prose = page_of(1, ws[:-4] + words("and then this prose runs on over", 150, 156))
    assert table_region(prose, 98, cols, False, 8.0, prose.height).bottom < 160


def _placed_roles(n_rows: int) -> list:
    from wsoa.extract.grid import Column
    from wsoa.extract.header import Header
    from wsoa.extract.tables import Region, Table, _place
    first = Table(columns=[Column(40, 80, "Key", "ref"), Column(80, 300, "Planned", "action"),
                           Column(300, 400, "Sponsor", "lead")], grid="text-aligned")
    cols = [Column(40, 80, "Key", None), Column(80, 300, "Planned", "action"), Column(300, 400, "Sponsor", None)]
    ws = words("Key", 43, 40) + words("Planned", 83, 40) + words("Sponsor", 303, 40)
    for i in range(n_rows):
        ws += _text_table(60 + 20 * i, [["1.%d" % i, "Do it", "Ann"]], xs=(40.0, 80.0, 300.0))
    page = page_of(2, ws)
    region = Region(2, 52, 60 + 20 * n_rows, cols, False, 8.0, Header(40, 50, cols, False, page.lines[0]))
    table = _place(page, region, 0, None, [first], None)
    return [c.role for c in table.columns]


def test_a_new_table_takes_the_roles_of_an_earlier_one_with_its_header_words():
    assert _placed_roles(1) == ["ref", "action", "lead"]
