#!/usr/bin/env python3
"""The CPU floor under `harmonise / read <= 1.5x`, measured in one run on this machine.

    python3 bench/harmonise/floor.py            # the 1M long CSV (generated if missing)
    python3 bench/harmonise/floor.py 100000     # a smaller one

It times `innaxe stats` on the file (the read-only baseline of run.py), runs `innaxe harmonise`
once, and then deflates the harmonised workbook's Observations sheet with zlib at level 1 (the
fastest level libzip offers, the one the harmonised workbook uses) in this process. With two
cores, a run that may take 1.5x the read has at most 2 x 1.5 x read seconds of CPU; reading
itself uses about the read time of it. If deflating that one sheet takes more than what is left,
no engine, however fast, can meet the target while the workbook holds a row per observation.
Prints the arithmetic; never fails. Needs Python 3 and a release build (.build/release/innaxe).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "bench", "data")


def best_wall(cmd, runs=3):
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    return best


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 1_000_000
    label = "1m" if n == 1_000_000 else "%dk" % (n // 1000) if n % 1000 == 0 else str(n)
    binary = os.environ.get("INNAXE", os.path.join(ROOT, ".build", "release", "innaxe"))
    data = os.path.join(DATA, "harmonise_%s_long.csv" % label)
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(n)], check=True)
    schema = os.path.join(ROOT, "mappings")
    read = best_wall([binary, "stats", data, "--encoding", "cp1252", "--delimiter", ";", "--decimal-separator", ","])
    out = tempfile.mkdtemp(prefix="innaxe-floor-")
    try:
        t = time.perf_counter()
        subprocess.run([binary, "harmonise", data, "--mapping", os.path.join(HERE, "mappings", "bench-long.yaml"),
                        "--schema", os.path.join(schema, "schema.yaml"), "--rates", os.path.join(schema, "rates.yaml"),
                        "--out", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        harmonise = time.perf_counter() - t
        with zipfile.ZipFile(os.path.join(out, "harmonised.xlsx")) as z:
            xml = z.read("xl/worksheets/sheet1.xml")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    best = None
    for _ in range(2):
        t = time.process_time()
        c = zlib.compressobj(1, zlib.DEFLATED, -15)
        deflated = len(c.compress(xml)) + len(c.flush())
        elapsed = time.process_time() - t
        best = elapsed if best is None else min(best, elapsed)
    budget_wall = 1.5 * read
    budget_cpu = 2 * budget_wall
    left = budget_cpu - read
    print("%s: %d observations, load average %.2f" % (os.path.basename(data), n, os.getloadavg()[0]))
    print("  innaxe stats (read), best of 3          %7.2f s wall" % read)
    print("  innaxe harmonise, one run               %7.2f s wall   (%.1fx the read)" % (harmonise, harmonise / read))
    print("  target 1.5x the read                    %7.2f s wall = at most %.2f s CPU on 2 cores" % (budget_wall, budget_cpu))
    print("  left after reading                      %7.2f s CPU for the engine, the JSON, the workbook XML and its deflate" % left)
    print("  deflate of the Observations sheet alone %7.2f s CPU   (%.0f MB of XML -> %.1f MB, zlib level 1, %.0f MB/s)" % (
        best, len(xml) / 1e6, deflated / 1e6, len(xml) / best / 1e6))
    print("  verdict: %s" % ("the deflate alone exceeds what is left: the target cannot be met with this workbook"
                             if best > left else "the deflate fits; the rest of the work decides"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
