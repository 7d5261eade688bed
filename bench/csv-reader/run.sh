#!/bin/sh
# Benchmarks SpreadsheetIO's CSVReader against pandas.read_csv on a generated file
# (default 1,000,000 rows x 12 columns). Run from anywhere:
#
#     sh bench/csv-reader/run.sh            # ROWS=200000 sh ... for a quicker run
#
# Builds SpreadsheetIO in release into the scratch path (default .build-csv), compiles
# bench.swift against it, writes the data file there too (ignored by git), then times
# each reader on it, best of RUNS (default 3).
set -eu
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-csv}
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
DATA="$SCRATCH/bench-data"
FILE="$DATA/cluster-indicators-$ROWS.csv"
mkdir -p "$DATA"
[ -f "$FILE" ] || python3 bench/csv-reader/make_bench_csv.py "$FILE" "$ROWS"

swift build -c release --scratch-path "$SCRATCH" --target SpreadsheetIO >/dev/null
swiftc -O -I "$SCRATCH/release/Modules" \
    -Xcc -fmodule-map-file=Sources/CLibzip/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
    $(pkg-config --cflags-only-I libxml-2.0 libzip | sed 's/-I/-Xcc -I/g') \
    bench/csv-reader/bench.swift "$SCRATCH"/release/SpreadsheetIO.build/*.o -lzip -lxml2 \
    -o "$DATA/csv-bench"

echo "file: $FILE ($(wc -c < "$FILE") bytes, $ROWS rows)"
i=0
while [ $i -lt "$RUNS" ]; do
    "$DATA/csv-bench" "$FILE"
    "$DATA/csv-bench" "$FILE" numbers
    i=$((i + 1))
done
python3 - "$FILE" "$RUNS" <<'PY'
import sys, time
import pandas
path, runs = sys.argv[1], int(sys.argv[2])
for label, kwargs in [("default dtypes", {}), ("all columns as str", {"dtype": str, "keep_default_na": False})]:
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        frame = pandas.read_csv(path, **kwargs)
        t = time.perf_counter() - t
        best = t if best is None else min(best, t)
    print(f"pandas {pandas.__version__} read_csv ({label}): {len(frame)} rows x {len(frame.columns)} columns, "
          f"best {best:.3f} s, {int(len(frame) / best)} rows/s")
PY
