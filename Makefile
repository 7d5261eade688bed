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
