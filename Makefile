# The few targets a newcomer needs; README.md explains them.
.PHONY: setup demo test lint bench schema docs db-up db-down clean

setup:
	@scripts/setup.sh

demo: setup
	@.venv/bin/scout-db demo

bench: setup
	.venv/bin/scout-db bench --rows 1000000

test: setup
	.venv/bin/ruff check runner tests
	.venv/bin/pytest

lint: setup
	.venv/bin/ruff check runner tests

schema: setup
	.venv/bin/scout-db schema

docs: setup
	.venv/bin/scout-db docs

db-up: setup
	@.venv/bin/scout-db db up

db-down: setup
	@.venv/bin/scout-db db down

clean:
	-.venv/bin/scout-db db down
	rm -rf .scout .venv
