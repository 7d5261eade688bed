#!/usr/bin/env bash
# Sets up what is missing, builds innaxe and runs the main job on the bundled examples.
# The main job: it inspects every bundled fixture workbook and CSV file,
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

# Harmonise the six partners' sample files with their mappings (outputs in out/PARTNER/).
harmonise() {
  local partner=$1; shift
  echo "════ harmonise $partner: $*"
  "$bin" harmonise "$@" --mapping "mappings/$partner.yaml" --out "out/$partner" || [ $? -eq 1 ]
  echo
}
p=fixtures/partners
harmonise biocat  "$p/Biocat_Indicadors_BioRegio_2023.xlsx"
harmonise medicen "$p/medicen_export_indicateurs_2023.csv" "$p/Medicen_Tableau_de_bord_2019-2023.xlsx"
harmonise biorn   "$p/BioRN_Kennzahlen_2023_final_v3.xlsx"
harmonise hlsc    "$p/HLSC_pokazateli_2023.csv" "$p/Показатели_2023.xlsx"
harmonise dlsc    "$p/DLSC_nøgletal_2023.xlsx"
harmonise cebr    "$p/CEBR_member_survey_2023_export.csv"
echo "Harmonised the partner samples into out/ (exit 1 above means the run found errors to fix, e.g. CEBR's two-region answer)."
