"""Helpers the compliance tests share."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent

# a Pod that passes pss-baseline (and fails restricted): what tests attest when the verdict does not matter
BASELINE_POD = """apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers: [{name: app, image: "registry.example/app:1.0"}]
"""


def sibling_module(relative: str) -> Any:
    """A helper module of another test folder (e.g. "forge/forge_kube_standin.py"), loaded by path: those
    folders are on sys.path only for their own tests."""
    path = TESTS / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
