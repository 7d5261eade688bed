#!/usr/bin/env python3
"""innaxe read benchmark: generate data, run every contender, print the table.

    python3 bench/run.py                 # 100k and 1M rows (what `make bench` runs)
    python3 bench/run.py --quick         # 100k rows only, one run each, no openpyxl
    python3 bench/run.py --runs-100k 5 --runs-1m 2
    python3 bench/run.py --only innaxe,floor --no-build

Environment: BENCH_RUNS_100K (default 3), BENCH_RUNS_1M (default 1),
BENCH_TIMEOUT (seconds per run, default 900), INNAXE (binary to use instead
of building .build/release/innaxe).

Standard library only; the contenders run as separate processes, each timed
by wall clock, with its own peak RSS taken from os.wait4().
See bench/README.md for what is measured and how to read the ratios.
"""

import argparse
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import generate  # noqa: E402  (stdlib only, and small: keeps this process lean)

LOG_DIR = os.path.join(HERE, "data", "logs")
FLOOR_SRC = os.path.join(HERE, "floor.c")
FLOOR_BIN = os.path.join(HERE, "floor")
CONTENDERS_PY = os.path.join(HERE, "contenders.py")
MiB = 1024 * 1024

XLSX_TARGET = 1.5      # innaxe XLSX time / floor time
RSS_TARGET_MIB = 64    # innaxe peak RSS on the 1M-row sheet
CSV_TARGET = 2.0       # innaxe CSV time / pandas.read_csv time

PY_PACKAGES = {"python_calamine": "python-calamine", "pandas": "pandas", "openpyxl": "openpyxl"}


def rel(path):
    return os.path.relpath(path, ROOT)


def say(msg=""):
    print(msg, flush=True)


# ---------------------------------------------------------------------------
# Running one process and measuring it
# ---------------------------------------------------------------------------

# Why a launcher: Linux carries the parent's RSS into a child at fork/exec, so a
# child's ru_maxrss is never below what the parent had then. This harness is a
# full Python process (about 20 MiB); measured directly, every lean contender
# would read as 20 MiB. So each contender is forked by this minimal launcher
# (`python3 -S -I`: no site, only builtins, a few MiB of private memory, which a
# fork copies) and the launcher's os.wait4() on it gives that child's own peak.
# It also times the child from fork to reaping, without its own start-up.
LAUNCHER = r"""
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    except OSError as e:
        os.write(2, ("cannot run %s: %s\n" % (cmd[0], e.strerror)).encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write("%d %.6f\n" % (usage.ru_maxrss, wall))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run_once(cmd, timeout):
    """Run cmd through the launcher; return (exit code, wall s, peak RSS KiB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rusage") as usage_file:
        launcher = [sys.executable, "-S", "-I", "-c", LAUNCHER, usage_file.name]
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(launcher + cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    cwd=ROOT, start_new_session=True)
        except OSError as e:
            return None, 0.0, 0, "", str(e)

        def kill():
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, _ = os.wait4(proc.pid, 0)
        timed_out = time.perf_counter() - t0 >= timeout
        timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        fields = usage_file.read().split()
        if timed_out:
            return code or -9, 0.0, 0, stdout, f"timed out after {timeout:.0f} s"
        if len(fields) != 2:
            return code or 1, 0.0, 0, stdout, "launcher failed: " + first_line(stderr)
        return code, float(fields[1]), int(fields[0]), stdout, stderr


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


class Result:
    def __init__(self, name):
        self.name = name
        self.skipped = None    # reason, when the contender could not be measured
        self.wall = None       # best wall-clock time of the whole process (s)
        self.read = None       # best in-process time of the read call (Python contenders)
        self.rss_kib = 0       # highest peak RSS over the runs
        self.cells = None
        self.rows = None
        self.runs = 0
        self.expected_cells = None

    @property
    def time(self):
        """The figure used for rates and ratios: the library call for Python
        contenders, the whole process for native ones."""
        return self.read if self.read is not None else self.wall


def measure(r, cmd, timeout):
    """Run cmd once into the Result r: keep the best time and the highest peak RSS."""
    if r.skipped:
        return
    code, wall, rss, stdout, stderr = run_once(cmd, timeout)
    if code != 0:
        why = first_line(stderr) or first_line(stdout) or "no output"
        r.skipped = f"exit {code}: {why}" if code is not None else why
        return
    m = re.search(r"cells:\s*([\d,_]+)", stdout)
    if not m:
        r.skipped = "no 'cells: N' line in its output"
        return
    r.runs += 1
    r.cells = int(re.sub(r"[,_]", "", m.group(1)))
    m = re.search(r"rows:\s*([\d,_]+)", stdout)
    r.rows = int(re.sub(r"[,_]", "", m.group(1))) if m else None
    r.wall = wall if r.wall is None else min(r.wall, wall)
    m = re.search(r"read_s:\s*([\d.]+)", stdout)
    if m:
        read = float(m.group(1))
        r.read = read if r.read is None else min(r.read, read)
    r.rss_kib = max(r.rss_kib, rss)


# ---------------------------------------------------------------------------
# Preparing the contenders
# ---------------------------------------------------------------------------

def build_floor():
    if os.path.exists(FLOOR_BIN) and os.path.getmtime(FLOOR_BIN) >= os.path.getmtime(FLOOR_SRC):
        return None
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"],
                               capture_output=True, text=True, check=True).stdout.split()
        cmd = ["gcc", "-O2", FLOOR_SRC, "-o", FLOOR_BIN] + flags
        say("compiling the floor: gcc -O2 bench/floor.c -o bench/floor "
            "$(pkg-config --cflags --libs libzip libxml-2.0)")
        p = subprocess.run(cmd, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as e:
        return f"cannot compile floor.c: {e}"
    if p.returncode != 0:
        return "floor.c did not compile: " + first_line(p.stderr)
    return None


def build_innaxe(no_build):
    """Return (binary path, reason it is unusable or None)."""
    if os.environ.get("INNAXE"):
        path = os.environ["INNAXE"]
        return path, None if os.access(path, os.X_OK) else f"INNAXE={path} is not executable"
    binary = os.path.join(".build", "release", "innaxe")  # relative to ROOT, where it runs
    if not no_build:
        os.makedirs(LOG_DIR, exist_ok=True)
        log = os.path.join(LOG_DIR, "swift-build.log")
        say("building innaxe: swift build -c release --product innaxe "
            f"(log: {rel(log)}) ...")
        t0 = time.perf_counter()
        try:
            with open(log, "w") as f:
                code = subprocess.call(["swift", "build", "-c", "release", "--product", "innaxe"],
                                       stdout=f, stderr=subprocess.STDOUT, cwd=ROOT)
        except OSError as e:
            return binary, f"swift build could not start: {e}"
        if code != 0:
            return binary, f"swift build failed (exit {code}), see {rel(log)}"
        say(f"  built in {time.perf_counter() - t0:.1f} s")
    if not os.access(os.path.join(ROOT, binary), os.X_OK):
        return binary, f"{binary} not found"
    return binary, None


def python_packages():
    """Return {module: reason it is unusable or None}; pip-installs what is missing."""
    missing = [m for m in PY_PACKAGES if importlib.util.find_spec(m) is None]
    if missing:
        names = [PY_PACKAGES[m] for m in missing]
        say(f"installing missing Python packages: {' '.join(names)}")
        p = subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + names,
                           capture_output=True, text=True)
        importlib.invalidate_caches()
        if p.returncode != 0:
            say("  pip install failed: " + first_line(p.stderr))
    state = {}
    for m in PY_PACKAGES:
        ok = importlib.util.find_spec(m) is not None
        state[m] = None if ok else f"{PY_PACKAGES[m]} not installed (pip install failed)"
    return state


def versions():
    from importlib import metadata
    out = []
    for dist in PY_PACKAGES.values():
        try:
            out.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(out)


def warm(path):
    """Read a file once so that no contender pays for the disk."""
    with open(path, "rb", buffering=0) as f:
        buf = bytearray(MiB)
        while f.readinto(buf):
            pass


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

def fmt_num(x, digits=0):
    if x is None:
        return "-"
    return f"{x:,.{digits}f}"


def print_file_table(title, results, rows, data_bytes, expected_cells, rss_floor_kib):
    say()
    say(title)
    head = f"  {'contender':<17}{'time s':>8}{'wall s':>8}{'rows/s':>12}{'MiB/s':>8}{'RSS MiB':>9}  note"
    say(head)
    say("  " + "-" * (len(head) + 20))
    for r in results:
        if r.skipped == "not selected":
            continue
        if r.skipped:
            say(f"  {r.name:<17}{'-':>8}{'-':>8}{'-':>12}{'-':>8}{'-':>9}  skipped: {r.skipped}")
            continue
        t = r.time
        rss = r.rss_kib / 1024
        rss_txt = fmt_num(rss, 1)
        notes = []
        if r.rss_kib <= rss_floor_kib:
            rss_txt = "<=" + fmt_num(rss_floor_kib / 1024, 1)
        if r.cells != expected_cells:
            notes.append(f"cells {r.cells:,} != expected {expected_cells:,}")
        notes.append(f"best of {r.runs}")
        say(f"  {r.name:<17}{t:>8.3f}{r.wall:>8.3f}{fmt_num(rows / t):>12}"
            f"{fmt_num(data_bytes / MiB / t, 1):>8}{rss_txt:>9}  {'; '.join(notes)}")


def ratio_line(label, num, den, target=None, den_name=""):
    if num is None or num.skipped:
        value, verdict = "-", "n/a (innaxe skipped)"
    elif den is None or den.skipped:
        value, verdict = "-", f"n/a ({den_name} skipped)"
    else:
        x = num.time / den.time
        value = f"{x:.2f}x"
        verdict = "" if target is None else ("met" if x <= target else "NOT met")
        if num.cells != num.expected_cells:
            verdict += " - innaxe's cell count is wrong (see table)"
    tgt = f"target <= {target}x" if target is not None else "context"
    say(f"  {label:<44}{value:>8}   {tgt:<16} {verdict}")


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100k rows only, one run each, no openpyxl")
    ap.add_argument("--runs-100k", type=int, default=int(os.environ.get("BENCH_RUNS_100K", 3)))
    ap.add_argument("--runs-1m", type=int, default=int(os.environ.get("BENCH_RUNS_1M", 1)))
    ap.add_argument("--only", default="", help="comma-separated contenders: "
                    "innaxe,floor,calamine,openpyxl,pandas")
    ap.add_argument("--no-build", action="store_true", help="do not run swift build")
    args = ap.parse_args()
    timeout = float(os.environ.get("BENCH_TIMEOUT", 900))
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - {"innaxe", "floor", "calamine", "openpyxl", "pandas"}
    if unknown:
        ap.error(f"unknown contender(s) in --only: {', '.join(sorted(unknown))}")

    def wanted(name):
        return not only or name in only

    sizes = [(100_000, 1)] if args.quick else [(100_000, args.runs_100k), (1_000_000, args.runs_1m)]

    say(f"innaxe read benchmark - {os.cpu_count()} cores, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if os.getloadavg()[0] > 0.5 * (os.cpu_count() or 1):
        say("  note: the machine is busy; times are noisy (best of N helps, re-run to confirm)")

    # 1. data
    manifests = {}
    for rows, _ in sizes:
        manifests[rows], _ = generate.ensure(rows, log=say)

    # 2. contenders
    floor_err = build_floor() if wanted("floor") else "not selected"
    innaxe_bin, innaxe_err = build_innaxe(args.no_build) if wanted("innaxe") else (None, "not selected")
    py = python_packages() if any(wanted(n) for n in ("calamine", "openpyxl", "pandas")) else {}
    say(f"Python contenders: {versions() or 'none'}")
    rss_floor_kib = run_once(["true"], 30)[2]
    say(f"peak RSS of an empty process under the launcher: {rss_floor_kib / 1024:.1f} MiB "
        "(lower peaks cannot be seen and show as '<=')")

    all_results = {}
    for rows, runs in sizes:
        m = manifests[rows]
        paths = generate.paths_for(rows)
        for p in (paths["xlsx"], paths["csv_utf8"], paths["csv_cp1252"]):
            warm(p)

        # Each file's contenders: (name, command, --only key, reason to skip or None, runs).
        # Commands use paths relative to the repository root, where they run.
        xlsx, utf8, cp1252 = (rel(paths[k]) for k in ("xlsx", "csv_utf8", "csv_cp1252"))
        pyc = [sys.executable, rel(CONTENDERS_PY)]
        plans = {
            "xlsx": [
                ("innaxe", [innaxe_bin, "stats", xlsx], "innaxe", innaxe_err, runs),
                ("floor (C)", [rel(FLOOR_BIN), xlsx], "floor", floor_err, runs),
                ("python-calamine", pyc + ["calamine", xlsx], "calamine", py.get("python_calamine"), runs),
            ],
            "csv_utf8": [
                # Numbers typed like pandas does, so both sides do the same work.
                ("innaxe", [innaxe_bin, "stats", utf8, "--decimal-separator", "."], "innaxe", innaxe_err, runs),
                ("pandas.read_csv", pyc + ["pandas", utf8, ",", ".", "utf-8-sig"],
                 "pandas", py.get("pandas"), runs),
            ],
            "csv_cp1252": [
                ("innaxe", [innaxe_bin, "stats", cp1252, "--decimal-separator", ","],
                 "innaxe", innaxe_err, runs),
                ("pandas.read_csv", pyc + ["pandas", cp1252, ";", ",", "cp1252", "VRAI", "FAUX"],
                 "pandas", py.get("pandas"), runs),
            ],
        }
        if rows <= 100_000 and not args.quick:
            # openpyxl is slow: one run, 100k only, as context.
            plans["xlsx"].append(("openpyxl", pyc + ["openpyxl", xlsx],
                                  "openpyxl", py.get("openpyxl"), 1))

        say()
        say(f"running {rows:,} rows (best of {runs}) ...")
        results = {}
        for kind, plan in plans.items():
            results[kind] = []
            for name, cmd, key, reason, n in plan:
                r = Result(name)
                r.expected_cells = m["non_empty_cells"]
                r.skipped = reason if wanted(key) else "not selected"
                results[kind].append((r, cmd, n))
        # Round-robin over contenders so a noisy moment does not hit one contender's runs only.
        for round_ in range(max(runs, 1)):
            for kind in plans:
                for r, cmd, n in results[kind]:
                    if round_ < n and not r.skipped:
                        say(f"  [{round_ + 1}/{n}] {r.name:<16} {os.path.basename(paths[kind])}")
                        measure(r, cmd, timeout)
        all_results[rows] = {k: [r for r, _, _ in v] for k, v in results.items()}

    # 3. report
    say()
    say("=" * 100)
    say("Results: 'time s' is what rates and ratios use - the whole process for innaxe and the floor,")
    say("the library call alone for Python contenders ('wall s' is their whole process, interpreter")
    say("and import included). MiB/s is uncompressed sheet XML for XLSX, file bytes for CSV.")
    for rows, _ in sizes:
        m = manifests[rows]
        paths = generate.paths_for(rows)
        res = all_results[rows]
        exp = m["non_empty_cells"]
        print_file_table(
            f"{os.path.basename(paths['xlsx'])}: {m['sheet_rows']:,} rows x {m['columns']} cols, "
            f"{exp:,} cells, xlsx {m['xlsx_bytes'] / MiB:.1f} MiB, sheet XML {m['sheet_xml_bytes'] / MiB:.1f} MiB",
            res["xlsx"], m["sheet_rows"], m["sheet_xml_bytes"], exp, rss_floor_kib)
        for kind in ("csv_utf8", "csv_cp1252"):
            key = kind + "_bytes"
            print_file_table(
                f"{os.path.basename(paths[kind])}: {m[key] / MiB:.1f} MiB",
                res[kind], m["sheet_rows"], m[key], exp, rss_floor_kib)

    say()
    say("Ratios (innaxe time / other time; below 1 means innaxe is faster) and targets")
    summary = {}
    for rows, _ in sizes:
        res = all_results[rows]
        label = generate.label_for(rows)
        by = {k: {r.name: r for r in v} for k, v in res.items()}
        inx = by["xlsx"].get("innaxe")
        ratio_line(f"{label} xlsx  innaxe / floor", inx, by["xlsx"].get("floor (C)"), XLSX_TARGET, "floor")
        ratio_line(f"{label} xlsx  innaxe / python-calamine", inx, by["xlsx"].get("python-calamine"),
                   None, "calamine")
        if "openpyxl" in by["xlsx"]:
            ratio_line(f"{label} xlsx  innaxe / openpyxl", inx, by["xlsx"]["openpyxl"], None, "openpyxl")
        for kind in ("csv_utf8", "csv_cp1252"):
            ratio_line(f"{label} {kind.replace('csv_', 'csv ')}  innaxe / pandas.read_csv",
                       by[kind].get("innaxe"), by[kind].get("pandas.read_csv"), CSV_TARGET, "pandas")
        if rows == 1_000_000:
            if inx is None or inx.skipped:
                verdict, value = "n/a (innaxe skipped)", "-"
            else:
                mib = inx.rss_kib / 1024
                value = f"{mib:.1f}"
                verdict = "met" if mib < RSS_TARGET_MIB else "NOT met"
            say(f"  {label + ' xlsx  innaxe peak RSS MiB':<44}{value:>8}   "
                f"{'target < ' + str(RSS_TARGET_MIB):<16} {verdict}")
        summary[label] = {k: [vars(r) for r in v] for k, v in res.items()}

    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    with open(os.path.join(HERE, "data", "last-run.json"), "w") as f:
        json.dump({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_average": os.getloadavg(),
                   "manifests": {generate.label_for(r): manifests[r] for r, _ in sizes},
                   "results": summary}, f, indent=2)
    say(f"\n(raw numbers: {rel(os.path.join(HERE, 'data', 'last-run.json'))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
