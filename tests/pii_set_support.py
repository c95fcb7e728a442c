"""What the tests of the PII evaluation set's batches share: where the set lives, the pinned digest of
every scored batch (one list, so a new batch cannot leave an older test pinning fewer), and loading a
bench module by path."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"
SET = BENCH / "phantom_pii_multilingual.json"
REGIONS = {"en-US": "US", "en-GB": "GB", "en-IN": "IN", "fr-FR": "FR", "de-DE": "DE", "it-IT": "IT"}
REGIONS |= {"es-ES": "ES", "nl-NL": "NL", "pt-BR": "BR"}

# sha256 over each held-out batch's cases as committed (json.dumps(cases, ensure_ascii=False,
# sort_keys=True)): a batch that was scored must never change, or its figure no longer describes it.
# (The `dev` batch is left out: dev cases may be added.)
BATCH_DIGESTS = {
    "heldout": "e4abfd67a8a7777aa2fb10310e56f19e2938188f638a6ee5bfecb2062b039e02",
    "heldout2": "1ce783e0402a5697ea2bfb3fb5c6e85d18609d749174bd54039e3e79830988a8",
    "heldout3": "a28c0f4ce44db6bf4fccb5dfe8a369ab496a2c67dbfbd9b5d2c41773f956ee8e",
    "heldout4": "887fda16899df8731fb2d6f04dc079cb428bd9c5c71e14d02559c6d2ce4f0d44",
    "heldout5": "d17d19545beb04ca2b719ea2dd06c749a24ad87e53b09043f2df47f022a5f6a3",
    "heldout6": "2913b37fcca417bcd62c38e784615449750131b93cfc8348e38c38db70767edf",
}


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench/ is not a package; its modules import each other by name)."""
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@cache
def committed() -> tuple[dict, ...]:
    return tuple(json.loads(SET.read_text())["cases"])


def digest(cases: list[dict]) -> str:
    return hashlib.sha256(json.dumps(cases, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
