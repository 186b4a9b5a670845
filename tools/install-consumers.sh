#!/usr/bin/env bash
# Installs the tools that tests/spec/test_consumers.py runs on the generated OpenAPI documents:
#   - npm (pinned by tools/consumers/package-lock.json): Spectral, Redocly CLI, Prism,
#     into tools/consumers/node_modules;
#   - PyPI: openapi-python-client, datamodel-code-generator, openapi-generator-cli (it
#     ships the generator's jar) and the runtime packages of the client it generates,
#     into the venv given as $1 (default: .venv; created when missing, as make would);
#   - Java (Debian default-jre-headless), only when `java` is not on PATH.
# Idempotent: a second run changes nothing and takes a few seconds.
# Usage: bash tools/install-consumers.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv}"
CONSUMERS=tools/consumers

say() { echo "install-consumers: $*"; }

# Versions verified together (tools/consumers/README.md); bump them together.
PYTHON_CONSUMERS=(
    "openapi-python-client==0.29.1"
    "datamodel-code-generator==0.89.0"
    "openapi-generator-cli==7.26.0"
    # what the client of openapi-generator's `-g python` imports
    "urllib3>=2.1,<3"
    "python-dateutil>=2.8.2"
    "pydantic>=2.6"
    "typing-extensions>=4.7.1"
    # the `sphinx` extra: rendering documentation sources (tests/sources/test_sphinx.py)
    "sphinx==9.0.4"
    "otcdocstheme==1.12.1"
)

# -- Java (for OpenAPI Generator)
if ! command -v java >/dev/null 2>&1; then
    say "java not found: installing default-jre-headless"
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        say "cannot install Java here (needs root and apt-get); OpenAPI Generator tests will skip"
    else
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        # the JRE's post-install step needs this man page folder on slim images
        mkdir -p /usr/share/man/man1
        apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
    fi
fi

# -- npm tools
if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: Spectral, Redocly and Prism tests will skip (install Node.js 20+)"
else
    stamp="$CONSUMERS/node_modules/.installed-lock"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$CONSUMERS/package-lock.json"; then
        say "npm tools up to date"
    else
        say "npm ci in $CONSUMERS"
        # --ignore-scripts: none of the tools needs an install script (one would only
        # send usage analytics)
        (cd "$CONSUMERS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
        cp "$CONSUMERS/package-lock.json" "$stamp"
    fi
fi

# -- Python tools
if [ ! -x "$VENV/bin/python" ]; then
    # a fresh clone: make's set-up (python3 -m venv, pip install -e '.[dev]') reuses it
    say "creating the venv $VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
fi
if "$VENV/bin/python" - "${PYTHON_CONSUMERS[@]}" 2>/dev/null <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version

from packaging.requirements import Requirement

for text in sys.argv[1:]:
    requirement = Requirement(text)
    try:
        installed = version(requirement.name)
    except PackageNotFoundError:
        sys.exit(1)
    if not requirement.specifier.contains(installed, prereleases=True):
        sys.exit(1)
PY
then
    say "Python tools up to date in $VENV"
else
    say "pip install into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        "${PYTHON_CONSUMERS[@]}" 2>&1 | grep -v "^WARNING: Location" || true
    # pip's exit status is lost in the pipe above: check the result instead
    "$VENV/bin/python" -c "import openapi_python_client, datamodel_code_generator, openapi_generator_cli, urllib3, dateutil"
fi
say "done"
