#!/usr/bin/env bash
# A second real client, by hand (not in CI: LibreOffice is large and slow to start):
# converts each fixture workbook with `innaxe convert` to a new XLSX, then has LibreOffice
# headless turn both the original and innaxe's copy into CSV, and compares the two.
# Any difference means LibreOffice reads innaxe's workbook differently from the original.
# Known, by design: innaxe writes a formula cell as its cached value, so where LibreOffice
# recalculates a formula whose cached value is stale or empty, the two differ.
#
#     bash scripts/libreoffice-check.sh            # needs libreoffice (apt-get install libreoffice-calc-nogui)
#
# Exit status: 0 all equal, 1 some differ, 2 LibreOffice is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
lo=$(command -v libreoffice || command -v soffice || true)
if [ -z "$lo" ]; then
  echo "libreoffice not found; install it with: apt-get install libreoffice-calc-nogui" >&2
  exit 2
fi
swift build --product innaxe >/dev/null
bin=$(swift build --show-bin-path)/innaxe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in fixtures/xlsx/excel-style-indicators.xlsx fixtures/xlsx/libreoffice-style-indicators.xlsx \
         fixtures/xlsx/date1900-leap-quirk.xlsx fixtures/xlsx/date1904.xlsx; do
  [ -e "$f" ] || continue
  name=$(basename "${f%.xlsx}")
  mkdir -p "$work/original" "$work/innaxe"
  cp "$f" "$work/original/$name.xlsx"
  "$bin" convert "$f" "$work/innaxe/$name.xlsx" --no-header >/dev/null
  for side in original innaxe; do
    # Its own profile, so a running LibreOffice does not swallow the request.
    "$lo" -env:UserInstallation=file://"$work/profile" --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,-1 \
      --outdir "$work/$side" "$work/$side/$name.xlsx" >/dev/null 2>&1
  done
  # One CSV per sheet: name-Sheet.csv (sheet -1 = all sheets).
  for csv in "$work/original/$name"*.csv; do
    other="$work/innaxe/$(basename "$csv")"
    if [ ! -e "$other" ]; then echo "DIFFERENT $name: innaxe's copy lacks $(basename "$csv")"; status=1; continue; fi
    if cmp -s "$csv" "$other"; then echo "same      $(basename "$csv")"; else
      echo "DIFFERENT $(basename "$csv"):"; { diff "$csv" "$other" | head -10 || true; }; status=1
    fi
  done
done
exit $status
