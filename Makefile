# The two commands: `make serve` runs the suite on embedded defaults; `make test` runs every test.
# Both set up everything they need on a fresh machine (a virtualenv in .venv, the embedding model).
PY ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MODEL_CACHE := $(HOME)/.cache/chroma/onnx_models/all-MiniLM-L6-v2
MODEL_ARCHIVE := ../shared/models/all-MiniLM-L6-v2-onnx.tar.gz

.PHONY: serve test install model lint bench

$(BIN)/hdr: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/hdr

install: $(BIN)/hdr

# Machines without internet: unpack ../shared's copy into chromadb's cache when the cache is empty.
model:
	@if [ ! -f "$(MODEL_CACHE)/onnx/model.onnx" ] && [ -f "$(MODEL_ARCHIVE)" ]; then \
		mkdir -p "$(MODEL_CACHE)" && tar xzf "$(MODEL_ARCHIVE)" -C "$(MODEL_CACHE)" && \
		echo "unpacked the embedding model into $(MODEL_CACHE)"; fi

serve: install model
	$(BIN)/hdr serve --port $(PORT)

lint: install
	$(BIN)/ruff check servers shared tests bench
	$(BIN)/ruff format --check servers shared tests bench
	$(BIN)/mypy

test: install model
	$(BIN)/ruff check servers shared tests bench
	$(BIN)/ruff format --check servers shared tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

bench: install model
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done
