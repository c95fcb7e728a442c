"""The latest satellite handoff plans, published for the dashboard (shared/evidence.py, fact
`hardware.plans`): when, for whom, where (rounded to a tenth of a degree, ~10 km), and the plan's
headline figures. Plans themselves are not stored: a plan is recomputed in about a second."""

from __future__ import annotations

import time

from pydantic import BaseModel

from servers.hardware.handoff import Plan
from shared import evidence
from shared.ownership import owner_tag
from shared.store import Store

KEPT = 10


class PlanRecord(BaseModel):
    at: float
    caller: str
    latitude: float
    longitude: float
    start: str
    end: str
    constellation: str
    synthetic: bool
    handoffs: int
    intervals: int
    coverage_fraction: float
    gaps: int


def record(store: Store, plan: Plan, latitude: float, longitude: float, caller: str | None) -> None:
    """Put `plan` first among the published recent plans (at most KEPT). Two processes publishing at
    the same moment may drop one of the two entries: this is a dashboard feed, not a ledger."""
    entry = PlanRecord(
        at=round(time.time(), 3),
        caller=owner_tag(caller),
        latitude=round(latitude, 1),
        longitude=round(longitude, 1),
        start=plan.start,
        end=plan.end,
        constellation=plan.data.constellation,
        synthetic=plan.data.synthetic,
        handoffs=plan.handoffs,
        intervals=plan.intervals_total,
        coverage_fraction=round(plan.coverage_fraction, 4),
        gaps=len(plan.gaps),
    )
    found = evidence.read(store, "hardware", "plans") or {}
    earlier = list((found.get("data") or {}).get("recent") or [])
    evidence.publish(store, "hardware", "plans", {"recent": [entry.model_dump(), *earlier][:KEPT]})


def recent(store: Store) -> list[PlanRecord]:
    """The published plans, newest first; entries that do not parse are left out."""
    found = evidence.read(store, "hardware", "plans") or {}
    out = []
    for item in (found.get("data") or {}).get("recent") or []:
        try:
            out.append(PlanRecord.model_validate(item))
        except ValueError:
            continue
    return out
