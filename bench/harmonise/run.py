#!/usr/bin/env python3
"""innaxe harmonisation benchmark: validate and harmonise a generated 1,000,000-observation
partner file, as a long CSV and as a wide XLSX, against reading the same file only and against
`frictionless validate` with an equivalent Table Schema, all in the same run.

    python3 bench/harmonise/run.py            # 1M observations (what `make bench-harmonise` runs)
    python3 bench/harmonise/run.py --quick    # 100k observations
    python3 bench/harmonise/run.py --observations 250000 --no-frictionless --no-build

Every contender runs as its own process through bench/run.py's launcher (wall clock, own peak
RSS from wait4). frictionless is installed with pip when missing, if pip can; otherwise its
rows say why they are skipped.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
sys.dont_write_bytecode = True
sys.path.insert(0, BENCH)
import importlib.util  # noqa: E402
_spec = importlib.util.spec_from_file_location("read_bench", os.path.join(BENCH, "run.py"))
_read_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_read_bench)
run_once = _read_bench.run_once  # the launcher that measures one process (wall clock, own peak RSS)
_spec = importlib.util.spec_from_file_location("make_data", os.path.join(HERE, "make_data.py"))
make_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_data)

TARGET_CSV = 20.0      # frictionless time / innaxe validate time, CSV
TARGET_XLSX = 10.0     # the same, XLSX
TARGET_READ = 1.5      # innaxe harmonise time / innaxe reading the file only
TARGET_RSS_MIB = 200


def say(msg=""):
    print(msg, flush=True)


def best(cmd, runs, timeout, ok_codes=(0, 1)):
    """Best wall time and highest peak RSS over `runs` runs; (None, None, reason) on failure."""
    walls, rss = [], 0
    for _ in range(runs):
        code, wall, rss_kib, out, err = run_once(cmd, timeout)
        if code not in ok_codes:
            return None, None, (err.strip().splitlines() or out.strip().splitlines() or ["exit %s" % code])[-1][:100]
        walls.append(wall)
        rss = max(rss, rss_kib)
    return min(walls), rss / 1024.0, None


def frictionless_available():
    if shutil.which("frictionless"):
        return True
    say("frictionless not found: pip install frictionless …")
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "frictionless"], capture_output=True, text=True)
    return r.returncode == 0 and shutil.which("frictionless") is not None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="100k observations")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "1")))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-frictionless", action="store_true")
    ap.add_argument("--timeout", type=float, default=float(os.environ.get("BENCH_TIMEOUT", "1800")))
    args = ap.parse_args()
    n = 100_000 if args.quick else args.observations

    innaxe = os.environ.get("INNAXE") or os.path.join(ROOT, ".build", "release", "innaxe")
    if not args.no_build and not os.environ.get("INNAXE"):
        say("building innaxe (release) …")
        subprocess.run(["swift", "build", "-c", "release", "--product", "innaxe"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    data = os.path.join(BENCH, "data", "harmonise-%d" % n)
    if not os.path.exists(os.path.join(data, "wide.xlsx")):
        say("generating %d observations in %s …" % (n, os.path.relpath(data, ROOT)))
        make_data.write_all(data, n)
        subprocess.run([innaxe, "convert", os.path.join(data, "wide.csv"), os.path.join(data, "wide.xlsx"), "--decimal-separator", "."], check=True,
                       stdout=subprocess.DEVNULL)
    schema = ["--schema", os.path.join(ROOT, "mappings", "schema.yaml"), "--rates", os.path.join(ROOT, "mappings", "rates.yaml")]
    long_csv, wide_xlsx = os.path.join(data, "long.csv"), os.path.join(data, "wide.xlsx")
    out = tempfile.mkdtemp(prefix="innaxe-bench-harmonise-")
    with_frictionless = not args.no_frictionless and frictionless_available()

    rows = []  # (file, contender, seconds, rss MiB, note)
    for label, path, mapping, resource in [("long CSV", long_csv, "long.yaml", "long.resource.json"),
                                           ("wide XLSX", wide_xlsx, "wide.yaml", "wide.resource.json")]:
        m = ["--mapping", os.path.join(data, mapping)] + schema
        contenders = [
            ("innaxe stats (read only)", [innaxe, "stats", path]),
            ("innaxe validate", [innaxe, "validate", path, "--no-info"] + m),
            ("innaxe harmonise (JSON+XLSX out)", [innaxe, "harmonise", path, "--out", out] + m),
        ]
        if with_frictionless:
            contenders.append(("frictionless validate", ["frictionless", "validate", os.path.join(data, resource)]))
        for name, cmd in contenders:
            say("  %-10s %-34s …" % (label, name))
            wall, rss, why = best(cmd, args.runs, args.timeout)
            rows.append((label, name, wall, rss, why))
        if not with_frictionless:
            rows.append((label, "frictionless validate", None, None, "not installed (pip install frictionless failed)"))
    shutil.rmtree(out, ignore_errors=True)

    say()
    say("Harmonisation benchmark: %s observations per file (%s), %d run(s) each, best wall time" % (format(n, ","), os.path.relpath(data, ROOT), args.runs))
    say()
    say("  %-10s  %-34s  %9s  %12s  %9s" % ("file", "contender", "seconds", "obs/s", "peak MiB"))
    say("  %-10s  %-34s  %9s  %12s  %9s" % ("─" * 10, "─" * 34, "─" * 9, "─" * 12, "─" * 9))
    times = {}
    for label, name, wall, rss, why in rows:
        times[(label, name)] = wall
        if wall is None:
            say("  %-10s  %-34s  %s" % (label, name, "skipped: " + (why or "?")))
        else:
            say("  %-10s  %-34s  %9.2f  %12s  %9.1f" % (label, name, wall, format(int(n / wall), ","), rss))
    say()

    def ratio(a, b):
        x, y = times.get(a), times.get(b)
        return None if x is None or y is None or y == 0 else x / y

    checks = []
    for label, target in [("long CSV", TARGET_CSV), ("wide XLSX", TARGET_XLSX)]:
        r = ratio((label, "frictionless validate"), (label, "innaxe validate"))
        checks.append(("frictionless / innaxe validate, %s" % label, r, ">= %.0fx" % target, r is not None and r >= target))
        r = ratio((label, "frictionless validate"), (label, "innaxe harmonise (JSON+XLSX out)"))
        checks.append(("frictionless / innaxe harmonise, %s" % label, r, "(info)", None))
    for label in ["long CSV", "wide XLSX"]:
        r = ratio((label, "innaxe validate"), (label, "innaxe stats (read only)"))
        checks.append(("innaxe validate / read only, %s" % label, r, "<= %.1fx" % TARGET_READ, r is not None and r <= TARGET_READ))
        r = ratio((label, "innaxe harmonise (JSON+XLSX out)"), (label, "innaxe stats (read only)"))
        checks.append(("innaxe harmonise / read only, %s" % label, r, "<= %.1fx" % TARGET_READ, r is not None and r <= TARGET_READ))
    peak = max((rss for label, name, wall, rss, why in rows if rss is not None and name.startswith("innaxe")), default=None)
    say("  %-44s  %8s  %8s  %s" % ("ratio", "value", "target", "met"))
    say("  %-44s  %8s  %8s  %s" % ("─" * 44, "─" * 8, "─" * 8, "───"))
    for name, value, target, met in checks:
        shown = "—" if value is None else "%.2fx" % value
        say("  %-44s  %8s  %8s  %s" % (name, shown, target, "" if met is None else ("yes" if met else "NO")))
    if peak is not None:
        say("  %-44s  %7.1fM  %8s  %s" % ("innaxe peak RSS (any run)", peak, "< %dM" % TARGET_RSS_MIB, "yes" if peak < TARGET_RSS_MIB else "NO"))
    say()
    say("Machine: %s; load average before the table: %s" % (os.uname().machine, ", ".join("%.2f" % x for x in os.getloadavg())))


if __name__ == "__main__":
    main()
