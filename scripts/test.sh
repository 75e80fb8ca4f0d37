#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it:
# Debian's chromium (browser tests), a virtualenv with geo and its test extras, ruff, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-browser.sh
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[test]"
.venv/bin/geo gazetteer build
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
