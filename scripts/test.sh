#!/usr/bin/env bash
# Sets up what is missing, then runs the whole test suite (unit, corpus conformance, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
