"""Kubernetes resource quantities ("250m", "1.5", "512Mi", "1G") to numbers and back.

Hand-written because the kubernetes client's `parse_quantity` pulls in the whole client at import
(forge must start fast and reads manifests without it); it follows the same suffix table."""

from __future__ import annotations

import re

_SUFFIX = {
    "": 1,
    "m": 1e-3,
    "u": 1e-6,
    "n": 1e-9,
    "k": 1e3,
    "M": 1e6,
    "G": 1e9,
    "T": 1e12,
    "P": 1e15,
    "E": 1e18,
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
    "Pi": 2**50,
    "Ei": 2**60,
}
_QUANTITY = re.compile(
    r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(Ki|Mi|Gi|Ti|Pi|Ei|[mun kMGTPE]?)\s*$"
)
MI = 2**20


def parse(value: object) -> float | None:
    """The quantity as a float (cores or bytes); None when absent or unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _QUANTITY.match(str(value))
    if not match:
        return None
    return float(match.group(1)) * _SUFFIX[match.group(2).strip()]


def cpu_text(cores: float) -> str:
    milli = max(1, int(-(-cores * 1000 // 1)))  # round up to whole millicores
    return f"{milli // 1000}" if milli % 1000 == 0 else f"{milli}m"


def memory_text(b: float) -> str:
    mi = max(1, int(-(-b // MI)))  # round up to whole MiB
    return f"{mi // 1024}Gi" if mi % 1024 == 0 else f"{mi}Mi"
