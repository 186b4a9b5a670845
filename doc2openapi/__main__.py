"""``python -m doc2openapi``: the ``doc2openapi`` command."""

from doc2openapi.launcher import main

main()
