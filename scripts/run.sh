#!/usr/bin/env bash
# Sets up what is missing, builds innaxe and runs the main job on the bundled examples.
# For now the main job is reading: it inspects every bundled fixture workbook and CSV file,
# showing what innaxe reads (and, for the broken ones, the clear error it reports).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product innaxe
bin=$(swift build -c release --show-bin-path)/innaxe
status=0
for f in fixtures/xlsx/*.xlsx fixtures/csv/*.csv; do
  [ -e "$f" ] || continue
  echo "════ $f"
  "$bin" inspect "$f" --rows 6 || status=$?
  echo
done
echo "Read every fixture. Broken and hostile files above end with 'error: …' (exit 2), by design."
