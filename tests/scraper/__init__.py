"""Tests of the scraper (doc2openapi.scraper), on written pages and on the real corpus."""
