"""``python -m doc2openapi``: the ``doc2openapi`` command."""

from doc2openapi.cli import main

main()
