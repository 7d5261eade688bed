#!/usr/bin/env bash
# Sets up what is missing, then runs the whole test suite (unit, corpus conformance, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The real-client tests open written workbooks with openpyxl; without it they are skipped.
if ! python3 -c "import openpyxl" >/dev/null 2>&1; then
  echo "innaxe test: installing openpyxl for the real-client tests" >&2
  python3 -m pip install -q openpyxl >/dev/null 2>&1 \
    || python3 -m pip install -q --break-system-packages openpyxl >/dev/null 2>&1 \
    || { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] && s="" || s="sudo"; \
         DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq python3-openpyxl >/dev/null 2>&1; }; } \
    || echo "innaxe test: openpyxl unavailable; the real-client tests will say they are skipped" >&2
fi
swift build --build-tests
swift test --skip-build "$@"
