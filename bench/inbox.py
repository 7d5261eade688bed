#!/usr/bin/env python3
"""innaxe inbox benchmark: one `innaxe run` pass over 200 submissions, against a peer.

    python3 bench/inbox.py              # what `make bench-inbox` runs
    python3 bench/inbox.py --no-build   # use the existing .build/release/innaxe
    python3 bench/inbox.py --files 50   # a smaller inbox

200 files from six partners, in the fallback long-table format (what the workflow reads until
the mapping engine lands): two thirds CSV, one third XLSX; mostly small (20-200 rows), some
medium (1,000-5,000), a few large (20,000-50,000); eight re-dropped copies (duplicates) and
four broken files (rejections). Generated once, deterministically, into bench/data/inbox/.

Contenders, each on a fresh copy of the same workspace, in the same run:
  innaxe   `innaxe run --settle 0`: snapshot + SHA-256, read, validate, one SQLite transaction
           per file with supersession, move the original, then harmonised.json/.xlsx,
           validation-report.json/.xlsx and a feedback JSON + workbook per submission.
  peer     bench/inbox_peer.py: what a coordinator would script with pandas: read each file
           (read_csv / read_excel with openpyxl), insert its rows into SQLite in one
           transaction, move it to archive/, then write one JSON of all rows. It does less
           (no hashing, duplicates, validation, supersession, XLSX outputs or crash safety).

Prints files/s, rows/s, total time, peak RSS (from os.wait4, through bench/run.py's launcher)
and the time ratio. A benchmark, not a test: it never fails the build.
"""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "fixtures"))
import run as harness  # noqa: E402  (run_once, build_innaxe)
import make_workflow_fixtures as wf  # noqa: E402

DATA = os.path.join(HERE, "data", "inbox")
PARTNERS = {
    "biocat": ["ES51", "ES511", "ES512", "ES513", "ES514"],
    "medicen": ["FR10", "FR101", "FR102", "FR103", "FR104", "FR105"],
    "biorn": ["X-DE-RHEIN-NECKAR", "DE125", "DE126", "DE128", "DE12A"],
    "hlsc": ["BG", "BG31", "BG32", "BG33", "BG34", "BG41", "BG42"],
    "dlsc": ["DK", "DK01", "DK02", "DK03", "DK04", "DK05"],
    "cebr": ["BE2", "SE11", "NL33", "CH01", "IE06", "FI1B", "DE21", "ITC4"],
}
INDICATORS = ["ind_%02d" % i for i in range(60)]
YEARS = list(range(2015, 2026))
STATUSES = ["A"] * 12 + ["P", "E", "C", "M"]


def rows_for(rng, partner, n):
    keys = set()
    regions = PARTNERS[partner]
    space = len(INDICATORS) * len(regions) * len(YEARS)
    n = min(n, space)
    out = []
    while len(out) < n:
        k = (rng.choice(INDICATORS), rng.choice(regions), rng.choice(YEARS))
        if k in keys:
            continue
        keys.add(k)
        status = rng.choice(STATUSES)
        value = None if status in ("C", "M") else round(rng.uniform(0, 100000), rng.choice([0, 0, 2]))
        out.append((k[0], k[1], k[2], value, status, "count"))
    return out


def csv_text(rows):
    lines = ["indicator;region;year;value;status;unit"]
    for ind, reg, year, value, status, unit in rows:
        v = "" if value is None else (str(int(value)) if value == int(value) else ("%.2f" % value).replace(".", ","))
        lines.append("%s;%s;%d;%s;%s;%s" % (ind, reg, year, v, status, unit))
    return ("\n".join(lines) + "\n").encode()


def generate(files):
    """Writes DATA/<files>/NNN_<partner>_<name>; returns [(partner, name, rows)]."""
    folder = os.path.join(DATA, str(files))
    manifest = os.path.join(folder, "MANIFEST")
    if os.path.exists(manifest):
        with open(manifest) as f:
            return [tuple(line.split("\t")[:2]) + (int(line.split("\t")[2]),) for line in f.read().splitlines()]
    print("generating %d inbox files in %s ..." % (files, os.path.relpath(folder, ROOT)), flush=True)
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261202)
    entries = []
    written = []
    n_bad, n_dup = max(1, files // 50), max(1, files // 25)
    for i in range(files - n_bad - n_dup):
        partner = rng.choice(sorted(PARTNERS))
        r = rng.random()
        n = rng.randint(20_000, 50_000) if r < 0.05 else rng.randint(1_000, 5_000) if r < 0.25 else rng.randint(20, 200)
        rows = rows_for(rng, partner, n)
        if rng.random() < 1 / 3:
            name, data = "%03d-%s.xlsx" % (i, partner), wf.long_table_xlsx(rows)
        else:
            name, data = "%03d-%s.csv" % (i, partner), csv_text(rows)
        written.append((partner, name, data, len(rows)))
    for j in range(n_dup):
        partner, name, data, n = rng.choice(written)
        written.insert(rng.randint(0, len(written)), (partner, "copy%d-%s" % (j, name), data, n))
    bad = [(b"not a workbook at all\n", "notes.xlsx"), (wf.long_table_xlsx(rows_for(rng, "dlsc", 50))[:700], "cut.xlsx"),
           (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "old.xls"), (b"name;comment\nx;y\n", "other.csv")]
    for k in range(n_bad):
        data, name = bad[k % len(bad)]
        written.insert(rng.randint(0, len(written)), (rng.choice(sorted(PARTNERS)), "bad%d-%s" % (k, name), data, 0))
    for idx, (partner, name, data, n) in enumerate(written):
        with open(os.path.join(folder, "%03d_%s_%s" % (idx, partner, name)), "wb") as f:
            f.write(data)
        entries.append((partner, "%03d_%s_%s" % (idx, partner, name), n))
    with open(manifest, "w") as f:
        f.write("".join("%s\t%s\t%d\n" % e for e in entries))
    return entries


def workspace(binary, entries, files):
    root = tempfile.mkdtemp(prefix="innaxe-bench-inbox-")
    subprocess.run([os.path.join(ROOT, binary), "init", root] + sum((["--partner", p] for p in PARTNERS), []),
                   check=True, stdout=subprocess.DEVNULL)
    src = os.path.join(DATA, str(files))
    for partner, stored, _ in entries:  # in arrival order
        shutil.copyfile(os.path.join(src, stored), os.path.join(root, "inbox", partner, stored.split("_", 2)[2]))
    return root


def measured(cmd, timeout):
    """harness.run_once plus the CPU seconds (user + system) the command used: on a shared,
    loaded machine wall time swings with the neighbours, CPU time much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = harness.run_once(cmd, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result + (cpu,)


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args()
    binary, problem = harness.build_innaxe(args.no_build)
    if problem:
        print("innaxe unusable:", problem)
        return 1
    entries = generate(args.files)
    rows = sum(n for _, _, n in entries)
    xlsx = sum(1 for _, s, _ in entries if s.endswith(".xlsx"))
    print("inbox: %d files (%d XLSX, %d CSV), %s rows, six partners" % (len(entries), xlsx, len(entries) - xlsx, format(rows, ",")))
    results = []
    phases = []
    contenders = [("innaxe", lambda ws: [binary, "run", "--workspace", ws, "--settle", "0"])]
    if not args.no_peer:
        contenders.append(("peer (pandas+sqlite3)", lambda ws: [sys.executable, os.path.join(HERE, "inbox_peer.py"), ws]))
    for name, cmd in contenders:
        ws = workspace(binary, entries, args.files)
        try:
            code, wall, rss_kib, out, err, cpu = measured(cmd(ws), timeout=1800)
            left = sum(len(f) for _, _, f in os.walk(os.path.join(ws, "inbox")))
            tail = [l for l in out.splitlines() if "file(s):" in l or l.startswith("peer:")]
            results.append((name, code, wall, cpu, rss_kib, left, tail[-1] if tail else harness.first_line(err)))
            if name == "innaxe":
                # Where the time goes: a pass over the empty inbox rewrites the four outputs;
                # with out/feedback/ removed it also rewrites the 200 feedback workbooks + JSON.
                _, w_out, _, _, _, c_out = measured(cmd(ws), timeout=600)
                phases.append(("outputs (harmonised, validation report: XLSX + JSON)", w_out, c_out))
                shutil.rmtree(os.path.join(ws, "out", "feedback"), ignore_errors=True)
                _, w_fb, _, _, _, c_fb = measured(cmd(ws), timeout=600)
                phases.append(("feedback for %d submissions (XLSX + JSON)" % len(entries), w_fb - w_out, c_fb - c_out))
                phases.append(("taking the files (hash, read, validate, record, file)", wall - w_fb, cpu - c_fb))
        finally:
            shutil.rmtree(ws, ignore_errors=True)
    print()
    print("load average before: %.2f (2 cores shared; wall times swing with it, CPU times less)" % os.getloadavg()[0])
    print("%-22s %8s %8s %9s %10s %10s %6s  %s" % ("contender", "wall s", "CPU s", "files/s", "rows/s", "peak RSS", "left", "summary"))
    for name, code, wall, cpu, rss, left, summary in results:
        print("%-22s %8.2f %8.2f %9.1f %10s %7.1f MiB %6d  %s (exit %s)" % (
            name, wall, cpu, len(entries) / wall if wall else 0, format(int(rows / wall) if wall else 0, ","),
            rss / 1024, left, summary, code))
    if phases:
        print("\ninnaxe's pass, split by rerunning it on the finished workspace:")
        for label, seconds, cpu in phases:
            print("  %-58s %6.2f s wall %6.2f s CPU" % (label, seconds, cpu))
    if len(results) == 2 and results[0][2] and results[0][3]:
        print("\nratio peer / innaxe: %.2f× the wall time, %.2f× the CPU time, %.2f× the peak RSS" % (
            results[1][2] / results[0][2], results[1][3] / results[0][3], results[1][4] / max(results[0][4], 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
