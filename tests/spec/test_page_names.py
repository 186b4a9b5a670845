"""Names of the pages that document one operation together (spec/page_names.py)."""

from __future__ import annotations

from doc2openapi.spec.page_names import (
    SUMMARY_LENGTH,
    RoutePage,
    merged_description,
    merged_summary,
    page_names,
)


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


def test_merged_summary_is_one_short_line() -> None:
    titles = [f"Doing Thing Number {n} to an ECS" for n in range(10)]
    summary = merged_summary([*titles, titles[0]])
    assert len(summary) <= SUMMARY_LENGTH
    assert summary.startswith("Doing Thing Number 0 to an ECS / Doing Thing Number 1")
    shown = summary.count(" / ") + 1
    assert summary.endswith(f" and {10 - shown} more")
    assert merged_summary(["Starting a BMS", "Stopping a BMS"]) == "Starting a BMS / Stopping a BMS"


def test_merged_description_says_each_page_once() -> None:
    """Each description after its title; a page without a description (its title
    only) is not ``Title: Title``; pages of one title need no titles."""
    assert (
        merged_description([("Copying an Object", "Copying an Object"), ("Uploading", "")])
        == "Copying an Object\n\nUploading"
    )
    assert (
        merged_description([("Starting", "Starts it."), ("Stopping", "Stops it.")])
        == "Starting: Starts it.\n\nStopping: Stops it."
    )
    assert (
        merged_description([("Querying Versions", "Of BMS."), ("Querying Versions", "Of Nova.")])
        == "Of BMS.\n\nOf Nova."
    )
    assert merged_description([("Adding", "Adds."), ("Adding", "Adds.")]) == "Adds."
