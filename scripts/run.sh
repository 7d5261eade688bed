#!/usr/bin/env bash
# innaxe's main job on the bundled examples: sets up what is missing, builds, creates a demo
# workspace (demo/, git-ignored), drops the six partners' sample files into its inbox, runs one
# pass and shows where the outputs are and what the workspace holds.
#
# The files arrive the three ways partners send them: into their partner's folder
# (inbox/biocat/…), at the top of the inbox with the partner's usual file name (recognised by
# the mappings' file-name patterns), and renamed (recognised by the header fingerprint the
# partner's mapping implies: DLSC's sheet "Nøgletal" and the columns it reads).
#
# Usage: bash scripts/run.sh [WORKSPACE]   (default demo/). Running it again keeps the data:
# the same files come back as duplicates. Remove the folder for a fresh start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product innaxe
bin=$(swift build -c release --show-bin-path)/innaxe
ws=${1:-demo}
p=fixtures/partners

"$bin" init "$ws" --partner biocat --partner medicen --partner biorn --partner hlsc --partner dlsc --partner cebr
# Into the partners' folders.
cp "$p/Biocat_Indicadors_BioRegio_2023.xlsx" "$ws/inbox/biocat/"
cp "$p/BioRN_Kennzahlen_2023_final_v3.xlsx" "$ws/inbox/biorn/"
cp "$p/HLSC_pokazateli_2023.csv" "$p/Показатели_2023.xlsx" "$ws/inbox/hlsc/"
cp "$p/CEBR_member_survey_2023_export.csv" "$ws/inbox/cebr/"
# At the top of the inbox, under the partner's own file names (Windows-1252 CSV and a workbook).
cp "$p/medicen_export_indicateurs_2023.csv" "$p/Medicen_Tableau_de_bord_2019-2023.xlsx" "$ws/inbox/"
# Renamed: only its content says it is DLSC's.
cp "$p/DLSC_nøgletal_2023.xlsx" "$ws/inbox/nøgletal 2023 (kopi).xlsx"

echo
status=0
"$bin" run --workspace "$ws" --settle 0 || status=$?
echo
"$bin" status --workspace "$ws"
cat <<TEXT

Outputs in $ws/out/:
  harmonised.xlsx, harmonised.json        the consolidated dataset: every value with its unit, status and source cell
  validation-report.xlsx, .json           completeness partner × indicator × year, open findings, latest submissions
  feedback/<partner>/*.feedback.xlsx      per submission: the partner's values with the findings beside their cells
Originals: $ws/archive/ (accepted, never modified), $ws/rejected/ (with .reason.txt); ledger: $ws/state/innaxe.sqlite
Next: $bin export --workspace $ws --format xlsx --year 2023 -o innaxe-2023.xlsx
TEXT
# 0: every file taken; 1: some file was rejected (see above) — both are a successful demo.
[ "$status" -le 1 ] || exit "$status"
