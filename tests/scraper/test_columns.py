"""Columns of a parameter table found by their header names."""

from __future__ import annotations

import pytest

from doc2openapi.scraper.columns import columns_of


@pytest.mark.parametrize("mandatory", ["Mandatory", "Mandatory or Not", "Mandatory (Yes/No)"])
def test_the_mandatory_column_under_its_names(mandatory: str) -> None:
    columns = columns_of(("Parameter", mandatory, "Type", "Description"))
    assert columns is not None
    assert (columns.name, columns.requirement, columns.type, columns.description) == (0, 1, 2, 3)
