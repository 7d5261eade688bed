# Project tasks. Each target is documented where its code lives.

PYTHON ?= python3

# The read benchmark (bench/README.md). Options go through BENCH_ARGS,
# e.g. `make bench BENCH_ARGS=--quick`.
.PHONY: bench
bench:
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# The harmonisation benchmark (bench/harmonise/README.md): validate + harmonise a generated
# 1M-observation partner file against reading it only and against frictionless.
# Options through BENCH_ARGS, e.g. `make bench-harmonise BENCH_ARGS=--quick`.
.PHONY: bench-harmonise
bench-harmonise:
	$(PYTHON) bench/harmonise/run.py $(BENCH_ARGS)

# The write benchmark (bench/README.md, "Write benchmark"): 1M rows to XLSX and CSV against
# libxlsxwriter, rust_xlsxwriter, XlsxWriter. Options through BENCH_WRITE_ARGS,
# e.g. `make bench-write BENCH_WRITE_ARGS="--rows 100000 --skip-slow"`.
.PHONY: bench-write
bench-write:
	$(PYTHON) bench/write/run.py $(BENCH_WRITE_ARGS)

# The inbox benchmark (bench/inbox.py): one `innaxe run` pass over 200 submissions, against a
# pandas + sqlite3 peer. Options through INBOX_BENCH_ARGS, e.g. `--no-build`.
.PHONY: bench-inbox
bench-inbox:
	$(PYTHON) bench/inbox.py $(INBOX_BENCH_ARGS)
