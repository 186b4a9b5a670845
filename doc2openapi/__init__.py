"""doc2openapi: HTML API reference pages to a validated OpenAPI 3 document and a typed client.

The library API (see :mod:`doc2openapi.library`)::

    from pathlib import Path
    import doc2openapi

    result = doc2openapi.build([Path("docs/ecs/api-ref")], Path("out"), doc2openapi.Config())
    print(result.status, [str(path) for path in result.files])
"""

__version__ = "0.1.0"

from doc2openapi.config import Config
from doc2openapi.library import (
    BuildResult,
    DiffResult,
    GenerateResult,
    ScrapeResult,
    Status,
    ValidateResult,
    build,
    diff,
    generate,
    scrape,
    validate,
)

__all__ = [
    "BuildResult",
    "Config",
    "DiffResult",
    "GenerateResult",
    "ScrapeResult",
    "Status",
    "ValidateResult",
    "__version__",
    "build",
    "diff",
    "generate",
    "scrape",
    "validate",
]
