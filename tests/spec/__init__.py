"""Tests of the OpenAPI document: building, validating, writing (doc2openapi.spec)."""
