"""Clients generated from the real corpus and the built-in example."""
