# Project tasks. Each target is documented where its code lives.

PYTHON ?= python3

# The read benchmark (bench/README.md). Options go through BENCH_ARGS,
# e.g. `make bench BENCH_ARGS=--quick`.
.PHONY: bench
bench:
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# The harmonisation benchmark (bench/harmonise/run.py): validate + harmonise 1M observations
# (long CSV, wide XLSX) against reading only and frictionless. `BENCH_ARGS=--quick` for 100k.
.PHONY: bench-harmonise
bench-harmonise:
	$(PYTHON) bench/harmonise/run.py $(BENCH_ARGS)
