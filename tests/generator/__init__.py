"""Tests of the client generator (doc2openapi.generator)."""
