#!/usr/bin/env python3
"""innaxe write benchmark: 1,000,000 rows x 12 columns to XLSX and CSV, innaxe against the
reference writers in the same run; prints rows/s, peak RSS, file size and the ratios.

    python3 bench/write/run.py                    # what `make bench-write` runs
    python3 bench/write/run.py --rows 100000      # quicker
    python3 bench/write/run.py --skip-slow        # without Python XlsxWriter (about 100 s per 1M rows)
    python3 bench/write/run.py --only innaxe,libxlsxwriter --runs 3

Every contender is a separate process measured by bench/run.py's launcher (wall clock of the
whole process, peak RSS from os.wait4). See bench/README.md, "Write benchmark".
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True
import run as readbench  # noqa: E402  (run_once, the RSS-honest launcher)

DATA = os.path.join(BENCH, "data")
OUT = os.path.join(DATA, "write")
MiB = 1024 * 1024
LIBXLSXWRITER_TARGET = 1.2   # innaxe XLSX time / libxlsxwriter time
RUST_TARGET = 1.0            # innaxe XLSX time / rust_xlsxwriter time
RSS_TARGET_MIB = 64


def say(msg=""):
    print(msg, flush=True)


def build():
    """Compile the drivers; return {name: reason it is unusable or None}."""
    state = {}
    os.makedirs(OUT, exist_ok=True)
    log = os.path.join(DATA, "logs")
    os.makedirs(log, exist_ok=True)
    say("building SpreadsheetIO (release) and the innaxe driver ...")
    with open(os.path.join(log, "write-build.log"), "w") as f:
        code = subprocess.call(["swift", "build", "-c", "release", "--target", "SpreadsheetIO"], cwd=ROOT, stdout=f,
                               stderr=subprocess.STDOUT)
        if code == 0:
            inc = subprocess.run(["pkg-config", "--cflags-only-I", "libxml-2.0", "libzip"], capture_output=True,
                                 text=True).stdout.split()
            objects = sorted(os.path.join(ROOT, ".build/release/SpreadsheetIO.build", o)
                             for o in os.listdir(os.path.join(ROOT, ".build/release/SpreadsheetIO.build")) if o.endswith(".o"))
            cmd = ["swiftc", "-O", "-I", os.path.join(ROOT, ".build/release/Modules"),
                   "-Xcc", "-fmodule-map-file=" + os.path.join(ROOT, "Sources/CLibzip/module.modulemap"),
                   "-Xcc", "-fmodule-map-file=" + os.path.join(ROOT, "Sources/CLibXML2/module.modulemap")]
            for i in inc:
                cmd += ["-Xcc", i]
            cmd += [os.path.join(HERE, "innaxe_writer.swift")] + objects + ["-lzip", "-lxml2", "-o",
                                                                            os.path.join(DATA, "innaxe-write-bench")]
            code = subprocess.call(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT)
    state["innaxe"] = None if code == 0 else "build failed, see bench/data/logs/write-build.log"
    for name, src, flags in [("libxlsxwriter", "libxlsxwriter_driver.c", ["-lxlsxwriter", "-lm"]),
                             ("xmltextwriter", "xmltextwriter_sheet.c", None)]:
        if flags is None:
            flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0"], capture_output=True,
                                   text=True).stdout.split() + ["-lm"]
        binary = os.path.join(DATA, name + "-driver")
        p = subprocess.run(["gcc", "-O2", os.path.join(HERE, src), "-o", binary] + flags, capture_output=True, text=True)
        state[name] = None if p.returncode == 0 else ("not installed (apt-get install libxlsxwriter-dev)"
                                                      if name == "libxlsxwriter" else "gcc failed: " + readbench.first_line(p.stderr))
    for module, dist in [("xlsxwriter", "xlsxwriter"), ("rustpy_xlsxwriter", "rustpy-xlsxwriter")]:
        if importlib.util.find_spec(module) is None:
            say(f"installing {dist} with pip ...")
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", dist], capture_output=True)
            importlib.invalidate_caches()
        state[module] = None if importlib.util.find_spec(module) else f"{dist} not installed (pip install failed)"
    return state


def contenders(rows):
    drv = os.path.join(DATA, "innaxe-write-bench")
    py = [sys.executable, os.path.join(HERE, "reference_writers.py")]
    o = lambda name: os.path.join(OUT, name)  # noqa: E731
    return [
        # name, format, command, environment, needs, output file
        ("innaxe", "xlsx", [drv, "xlsx", str(rows), o("innaxe.xlsx")], {}, "innaxe"),
        ("innaxe, plain spool", "xlsx", [drv, "xlsx", str(rows), o("innaxe-plain.xlsx")], {"INNAXE_XLSX_SPOOL": "plain"}, "innaxe"),
        ("innaxe, shared strings", "xlsx", [drv, "xlsx", str(rows), o("innaxe-shared.xlsx"), "shared"], {}, "innaxe"),
        ("libxlsxwriter (C)", "xlsx", [os.path.join(DATA, "libxlsxwriter-driver"), str(rows), o("libxlsxwriter.xlsx")], {}, "libxlsxwriter"),
        ("rust_xlsxwriter", "xlsx", py + ["rustpy", str(rows), o("rust.xlsx")], {}, "rustpy_xlsxwriter"),
        ("XlsxWriter (Python)", "xlsx", py + ["xlsxwriter", str(rows), o("xlsxwriter.xlsx")], {}, "xlsxwriter"),
        ("xmlTextWriter, XML only", "xml", [os.path.join(DATA, "xmltextwriter-driver"), str(rows), o("xmltextwriter.xml")], {}, "xmltextwriter"),
        ("innaxe", "csv", [drv, "csv", str(rows), o("innaxe.csv")], {}, "innaxe"),
        ("Python csv module", "csv", py + ["csv", str(rows), o("python.csv")], {}, None),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=int(os.environ.get("BENCH_WRITE_ROWS", 1_000_000)))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_WRITE_RUNS", 3)),
                    help="interleaved rounds, best time kept (default 3; Python XlsxWriter runs in the first only)")
    ap.add_argument("--only", help="comma-separated names (prefix match): innaxe,libxlsxwriter,rust,XlsxWriter,xmlTextWriter,Python csv")
    ap.add_argument("--skip-slow", action="store_true", help="leave out Python XlsxWriter")
    args = ap.parse_args()
    timeout = float(os.environ.get("BENCH_TIMEOUT", 900))

    state = build()
    load = os.getloadavg()
    say(f"\nwrite benchmark: {args.rows:,} data rows + header, 12 columns; load average {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} on {os.cpu_count()} cores; best of {args.runs} interleaved rounds\n")
    results = []
    todo = contenders(args.rows)
    if args.only:
        wanted = [w.strip().lower() for w in args.only.split(",")]
        todo = [c for c in todo if any(c[0].lower().startswith(w) for w in wanted)]
    if args.skip_slow:
        todo = [c for c in todo if not c[0].startswith("XlsxWriter")]
    for name, fmt, cmd, env, needs in todo:
        results.append({"name": name, "format": fmt, "time": None, "rss": 0, "size": None,
                        "skipped": state.get(needs) if needs else None})
    # Rounds, each running every contender once, so a busy spell on the shared machine hits all
    # of them rather than one; each keeps its best time. The slow Python writer runs once.
    for round_ in range(args.runs):
        load = os.getloadavg()[0]
        say(f"round {round_ + 1} of {args.runs} (load average {load:.2f})")
        for (name, fmt, cmd, env, needs), r in zip(todo, results):
            if r["skipped"] or (round_ > 0 and name.startswith("XlsxWriter")):
                continue
            out = next(a for a in reversed(cmd) if a.startswith(OUT))
            if os.path.exists(out):
                os.remove(out)
            saved = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            say(f"  running {name} ({fmt}) ...")
            code, wall, rss, stdout, stderr = readbench.run_once(cmd, timeout)
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            if code != 0:
                r["skipped"] = f"exit {code}: {readbench.first_line(stderr) or readbench.first_line(stdout)}"
                continue
            m = re.search(r"rows:\s*(\d+)", stdout)
            if not m or int(m.group(1)) != args.rows + 1:
                r["skipped"] = "wrong or missing row count"
                continue
            r["time"] = wall if r["time"] is None else min(r["time"], wall)
            call = re.search(r"call_s:\s*([\d.]+)", stdout)
            if call:
                r["call"] = min(float(call.group(1)), r.get("call", float("inf")))
            r["rss"] = max(r["rss"], rss)
            r["size"] = os.path.getsize(out)

    rows = args.rows + 1
    say("")
    say(f"{'writer':<26} {'out':<5} {'time s':>8} {'rows/s':>11} {'RSS MiB':>9} {'file MiB':>9}")
    say(f"{'-' * 26} {'-' * 5} {'-' * 8} {'-' * 11} {'-' * 9} {'-' * 9}")
    for r in results:
        if r["skipped"]:
            say(f"{r['name']:<26} {r['format']:<5} skipped: {r['skipped']}")
            continue
        note = f"  (library call alone {r['call']:.2f} s)" if "call" in r else ""
        say(f"{r['name']:<26} {r['format']:<5} {r['time']:>8.2f} {rows / r['time']:>11,.0f} {r['rss'] / 1024:>9.1f} "
            f"{r['size'] / MiB:>9.1f}{note}")

    def get(name, fmt="xlsx"):
        for r in results:
            if r["name"] == name and r["format"] == fmt and not r["skipped"]:
                return r
        return None

    def ratio(label, a, b, target=None, below=True):
        if not a or not b:
            say(f"{label:<58} n/a")
            return
        x = a["time"] / b["time"]
        verdict = "" if target is None else ("  target ≤ %.1f×: %s" % (target, "met" if x <= target else "NOT met")) if below else ""
        say(f"{label:<58} {x:>6.2f}×{verdict}")

    say("\nratios (time over time; below 1 means the first is faster)")
    inn = get("innaxe")
    ratio("innaxe XLSX / libxlsxwriter (C, constant_memory)", inn, get("libxlsxwriter (C)"), LIBXLSXWRITER_TARGET)
    rust = get("rust_xlsxwriter")
    if inn and rust:
        x = inn["time"] / rust["time"]
        say(f"{'innaxe XLSX / rust_xlsxwriter (rustpy-xlsxwriter)':<58} {x:>6.2f}×  target < 1: {'met' if x < RUST_TARGET else 'NOT met'}")
    else:
        ratio("innaxe XLSX / rust_xlsxwriter (rustpy-xlsxwriter)", inn, rust)
    ratio("innaxe XLSX / XlsxWriter (Python, constant_memory)", inn, get("XlsxWriter (Python)"))
    if inn:
        mib = inn["rss"] / 1024
        say(f"{'innaxe XLSX peak RSS':<58} {mib:>6.1f} MiB  target < {RSS_TARGET_MIB} MiB: {'met' if mib < RSS_TARGET_MIB else 'NOT met'}")
    say("design choices (same data):")
    ratio("  innaxe deflating spool / plain spool (spool file, then zip)", inn, get("innaxe, plain spool"))
    ratio("  innaxe inline strings / shared-strings table", inn, get("innaxe, shared strings"))
    ratio("  innaxe whole XLSX / xmlTextWriter producing the XML alone", inn, get("xmlTextWriter, XML only", "xml"))
    ratio("innaxe CSV / Python csv module", get("innaxe", "csv"), get("Python csv module", "csv"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
