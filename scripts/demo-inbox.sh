#!/usr/bin/env bash
# The inbox demo: builds innaxe, creates (or completes) a workspace, drops one file per partner
# into its inbox, runs one pass and prints where the outputs are.
# Usage: bash scripts/demo-inbox.sh [WORKSPACE]   (default: demo/; existing data is kept —
# files dropped again are recorded as duplicates).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product innaxe
bin=$(swift build -c release --show-bin-path)/innaxe
ws=${1:-demo}
"$bin" init "$ws" --partner biocat --partner medicen --partner biorn --partner hlsc --partner dlsc --partner cebr
for dir in fixtures/workflow/demo/*/; do
  cp "$dir"* "$ws/inbox/$(basename "$dir")/"
done
status=0
"$bin" run --workspace "$ws" --settle 0 || status=$?
echo
"$bin" status --workspace "$ws"
echo
echo "outputs: $ws/out/harmonised.xlsx (and .json), $ws/out/validation-report.xlsx (and .json), $ws/out/feedback/"
echo "originals: $ws/archive/ (accepted), $ws/rejected/ (with .reason.txt); ledger: $ws/state/innaxe.sqlite"
exit $status
