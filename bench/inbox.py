#!/usr/bin/env python3
"""innaxe inbox benchmark: one `innaxe run` pass over 200 submissions, against a peer.

    python3 bench/inbox.py              # what `make bench-inbox` runs
    python3 bench/inbox.py --no-build   # use the existing .build/release/innaxe
    python3 bench/inbox.py --files 50   # a smaller inbox

200 files from the six partners, read with their real mappings (mappings/*.yaml): the partners'
sample files (fixtures/partners/, nine files in five layouts, Windows-1252/-1251 and UTF-8 CSV,
XLSX with merged headers, formulas, title rows) and variants of them with figures changed (so
each is a new submission that revises the last); some medium files (Medicen's CRM export grown
to every département and year, ~600 rows) and a few large ones (a CEBR network export, a long
CSV of 20,000-50,000 rows with its own mapping, cebr-network.yaml, written into the workspace);
eight re-dropped copies (duplicates) and four broken files (rejections). Generated once,
deterministically, into bench/data/inbox/.

Contenders, each on a fresh copy of the same workspace, in the same run:
  innaxe   `innaxe run --settle 0`: snapshot + SHA-256, read, validate, one SQLite transaction
           per file with supersession, move the original, then harmonised.json/.xlsx,
           validation-report.json/.xlsx and a feedback JSON + workbook per submission.
  peer     bench/inbox_peer.py: what a coordinator would script with pandas before any
           mapping: load each file raw (read_csv with a sniffed delimiter and a UTF-8/cp1252
           fallback, read_excel of every sheet with openpyxl), insert every non-empty cell into
           SQLite in one transaction, move it to archive/, then write one JSON of all cells. It
           does far less (no mapping, units, validation, hashing, duplicates, supersession,
           XLSX outputs or crash safety): a floor for "read everything once with pandas".

Prints files/s, total time, peak RSS (from os.wait4, through bench/run.py's launcher)
and the time ratio. A benchmark, not a test: it never fails the build.
"""
import argparse
import io
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "fixtures"))
import run as harness  # noqa: E402  (run_once, build_innaxe)
import importlib.util  # noqa: E402
_spec = importlib.util.spec_from_file_location("make_data", os.path.join(HERE, "harmonise", "make_data.py"))
make_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_data)

DATA = os.path.join(HERE, "data", "inbox")
FIXTURES = os.path.join(ROOT, "fixtures", "partners")
PARTNERS = ["biocat", "medicen", "biorn", "hlsc", "dlsc", "cebr"]
SAMPLES = [  # (partner, fixture file)
    ("biocat", "Biocat_Indicadors_BioRegio_2023.xlsx"),
    ("medicen", "medicen_export_indicateurs_2023.csv"),
    ("medicen", "Medicen_Tableau_de_bord_2019-2023.xlsx"),
    ("biorn", "BioRN_Kennzahlen_2023_final_v3.xlsx"),
    ("hlsc", "HLSC_pokazateli_2023.csv"),
    ("hlsc", "Показатели_2023.xlsx"),
    ("dlsc", "DLSC_nøgletal_2023.xlsx"),
    ("cebr", "CEBR_member_survey_2023_export.csv"),
    ("cebr", "CEBR_member_survey_2023_export.xlsx"),
]
NETWORK_MAPPING = "cebr-network.yaml"
NUMBER = re.compile(rb'(?<=[;,>"])(\d{2,7})(?=[;,<"\r\n])')


def revise(rng, data):
    """The same bytes with a few figures changed (never a year: 19xx/20xx stay)."""
    def bump(m):
        digits = m.group(1)
        if len(digits) == 4 and digits[:2] in (b"19", b"20"):
            return digits
        if rng.random() > 0.15:
            return digits
        return str(int(digits) + rng.randint(1, 9)).encode()
    revised = NUMBER.sub(bump, data)
    if revised == data:  # a small file drew no change: change its first figure
        revised = NUMBER.sub(lambda m: m.group(1) if len(m.group(1)) == 4 and m.group(1)[:2] in (b"19", b"20")
                             else str(int(m.group(1)) + 1).encode(), data, count=1)
    return revised


def revise_xlsx(rng, data):
    """A workbook with a few cached numbers of its worksheets changed, re-zipped."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                # Numeric cells only (no t= attribute: t="s" holds a shared-string index).
                def cell(m):
                    if b' t="' in m.group(1):
                        return m.group(0)
                    return m.group(1) + (m.group(2) or b"") + b"<v>" + revise(rng, b">" + m.group(3) + b"<")[1:-1] + b"</v>"
                body = re.sub(rb"(<c [^>]*>)(<f>[^<]*</f>)?<v>(\d{2,7})</v>", cell, body)
            dst.writestr(info, body)
    return out.getvalue()


def medicen_grown(rng):
    """Medicen's CRM export with every département and year from 2000 (Windows-1252, ;)."""
    deps = ["75", "77", "78", "91", "92", "93", "94", "95"]
    lines = ["Indicateur;Périmètre;Code dép.;Année;Valeur;Unité;Statut;Date de mise à jour"]
    for year in range(2000, 2036):
        for d in deps:
            lines.append("Entreprises de santé (total);Département;%s;%d;%s;nb;%s;30/06/%d" % (
                d, year, format(rng.randint(50, 1500), ",").replace(",", "\u202f"), rng.choice(["définitif"] * 4 + ["estimé"]), year + 1))
        lines.append("Nombre d'adhérents;Pôle;;%d;%d;nb;définitif;31/12/%d" % (year, rng.randint(300, 600), year))
        lines.append("Levées de fonds des start-up;Région;;%d;%s;k€;provisoire;15/01/%d" % (year, format(rng.randint(1000, 90000), ",").replace(",", " "), year + 1))
        lines.append("Essais cliniques démarrés;Région;;%d;%s;nb;définitif;15/01/%d" % (year, rng.choice(["NC", "secret stat.", str(rng.randint(100, 900))]), year + 1))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace")


def network_export(n, seed):
    """A CEBR network export: the harmonisation benchmark's long CSV, n observations."""
    tmp = tempfile.mkdtemp(prefix="innaxe-bench-network-")
    try:
        make_data.write_all(tmp, observations=n, seed=seed)
        with open(os.path.join(tmp, "long.csv"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def network_mapping():
    tmp = tempfile.mkdtemp(prefix="innaxe-bench-network-")
    try:
        make_data.write_mappings(tmp)
        with open(os.path.join(tmp, "long.yaml"), encoding="utf-8") as f:
            text = f.read()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return text.replace("partner: bench", "partner: cebr").replace("files: '^long\\.csv$'", "files: '^CEBR_network_export_.*\\.csv$'")


def generate(files):
    """Writes DATA/<files>/NNN_<partner>_<name>; returns [(partner, stored name, kind)]."""
    folder = os.path.join(DATA, str(files))
    manifest = os.path.join(folder, "MANIFEST")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            return [tuple(line.split("\t")) for line in f.read().splitlines()]
    print("generating %d inbox files in %s ..." % (files, os.path.relpath(folder, ROOT)), flush=True)
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261202)
    samples = {}
    for partner, name in SAMPLES:
        with open(os.path.join(FIXTURES, name), "rb") as f:
            samples[(partner, name)] = f.read()
    written = [(p, n, samples[(p, n)], "sample") for p, n in SAMPLES]
    n_bad, n_dup = max(1, files // 50), max(1, files // 25)
    i = 0
    while len(written) < files - n_bad - n_dup:
        i += 1
        r = rng.random()
        if r < 0.03:
            written.append(("cebr", "CEBR_network_export_%03d.csv" % i, network_export(rng.randint(20_000, 50_000), i), "large"))
        elif r < 0.15:
            written.append(("medicen", "medicen_export_indicateurs_%03d.csv" % i, medicen_grown(rng), "medium"))
        else:
            partner, name = rng.choice(SAMPLES)
            stem, ext = os.path.splitext(name)
            data = samples[(partner, name)]
            data = revise_xlsx(rng, data) if ext == ".xlsx" else revise(rng, data)
            written.append((partner, "%s_v%03d%s" % (stem, i, ext), data, "variant"))
    for j in range(n_dup):
        partner, name, data, _ = rng.choice(written)
        written.insert(rng.randint(0, len(written)), (partner, "copy%d-%s" % (j, name), data, "duplicate"))
    bad = [(b"not a workbook at all\n", "notes.xlsx"), (samples[SAMPLES[0]][:700], "cut.xlsx"),
           (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "old.xls"), (b"name;comment\nx;y\n", "other.csv")]
    for k in range(n_bad):
        data, name = bad[k % len(bad)]
        written.insert(rng.randint(0, len(written)), (rng.choice(PARTNERS), "bad%d-%s" % (k, name), data, "broken"))
    entries = []
    for idx, (partner, name, data, kind) in enumerate(written):
        stored = "%03d_%s_%s" % (idx, partner, name)
        with open(os.path.join(folder, stored), "wb") as f:
            f.write(data)
        entries.append((partner, stored, kind))
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("".join("%s\t%s\t%s\n" % e for e in entries))
    return entries


def workspace(binary, entries, files):
    root = tempfile.mkdtemp(prefix="innaxe-bench-inbox-")
    subprocess.run([os.path.join(ROOT, binary), "init", root] + sum((["--partner", p] for p in PARTNERS), []),
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    with open(os.path.join(root, "mappings", NETWORK_MAPPING), "w", encoding="utf-8") as f:
        f.write(network_mapping())
    src = os.path.join(DATA, str(files))
    for partner, stored, _ in entries:  # in arrival order, one second apart (the pass takes them by mtime)
        target = os.path.join(root, "inbox", partner, stored.split("_", 2)[2])
        shutil.copyfile(os.path.join(src, stored), target)
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
    xlsx = sum(1 for _, s, _ in entries if s.endswith(".xlsx"))
    kinds = {}
    for _, _, kind in entries:
        kinds[kind] = kinds.get(kind, 0) + 1
    size = sum(os.path.getsize(os.path.join(DATA, str(args.files), s)) for _, s, _ in entries)
    print("inbox: %d files (%d XLSX, %d CSV, %.1f MB) from six partners: %s" % (
        len(entries), xlsx, len(entries) - xlsx, size / 1e6, ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items()))))
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
    print("%-22s %8s %8s %9s %10s %6s  %s" % ("contender", "wall s", "CPU s", "files/s", "peak RSS", "left", "summary"))
    for name, code, wall, cpu, rss, left, summary in results:
        print("%-22s %8.2f %8.2f %9.1f %6.1f MiB %6d  %s (exit %s)" % (
            name, wall, cpu, len(entries) / wall if wall else 0, rss / 1024, left, summary, code))
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
