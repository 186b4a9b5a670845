"""The documentation's own order of its pages (spec/reading_order.py)."""

from __future__ import annotations

from doc2openapi.spec.reading_order import reading_order


def test_the_table_of_contents_comes_first() -> None:
    order = reading_order(["b.html", "a.html"], [], ["a.html", "b.html", "c.html"])
    assert list(order) == ["b.html", "a.html", "c.html"]


def test_index_pages_depth_first_from_the_outermost() -> None:
    """The outermost index (listed by none) lists a group index then a page; the group
    index lists its own pages: each index is followed by what it lists, in its order."""
    listed = [
        ("top.html", ("groups/one.html", "zeta.html")),
        ("groups/one.html", ("groups/y.html", "groups/x.html")),
    ]
    keys = ["alpha.html", "groups/x.html", "groups/y.html", "top.html", "zeta.html"]
    order = reading_order([], listed, keys)
    assert list(order) == [
        "top.html",
        "groups/one.html",
        "groups/y.html",
        "groups/x.html",
        "zeta.html",
        "alpha.html",  # no index lists it: after those that are, by key
    ]


def test_a_page_two_indexes_list_keeps_its_first_place() -> None:
    listed = [("i.html", ("p.html", "j.html")), ("j.html", ("q.html", "p.html"))]
    order = reading_order([], listed, [])
    assert list(order) == ["i.html", "p.html", "j.html", "q.html"]
