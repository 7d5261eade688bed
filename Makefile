# Project tasks. Each target is documented where its code lives.

PYTHON ?= python3

# The read benchmark (bench/README.md). Options go through BENCH_ARGS,
# e.g. `make bench BENCH_ARGS=--quick`.
.PHONY: bench
bench:
	$(PYTHON) bench/run.py $(BENCH_ARGS)
