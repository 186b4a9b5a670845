"""doc2openapi: HTML API reference pages to a validated OpenAPI 3 document and a typed client."""

__version__ = "0.1.0"
