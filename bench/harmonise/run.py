#!/usr/bin/env python3
"""innaxe harmonisation benchmark: validate + harmonise a generated partner file, against
reading it only and against `frictionless validate` with an equivalent Table Schema.

    python3 bench/harmonise/run.py                # 100k and 1M observations (`make bench-harmonise`)
    python3 bench/harmonise/run.py --quick        # 100k only, one run each
    python3 bench/harmonise/run.py --runs-100k 5 --runs-1m 2
    python3 bench/harmonise/run.py --only innaxe --no-build

Environment: INNAXE (binary to use instead of building .build/release/innaxe), INNAXE_SCHEMA
(indicator schema, default mappings/schema.yaml), BENCH_RUNS_100K (default 3), BENCH_RUNS_1M
(default 1), BENCH_TIMEOUT (seconds per run, default 900).

Every contender is a separate process, timed by wall clock, its peak RSS taken with
os.wait4() by the read benchmark's launcher (bench/run.py). Standard library only; frictionless
is pip-installed if missing and skipped with a note if it cannot be.
See bench/harmonise/README.md for what is measured and how to read the ratios.
"""

import argparse
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
sys.dont_write_bytecode = True


def _load(name, path):
    """Import a script by path: bench/run.py and bench/generate.py share names with ours."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


readbench = _load("readbench_run", os.path.join(BENCH, "run.py"))   # launcher, build, helpers
data = _load("harmonise_generate", os.path.join(HERE, "generate.py"))



class _TrackingSubprocess:
    """bench/run.py's run_once starts each contender in a session of its own (so a timeout can
    kill its whole process group), which also shields it from Ctrl-C. Recording the process it
    starts lets an interrupted run kill it instead of leaving a minute of frictionless behind."""
    current = None

    def __getattr__(self, name):
        return getattr(subprocess, name)

    def Popen(self, *args, **kwargs):  # noqa: N802 (the name run_once calls)
        _TrackingSubprocess.current = subprocess.Popen(*args, **kwargs)
        return _TrackingSubprocess.current


readbench.subprocess = _TrackingSubprocess()


def _interrupted(signum, _frame):
    p = _TrackingSubprocess.current
    if p is not None and p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
    shutil.rmtree(OUT_DIR, ignore_errors=True)
    print(f"\ninterrupted (signal {signum}); the running contender was stopped", file=sys.stderr)
    sys.exit(128 + signum)


say, rel, first_line, fmt_num, MiB = readbench.say, readbench.rel, readbench.first_line, readbench.fmt_num, readbench.MiB
MAPPINGS = {"xlsx": os.path.join(HERE, "mappings", "bench-wide.yaml"), "csv": os.path.join(HERE, "mappings", "bench-long.yaml")}
TABLE_SCHEMAS = {"xlsx": os.path.join(HERE, "frictionless", "wide.schema.json"),
                 "csv": os.path.join(HERE, "frictionless", "long.schema.json")}
OUT_DIR = os.path.join(BENCH, "data", "harmonise-out")
RESULTS = os.path.join(BENCH, "data", "harmonise-last-run.json")

HARMONISE_OVER_READ_TARGET = 1.5          # innaxe harmonise time / innaxe stats time
FRICTIONLESS_TARGET = {"csv": 20.0, "xlsx": 10.0}   # frictionless time / innaxe time, at least
RSS_TARGET_MIB = 200                      # innaxe validate / harmonise peak RSS on 1M observations
LIMIT_ERRORS = 100_000_000                # frictionless stops at 1,000 errors by default


class Result:
    def __init__(self, name, key):
        self.name = name
        self.key = key             # stats | validate | harmonise | frictionless
        self.skipped = None
        self.wall = None           # best wall-clock time of the whole process (s)
        self.inner = None          # best in-process time (frictionless: its own stats.seconds)
        self.rss_kib = 0
        self.runs = 0
        self.count = None          # cells (stats), observations (innaxe), rows (frictionless)
        self.summary = ""          # findings / errors, for the note column
        self.extrapolated = False  # frictionless on 1M: 10 x its 100k time
        self.expected_statuses = None  # harmonise: the manifest's obs_status counts
        self.status_check = None   # harmonise: what comparing them with harmonised.json gave

    @property
    def time(self):
        return self.inner if self.inner is not None else self.wall


# ---------------------------------------------------------------------------
# Parsing each contender's output
# ---------------------------------------------------------------------------

def parse_stats(stdout, _out_dir):
    m = re.search(r"cells:\s*([\d,_]+)", stdout)
    if not m:
        return None, "", None, "no 'cells: N' line in its output"
    return int(re.sub(r"[,_]", "", m.group(1))), "", None, None


def summarise_report(report):
    s = report.get("summary", {})
    obs = sum(i.get("observations", 0) for i in report.get("inputs", []))
    text = f"{s.get('error', 0)} err, {s.get('warning', 0)} warn, {s.get('info', 0)} info, {s.get('groups', 0)} groups"
    return obs, text


def parse_validate(stdout, _out_dir):
    try:
        report = json.loads(stdout)
    except ValueError:
        return None, "", None, "validate --json printed no JSON: " + first_line(stdout)
    obs, text = summarise_report(report)
    return obs, text, None, None


def parse_harmonise(_stdout, out_dir):
    path = os.path.join(out_dir, "validation-report.json")
    try:
        with open(path) as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        return None, "", None, f"no readable {rel(path)}: {e}"
    obs, text = summarise_report(report)
    size = sum(os.path.getsize(os.path.join(out_dir, n)) for n in os.listdir(out_dir))
    return obs, f"{text}; wrote {size / MiB:.0f} MiB", None, None


def parse_frictionless(stdout, _out_dir):
    try:
        report = json.loads(stdout[stdout.index("{"):])
        task = report["tasks"][0]
    except (ValueError, KeyError, IndexError):
        return None, "", None, "frictionless printed no JSON report: " + first_line(stdout)
    stats = task.get("stats", {})
    types = {}
    for e in task.get("errors", []):
        types[e.get("type")] = types.get(e.get("type"), 0) + 1
    text = f"valid={report.get('valid')}, {stats.get('errors', 0)} errors"
    if types:
        text += " (" + ", ".join(f"{k} {v}" for k, v in sorted(types.items(), key=lambda kv: -kv[1])[:3]) + ")"
    return stats.get("rows"), text, stats.get("seconds"), None


def check_statuses(path, expected):
    """Count obs_status in the harmonised JSON (outside the timed run) against the manifest:
    a fast engine that drops a provisional header or a marker proves nothing."""
    counts = {}
    try:
        with open(path, "rb") as f:
            for m in re.finditer(rb'"obs_status"\s*:\s*"([A-Z])"', f.read()):
                k = m.group(1).decode()
                counts[k] = counts.get(k, 0) + 1
    except OSError as e:
        return f"statuses not checked ({e.strerror})"
    if not counts:
        return "statuses not checked (no obs_status in harmonised.json)"
    if counts == expected:
        return "statuses as generated"
    diff = ", ".join(f"{k} {counts.get(k, 0):,} != {expected.get(k, 0):,}" for k in sorted(set(counts) | set(expected))
                     if counts.get(k, 0) != expected.get(k, 0))
    return "STATUSES DIFFER: " + diff


PARSERS = {"stats": parse_stats, "validate": parse_validate, "harmonise": parse_harmonise, "frictionless": parse_frictionless}


def measure(r, cmd, timeout, out_dir=None):
    """Run cmd once into r: keep the best time and the highest peak RSS."""
    if r.skipped:
        return
    if out_dir:
        shutil.rmtree(out_dir, ignore_errors=True)
    code, wall, rss, stdout, stderr = readbench.run_once(cmd, timeout)
    # validate and harmonise exit 1 when the data has errors: measured, and shown in the note.
    ok_codes = (0, 1) if r.key in ("validate", "harmonise", "frictionless") else (0,)
    if code not in ok_codes:
        why = first_line(stderr) or first_line(stdout) or "no output"
        r.skipped = f"exit {code}: {why}" if code is not None else why
        return
    count, summary, inner, problem = PARSERS[r.key](stdout, out_dir)
    if out_dir and r.expected_statuses is not None and r.status_check is None and not problem:
        r.status_check = check_statuses(os.path.join(out_dir, "harmonised.json"), r.expected_statuses)
    if out_dir:
        shutil.rmtree(out_dir, ignore_errors=True)
    if problem:
        r.skipped = problem
        return
    r.runs += 1
    r.count, r.summary = count, summary
    r.wall = wall if r.wall is None else min(r.wall, wall)
    if inner is not None:
        r.inner = inner if r.inner is None else min(r.inner, inner)
    r.rss_kib = max(r.rss_kib, rss)


# ---------------------------------------------------------------------------
# Preparing the contenders
# ---------------------------------------------------------------------------

def probe_innaxe(binary):
    """Which of stats / validate / harmonise the binary has, and whether they take --schema."""
    try:
        top = subprocess.run([binary, "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return {}, f"cannot run {binary}: {e}"
    have = {c: bool(re.search(rf"^\s+{c}\b", top, re.M)) for c in ("stats", "validate", "harmonise")}
    flags = {}
    for c in ("validate", "harmonise"):
        if have[c]:
            sub = subprocess.run([binary, c, "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60).stdout
            flags[c] = {f for f in ("--schema", "--rates", "--json") if f in sub}
    return {"commands": have, "flags": flags}, None


def find_schema(binary):
    """The indicator schema and rate table: INNAXE_SCHEMA, this checkout's mappings/, or the
    mappings/ of the checkout the INNAXE binary was built in (…/REPO/.build/release/innaxe)."""
    candidates = []
    if os.environ.get("INNAXE_SCHEMA"):
        candidates.append(os.path.abspath(os.environ["INNAXE_SCHEMA"]))
    candidates.append(os.path.join(ROOT, "mappings", "schema.yaml"))
    if binary:
        # The checkout holding the binary: the nearest parent with a Package.swift (not the
        # realpath: .build/release is a symlink into .build/<triple>/).
        d = os.path.dirname(os.path.abspath(os.path.join(ROOT, binary)))
        for _ in range(5):
            if os.path.exists(os.path.join(d, "Package.swift")):
                candidates.append(os.path.join(d, "mappings", "schema.yaml"))
                break
            d = os.path.dirname(d)
    for c in candidates:
        if os.path.exists(c):
            rates = os.path.join(os.path.dirname(c), "rates.yaml")
            return c, rates if os.path.exists(rates) else None
    return None, None


def _importable(modules):
    """Whether this interpreter imports `modules` from its own site-packages: asked in a child
    run from another directory, since this script's folder holds a `frictionless/` folder of
    Table Schemas that find_spec would take for the package."""
    p = subprocess.run([sys.executable, "-c", "import " + ", ".join(modules)], cwd=BENCH, capture_output=True, text=True)
    return p.returncode == 0


def frictionless_command():
    """Return (argv prefix, version, reason it is unusable or None); pip-installs if missing.
    openpyxl comes with it: frictionless reads XLSX through it."""
    if not _importable(["frictionless", "openpyxl"]):
        say("installing frictionless: python3 -m pip install -q frictionless openpyxl ...")
        p = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "frictionless", "openpyxl"], capture_output=True, text=True)
        if p.returncode != 0 or not _importable(["frictionless", "openpyxl"]):
            return None, None, "frictionless could not be installed (pip: " + (first_line(p.stderr) or "failed") + ")"
    from importlib import metadata
    try:
        version = metadata.version("frictionless")
    except metadata.PackageNotFoundError:
        version = "?"
    # The console script of this interpreter's frictionless, else the module.
    script = os.path.join(os.path.dirname(sys.executable), "frictionless")
    prefix = [script] if os.access(script, os.X_OK) else [sys.executable, "-m", "frictionless"]
    return prefix, version, None


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

def print_table(title, results, observations, sheet_rows, rss_floor_kib):
    say()
    say(title)
    head = f"  {'contender':<22}{'time s':>8}{'wall s':>8}{'obs/s':>12}{'rows/s':>12}{'RSS MiB':>9}  note"
    say(head)
    say("  " + "-" * (len(head) + 30))
    for r in results:
        if r.skipped == "not selected":
            continue
        if r.skipped:
            say(f"  {r.name:<22}{'-':>8}{'-':>8}{'-':>12}{'-':>12}{'-':>9}  skipped: {r.skipped}")
            continue
        t = r.time
        rss = "<=" + fmt_num(rss_floor_kib / 1024, 1) if r.rss_kib <= rss_floor_kib else fmt_num(r.rss_kib / 1024, 1)
        notes = []
        if r.extrapolated:
            notes.append("EXTRAPOLATED: 10 x the 100k time, not run on 1M")
            rss = "-"
        if r.key in ("validate", "harmonise") and r.count != observations:
            notes.append(f"observations {r.count:,} != expected {observations:,}")
        elif r.key in ("validate", "harmonise"):
            notes.append(f"{r.count:,} obs")
        if r.key == "frictionless" and r.count is not None:
            notes.append(f"{r.count:,} rows")
        if r.summary:
            notes.append(r.summary)
        if r.status_check:
            notes.append(r.status_check)
        if not r.extrapolated:
            notes.append(f"best of {r.runs}")
        wall = "-" if r.extrapolated else f"{r.wall:.3f}"
        say(f"  {r.name:<22}{t:>8.3f}{wall:>8}{fmt_num(observations / t):>12}{fmt_num(sheet_rows / t):>12}"
            f"{rss:>9}  {'; '.join(notes)}")


def verdict_line(label, value, target, met, note=""):
    say(f"  {label:<50}{value:>9}   {target:<16} {met}{(' - ' + note) if note else ''}")


def usable(r):
    return r is not None and not r.skipped and r.time


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100k observations only, one run each")
    ap.add_argument("--runs-100k", type=int, default=int(os.environ.get("BENCH_RUNS_100K", 3)))
    ap.add_argument("--runs-1m", type=int, default=int(os.environ.get("BENCH_RUNS_1M", 1)))
    ap.add_argument("--only", default="", help="comma-separated: innaxe,frictionless")
    ap.add_argument("--no-build", action="store_true", help="do not run swift build")
    args = ap.parse_args()
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _interrupted)
    timeout = float(os.environ.get("BENCH_TIMEOUT", 900))
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    if only - {"innaxe", "frictionless"}:
        ap.error(f"unknown contender(s) in --only: {', '.join(sorted(only - {'innaxe', 'frictionless'}))}")

    def wanted(name):
        return not only or name in only

    sizes = [(100_000, 1)] if args.quick else [(100_000, args.runs_100k), (1_000_000, args.runs_1m)]
    say(f"innaxe harmonisation benchmark - {os.cpu_count()} cores, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if os.getloadavg()[0] > 0.5 * (os.cpu_count() or 1):
        say("  note: the machine is busy; times are noisy (best of N helps, re-run to confirm)")

    # 1. data
    manifests = {n: data.ensure(n, log=say)[0] for n, _ in sizes}

    # 2. contenders
    innaxe_bin, innaxe_err = readbench.build_innaxe(args.no_build) if wanted("innaxe") else (None, "not selected")
    engine_err = innaxe_err
    schema = rates = None
    flags = {}
    if not innaxe_err:
        probe, err = probe_innaxe(innaxe_bin)
        if err:
            innaxe_err = engine_err = err
        else:
            flags = probe["flags"]
            if not probe["commands"]["stats"]:
                innaxe_err = "this innaxe has no stats command"
            missing = [c for c in ("validate", "harmonise") if not probe["commands"][c]]
            if missing:
                engine_err = "not available yet"
                say(f"innaxe {' and '.join(missing)}: not available yet (no such command in {innaxe_bin}); "
                    "timing the read-only baseline and frictionless only")
            else:
                schema, rates = find_schema(innaxe_bin)
                if not schema:
                    engine_err = "no mappings/schema.yaml found (set INNAXE_SCHEMA)"
        version = subprocess.run([os.path.join(ROOT, innaxe_bin) if not os.path.isabs(innaxe_bin) else innaxe_bin,
                                  "--version"], capture_output=True, text=True).stdout.strip()
        say(f"innaxe: {innaxe_bin} ({version or 'version unknown'})")
        if schema:
            say(f"  schema: {rel(schema)}" + (f", rates: {rel(rates)}" if rates else ""))
    fl_prefix, fl_version, fl_err = frictionless_command() if wanted("frictionless") else (None, None, "not selected")
    if fl_err and fl_err != "not selected":
        say(f"note: {fl_err}; frictionless is skipped")
    elif fl_prefix:
        say(f"frictionless {fl_version} ({' '.join(rel(p) if os.path.isabs(p) and p.startswith(ROOT) else os.path.basename(p) for p in fl_prefix)})")
    rss_floor_kib = readbench.run_once(["true"], 30)[2]
    say(f"peak RSS of an empty process under the launcher: {rss_floor_kib / 1024:.1f} MiB")

    def engine_args(command, mapping):
        a = ["--mapping", rel(mapping)]
        if schema and "--schema" in flags.get(command, ()):
            a += ["--schema", rel(schema)]
        if rates and "--rates" in flags.get(command, ()):
            a += ["--rates", rel(rates)]
        return a

    all_results = {}
    fl_100k = {}
    for n, runs in sizes:
        m = manifests[n]
        paths = data.paths_for(n)
        label = data.label_for(n)
        for k in ("xlsx", "csv"):
            readbench.warm(paths[k])
        wide = m["wide"]
        comment_rows = [wide["last_data_row"] + 1] + wide["footnote_rows"]   # the blank row and the footnotes
        fl_dialect = {
            "xlsx": {"headerRows": [wide["header_row"]], "commentRows": comment_rows, "excel": {"sheet": wide["sheet"]}},
            "csv": {"csv": {"delimiter": ";"}},
        }
        plans = {}
        for kind in ("xlsx", "csv"):
            f = rel(paths[kind])
            read_cmd = [innaxe_bin, "stats", f]
            if kind == "csv":
                read_cmd += ["--encoding", "cp1252", "--delimiter", ";", "--decimal-separator", ","]
            out = os.path.join(OUT_DIR, f"{label}-{kind}")
            fl_cmd = (fl_prefix or []) + ["validate", f, "--schema", rel(TABLE_SCHEMAS[kind]), "--json",
                                           "--limit-errors", str(LIMIT_ERRORS), "--dialect", json.dumps(fl_dialect[kind])]
            if kind == "csv":
                fl_cmd += ["--encoding", "cp1252"]
            plans[kind] = [
                (Result("innaxe stats (read)", "stats"), read_cmd, innaxe_err, None),
                (Result("innaxe validate", "validate"),
                 [innaxe_bin, "validate", f] + engine_args("validate", MAPPINGS[kind]) + ["--json"], engine_err, None),
                (Result("innaxe harmonise", "harmonise"),
                 [innaxe_bin, "harmonise", f] + engine_args("harmonise", MAPPINGS[kind]) + ["--out", rel(out)], engine_err, out),
                (Result("frictionless validate", "frictionless"), fl_cmd, fl_err, None),
            ]
            for r, _, reason, _ in plans[kind]:
                r.skipped = reason
                if r.key == "harmonise":
                    r.expected_statuses = m["wide" if kind == "xlsx" else "long"]["statuses"]
        say()
        say(f"running {n:,} observations (best of {runs}) ...")
        for round_ in range(max(runs, 1)):
            for kind, plan in plans.items():
                for r, cmd, _, out in plan:
                    if r.skipped:
                        continue
                    # frictionless is slow: one run on 1M, and the timeout falls back to 100k x 10.
                    if r.key == "frictionless" and n > 100_000 and round_ > 0:
                        continue
                    say(f"  [{round_ + 1}/{runs}] {r.name:<22} {os.path.basename(paths[kind])}")
                    measure(r, cmd, timeout, out)
                    if r.key == "frictionless" and r.skipped and "timed out" in r.skipped and kind in fl_100k:
                        base = fl_100k[kind]
                        say(f"    frictionless did not finish within BENCH_TIMEOUT={timeout:.0f} s; "
                            "using 10 x its 100k time, marked EXTRAPOLATED")
                        r.skipped, r.extrapolated, r.runs = None, True, 0
                        r.inner = base.time * n / 100_000
                        r.wall = base.wall * n / 100_000
                        r.count = None
                        r.summary = ""
        for kind in plans:
            fr = plans[kind][3][0]
            if n == 100_000 and usable(fr):
                fl_100k[kind] = fr
        all_results[n] = {kind: [p[0] for p in plan] for kind, plan in plans.items()}
        shutil.rmtree(OUT_DIR, ignore_errors=True)

    # 3. report
    say()
    say("=" * 110)
    say("Results: 'time s' is what rates and ratios use - the whole process for innaxe; for frictionless")
    say("its own validation time (report stats.seconds: after the interpreter started and imported it),")
    say("'wall s' being its whole process. obs/s = observations (value cells) / time; rows/s = sheet")
    say("rows (wide) or CSV records / time.")
    for n, _ in sizes:
        m = manifests[n]
        paths = data.paths_for(n)
        res = all_results[n]
        w, l = m["wide"], m["long"]
        print_table(f"{os.path.basename(paths['xlsx'])}: {n:,} observations in {w['data_rows']:,} rows x "
                    f"{len(range(m['years'][0], m['years'][1] + 1))} years, xlsx {w['bytes'] / MiB:.1f} MiB, "
                    f"sheet XML {w['sheet_xml_bytes'] / MiB:.1f} MiB",
                    res["xlsx"], n, w["sheet_rows"], rss_floor_kib)
        print_table(f"{os.path.basename(paths['csv'])}: {n:,} observations in {l['data_rows']:,} records, "
                    f"cp1252, {l['bytes'] / MiB:.1f} MiB", res["csv"], n, l["data_rows"] + 1, rss_floor_kib)
        for kind in ("xlsx", "csv"):
            st = res[kind][0]
            if usable(st) and st.count != m["wide" if kind == "xlsx" else "long"]["non_empty_cells"]:
                say(f"  note: innaxe stats counted {st.count:,} cells in the {kind.upper()}, the manifest says "
                    f"{m['wide' if kind == 'xlsx' else 'long']['non_empty_cells']:,}")

    say()
    say("Ratios and targets")
    summary = {}
    for n, _ in sizes:
        label = data.label_for(n)
        res = all_results[n]
        for kind in ("xlsx", "csv"):
            by = {r.key: r for r in res[kind]}
            st, va, ha, fr = by["stats"], by["validate"], by["harmonise"], by["frictionless"]
            shape = f"{label} {kind}"
            if usable(ha) and usable(st):
                x = ha.time / st.time
                verdict_line(f"{shape}  innaxe harmonise / read only", f"{x:.2f}x",
                             f"target <= {HARMONISE_OVER_READ_TARGET}x", "met" if x <= HARMONISE_OVER_READ_TARGET else "NOT met")
            else:
                verdict_line(f"{shape}  innaxe harmonise / read only", "-", f"target <= {HARMONISE_OVER_READ_TARGET}x",
                             "n/a (" + ("innaxe harmonise " + (ha.skipped or "") if not usable(ha) else "read-only skipped") + ")")
            if usable(va) and usable(st):
                verdict_line(f"{shape}  innaxe validate / read only", f"{va.time / st.time:.2f}x", "context", "")
            if usable(fr) and usable(st):
                # The ceiling: what frictionless / innaxe would be if checking cost nothing.
                verdict_line(f"{shape}  frictionless / innaxe read only", f"{fr.time / st.time:.1f}x", "context",
                             "the most validate or harmonise can reach" + (" (EXTRAPOLATED)" if fr.extrapolated else ""))
            target = FRICTIONLESS_TARGET[kind]
            for inx in (va, ha):
                lbl = f"{shape}  frictionless / innaxe {inx.key}"
                if usable(fr) and usable(inx):
                    x = fr.time / inx.time
                    note = "frictionless time EXTRAPOLATED from 100k" if fr.extrapolated else ""
                    verdict_line(lbl, f"{x:.1f}x", f"target >= {target:.0f}x", "met" if x >= target else "NOT met", note)
                else:
                    why = f"innaxe {inx.key} {inx.skipped}" if not usable(inx) else f"frictionless {fr.skipped}"
                    verdict_line(lbl, "-", f"target >= {target:.0f}x", f"n/a ({why})")
            if n == 1_000_000:
                for inx in (va, ha):
                    lbl = f"{shape}  innaxe {inx.key} peak RSS MiB"
                    if usable(inx):
                        mib = inx.rss_kib / 1024
                        verdict_line(lbl, f"{mib:.1f}", f"target < {RSS_TARGET_MIB}", "met" if mib < RSS_TARGET_MIB else "NOT met")
                    else:
                        verdict_line(lbl, "-", f"target < {RSS_TARGET_MIB}", f"n/a (innaxe {inx.key} {inx.skipped})")
        summary[label] = {k: [vars(r) for r in v] for k, v in res.items()}

    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        json.dump({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_average": os.getloadavg(),
                   "innaxe": innaxe_bin, "frictionless": fl_version,
                   "manifests": {data.label_for(n): manifests[n] for n, _ in sizes},
                   "results": summary}, f, indent=2, ensure_ascii=False)
    say(f"\n(raw numbers: {rel(RESULTS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
