"""What forge's operations return: typed results, with the sums, counts and orderings clients see
computed here once (servers/forge/models.py turns them into the tools' output)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # analysis imports numpy: the server imports this module (through models) at start
    from servers.forge.analysis import AnalysisResult, Change

SECTIONS = {"changes": 25, "opportunities": 10, "containers": 10, "notes": 20}  # items per page


class Opportunity(BaseModel):
    # A finding of a rule, with the changes it proposes; models.OpportunityOut is its output form
    # (inherits these fields). Built with model_construct in the rules (no validation per finding).
    type: str = Field(
        description="over_provisioned, under_provisioned, oom_killed, crash_looping, "
        "missing_requests_or_limits, idle, single_replica_without_pdb, hpa_bounds_cap_load"
    )
    severity: str  # high | medium | low
    workload: str  # namespace/name
    container: str | None
    evidence: str
    figures: dict[str, float | str]
    change_ids: list[str]
    monthly_savings_usd: float  # negative: the change costs money to remove a risk


class ContainerReport(BaseModel):
    """One container's usage profile, requests and cost: what analyze pages through as `containers`. A
    pydantic model so that the output model (models.ContainerOut) inherits its fields instead of
    repeating them; analysis builds it with `model_construct` (no validation per container, as the
    dataclass it replaces), ContainerOut.of validates."""

    workload: str
    kind: str
    container: str
    pattern: str = Field(description="idle, steady, diurnal, bursty, or no-metrics")
    cpu_p50: float | None
    cpu_p95: float | None
    cpu_p99: float | None
    cpu_max: float | None
    memory_p50_mib: float | None
    memory_p99_mib: float | None
    memory_max_mib: float | None
    memory_trend_pct_per_day: float | None
    cpu_request: str | None
    cpu_limit: str | None
    memory_request: str | None
    memory_limit: str | None
    replicas: int
    monthly_cost_usd: float
    confidence: float | None


class PageHeader(BaseModel):
    """What an analysis is about, repeated on every page of it (and stored as JSON with its pages). A
    pydantic model so that the output model (models.Analysis) starts with these fields by inheriting
    them."""

    proposal_id: str = Field(description="Pass to optimize")
    cluster: str
    metrics: str
    history_hours: float
    prometheus_queries: int
    workloads: int
    monthly_cost_usd: float
    estimated_monthly_savings_usd: float = Field(
        description="Net: cuts minus the added cost of raised requests "
        "and replicas, if optimize's default plan (no availability changes) were applied"
    )


@dataclass(frozen=True)
class Proposal:
    """A new analysis (analyze), stored under its header's proposal id."""

    header: PageHeader
    result: AnalysisResult

    @property
    def proposal_id(self) -> str:
        return self.header.proposal_id

    @property
    def queries(self) -> int:
        """Prometheus queries it took (0 from recorded metrics)."""
        return self.header.prometheus_queries

    @property
    def opportunity_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.result.opportunities:
            counts[o.type] = counts.get(o.type, 0) + 1
        return counts

    @property
    def totals(self) -> dict[str, int]:
        r = self.result
        return {
            "changes": len(r.changes),
            "opportunities": len(r.opportunities),
            "containers": len(r.containers),
            "notes": len(r.notes),
        }

    @property
    def first_cursor(self) -> str | None:
        """The cursor of the first section that has anything; None when all are empty."""
        totals = self.totals
        first = next((s for s in SECTIONS if totals[s]), None)
        return f"{self.proposal_id}.{first}.0" if first else None


@dataclass(frozen=True)
class Page:
    """One page of a stored analysis: the items of one section from an offset, and where the next starts."""

    header: PageHeader
    section: str  # changes | opportunities | containers | notes
    totals: dict[str, int]
    without_metrics: list[str]
    next_cursor: str | None
    changes: list[Change] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)
    containers: list[ContainerReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RepositoryPatch:
    """A change to an object Helm, Argo CD or Flux manages: the patch to commit instead of a live edit."""

    object: str
    managed_by: str
    patch: str


@dataclass(frozen=True)
class Applied:
    """What optimize did (or, in a dry run, would do)."""

    proposal_id: str
    dry_run: bool
    snapshot_id: str | None
    changes: list[Change]
    diff: str = ""
    repository_patches: list[RepositoryPatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RolledBack:
    snapshot_id: str
    restored: list[str]  # the objects put back
    changes_undone: int


class SnapshotInfo(BaseModel):
    # A snapshot as the ledger has it; models.SnapshotOut is its output form (inherits these fields).
    model_config = ConfigDict(frozen=True)

    id: str
    proposal_id: str
    created_at: float
    rolled_back_at: float | None
    changes: int  # how many applied changes it precedes
    objects: list[str]


@dataclass(frozen=True)
class AppliedChange:
    """One row of forge's ledger of applied changes (forge_changes)."""

    seq: int
    snapshot_id: str
    proposal_id: str
    change_id: str
    object: str
    workload: str
    container: str | None
    field: str
    before: str | None
    after: str
    monthly_savings: float
    applied_at: float
    rolled_back_at: float | None

    @classmethod
    def of_row(cls, row: Any) -> AppliedChange:
        """From a forge_changes row (a store Record, read by column name)."""
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


class CostGroup(BaseModel):
    # One group of cost_report; models.CostGroup is its output form (inherits these fields).
    model_config = ConfigDict(frozen=True)

    name: str
    workloads: int
    monthly_cost_usd: float  # rounded to cents
    potential_savings_usd: float


@dataclass(frozen=True)
class Costs:
    """cost_report: groups, highest cost first; the totals are sums of the rounded groups."""

    group_by: str
    groups: list[CostGroup]
    proposal_id: str | None  # the latest proposal the savings come from

    @property
    def total_monthly_cost_usd(self) -> float:
        return round(sum(g.monthly_cost_usd for g in self.groups), 2)

    @property
    def potential_savings_usd(self) -> float:
        return round(sum(g.potential_savings_usd for g in self.groups), 2)
