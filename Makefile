# Project tasks. Each target is documented where its code lives.

PYTHON ?= python3

# The read benchmark (bench/README.md). Options go through BENCH_ARGS,
# e.g. `make bench BENCH_ARGS=--quick`.
.PHONY: bench
bench:
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# The inbox benchmark (bench/inbox.py): one `innaxe run` pass over 200 submissions, against a
# pandas + sqlite3 peer. Options through INBOX_BENCH_ARGS, e.g. `--no-build`.
.PHONY: bench-inbox
bench-inbox:
	$(PYTHON) bench/inbox.py $(INBOX_BENCH_ARGS)
