"""The tests of doc2openapi, laid out like the package (scraper, spec, generator, cli)."""
