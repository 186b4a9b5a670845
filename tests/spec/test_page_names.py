"""Names of the pages that document one operation together (spec/page_names.py)."""

from __future__ import annotations

from doc2openapi.spec.page_names import RoutePage, page_names


def test_a_page_alone_on_its_operation_has_no_page_name() -> None:
    assert page_names([[RoutePage("a.html", "Starting a Server")]]) == {}


def test_titles_name_the_pages_verb_first() -> None:
    names = page_names(
        [
            [
                RoutePage("a.html", "Starting ECSs in a Batch"),
                RoutePage("b.html", "Adding a Forwarding Policy"),
                RoutePage("c.html", "Creating an Image Using an ECS"),
                RoutePage("d.html", "Restarting an ECS (Deprecated)"),
            ]
        ]
    )
    assert names == {
        "a.html": "StartEcss",
        "b.html": "AddForwardingPolicy",
        "c.html": "CreateImageEcs",
        "d.html": "RestartEcs",
    }


def test_pages_of_one_title_are_told_apart_by_version_then_group() -> None:
    """The same title on the v2 and v3 paths takes the version; on one path, the words of
    the page group only one of them has."""
    v2 = [
        RoutePage("v2/a.html", "Expanding a Disk", (), "V2"),
        RoutePage("v2/b.html", "Reserving a Disk", (), "V2"),
    ]
    v3 = [
        RoutePage("v3/a.html", "Expanding a Disk", (), "V3"),
        RoutePage("v3/b.html", "Pausing a Disk", (), "V3"),
    ]
    versions = [
        RoutePage("bms.html", "Querying API Versions", ("API Version Query",)),
        RoutePage(
            "nova.html", "Querying API Versions", ("API Version Query (OpenStack Nova APIs)",)
        ),
    ]
    names = page_names([v2, v3, versions])
    assert names["v2/a.html"] == "ExpandDiskV2"
    assert names["v3/a.html"] == "ExpandDiskV3"
    assert names["v2/b.html"] == "ReserveDisk"
    assert names["bms.html"] == "QueryApiVersions"
    assert names["nova.html"] == "QueryApiVersionsOpenstackNovaApis"


def test_pages_nothing_tells_apart_keep_the_operation_name() -> None:
    """One page published twice (same title, same group): neither gets a page name."""
    twice = [
        RoutePage("CreatePool.html", "Creating a Pool", ("Pools",)),
        RoutePage("CreatePool1.html", "Creating a Pool", ("Pools",)),
    ]
    assert page_names([twice]) == {}


def test_long_titles_leave_room_for_the_body_suffix() -> None:
    title = "Obtaining a User Token Through Password Authentication and Virtual MFA Devices Here"
    names = page_names([[RoutePage("a.html", title), RoutePage("b.html", "Obtaining a Token")]])
    assert len(names["a.html"] + "Response") <= 60
    assert names["a.html"].startswith("Obtain")
