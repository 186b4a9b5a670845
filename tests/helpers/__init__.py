"""Helpers the tests share, imported explicitly (``from tests.helpers.inputs import ...``)."""
