"""Differentially private aggregates with a persistent privacy budget per budget name.

Mechanisms follow OpenDP / IBM diffprivlib: Laplace with scale sensitivity/epsilon; the
classic Gaussian mechanism with sigma = sensitivity * sqrt(2 ln(1.25/delta)) / epsilon (valid
for epsilon <= 1, as diffprivlib's `Gaussian` requires); quantiles by the exponential
mechanism. Values are clamped to the caller's bounds first, which is what bounds the
sensitivity. Noise comes from the operating system's CSPRNG (`secrets.SystemRandom`), never
from a seedable generator. Budgets compose basically: spent epsilons and deltas add up, and a
query that would exceed the total is refused before anything is released.
"""

from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass

from shared import evidence
from shared.errors import BadInput, Refused
from shared.store import Store

_rng = secrets.SystemRandom()

OPS = ("count", "sum", "mean", "histogram", "quantile")
DEFAULT_EPSILON_TOTAL = 10.0
DEFAULT_DELTA_TOTAL = 1e-5
MAX_VALUES = 1_000_000
MIN_EPSILON = 1e-6  # below it the noise scale overflows (1/5e-324 is inf) and nothing useful is released

SCHEMA = """
CREATE TABLE IF NOT EXISTS phantom_budgets (
  name TEXT PRIMARY KEY, epsilon_total REAL NOT NULL, delta_total REAL NOT NULL,
  epsilon_spent REAL NOT NULL, delta_spent REAL NOT NULL, queries INTEGER NOT NULL, updated_at REAL NOT NULL)
"""


# -- noise ----------------------------------------------------------------------------------------

def laplace(scale: float) -> float:
    """One draw from Laplace(0, scale) by inverting the CDF of a CSPRNG uniform in (-1/2, 1/2)."""
    u = _rng.random() - 0.5
    while u == -0.5:  # log(0) guard: redraw the single excluded point
        u = _rng.random() - 0.5
    return -scale * math.copysign(1.0, u) * math.log(1 - 2 * abs(u))


def gaussian(sigma: float) -> float:
    return _rng.gauss(0.0, sigma)


def gaussian_sigma(sensitivity: float, epsilon: float, delta: float) -> float:
    return sensitivity * math.sqrt(2 * math.log(1.25 / delta)) / epsilon


# -- budgets --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Budget:
    name: str
    epsilon_total: float
    epsilon_spent: float
    delta_total: float
    delta_spent: float
    queries: int

    @property
    def epsilon_remaining(self) -> float:
        return round(max(0.0, self.epsilon_total - self.epsilon_spent), 12)

    @property
    def delta_remaining(self) -> float:
        return max(0.0, self.delta_total - self.delta_spent)


class Budgets:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("phantom.budgets", SCHEMA)

    def list(self) -> list[Budget]:
        rows = self.store.connection().execute("SELECT * FROM phantom_budgets ORDER BY name").fetchall()
        return [_budget(r) for r in rows]

    def spend(self, name: str, epsilon: float, delta: float, epsilon_total: float | None,
              delta_total: float | None) -> Budget:
        """Charge (epsilon, delta) to budget `name`, created with the given (or default) totals on
        first use. Refused, with what remains, when the charge does not fit; then nothing is spent."""
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM phantom_budgets WHERE name=?", (name,)).fetchone()
            if row is None:
                db.execute("INSERT INTO phantom_budgets VALUES (?, ?, ?, 0, 0, 0, ?)",
                           (name, epsilon_total or DEFAULT_EPSILON_TOTAL,
                            DEFAULT_DELTA_TOTAL if delta_total is None else delta_total, time.time()))
                row = db.execute("SELECT * FROM phantom_budgets WHERE name=?", (name,)).fetchone()
            budget = _budget(row)
            slack = 1e-12  # float sums of many small epsilons must not refuse an exact fit
            if budget.epsilon_spent + epsilon > budget.epsilon_total + slack or \
                    budget.delta_spent + delta > budget.delta_total + slack:
                raise Refused(
                    f"Privacy budget {name!r} cannot pay for this query (epsilon {epsilon:g}, delta {delta:g}): "
                    f"remaining epsilon {budget.epsilon_remaining:.6g} of {budget.epsilon_total:g}, "
                    f"remaining delta {budget.delta_remaining:.3g} of {budget.delta_total:g}.",
                    "Ask with a smaller epsilon/delta, or use another budget if policy allows.")
            db.execute("UPDATE phantom_budgets SET epsilon_spent=epsilon_spent+?, delta_spent=delta_spent+?,"
                       " queries=queries+1, updated_at=? WHERE name=?", (epsilon, delta, time.time(), name))
            spent = _budget(db.execute("SELECT * FROM phantom_budgets WHERE name=?", (name,)).fetchone())
            evidence.publish(self.store, "phantom", "budgets", {"budgets": [
                {"name": b.name, "epsilon_total": b.epsilon_total, "epsilon_spent": b.epsilon_spent,
                 "delta_total": b.delta_total, "delta_spent": b.delta_spent}
                for b in (_budget(r) for r in db.execute("SELECT * FROM phantom_budgets ORDER BY name"))]})
        return spent


def _budget(row) -> Budget:
    return Budget(row["name"], row["epsilon_total"], row["epsilon_spent"], row["delta_total"],
                  row["delta_spent"], row["queries"])


# -- aggregates -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Release:
    value: float | list[float]
    mechanism: str
    noise_scale: float  # Laplace scale b, or Gaussian sigma
    bins: list[float] | None = None


def check_params(op: str, epsilon: float, delta: float | None, bounds: tuple[float, float] | None,
                 mechanism: str) -> None:
    if op not in OPS:
        raise BadInput(f"Unknown op {op[:30]!r}.", f"Use one of: {', '.join(OPS)}.")
    if not (math.isfinite(epsilon) and MIN_EPSILON <= epsilon <= 10):
        raise BadInput(f"epsilon must be a number in [{MIN_EPSILON:g}, 10].", "Typical values are 0.1 to 1.")
    if mechanism not in ("laplace", "gaussian"):
        raise BadInput("mechanism must be 'laplace' or 'gaussian'.", "Use laplace unless you need (epsilon, delta).")
    if mechanism == "gaussian":
        if delta is None or not (0 < delta < 1e-2):
            raise BadInput("The Gaussian mechanism needs a delta in (0, 0.01).", "E.g. delta=1e-6.")
        if epsilon > 1:
            raise BadInput("The classic Gaussian mechanism is only valid for epsilon <= 1.",
                           "Lower epsilon, or use mechanism='laplace'.")
    if bounds is not None:
        lo, hi = bounds
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi and hi - lo <= 1e15):
            raise BadInput("bounds must be two finite numbers [lower, upper] with lower < upper.",
                           "Give the range values are clamped to, e.g. [0, 100000].")


def _noise(sensitivity: float, epsilon: float, delta: float | None, mechanism: str) -> tuple[float, float]:
    if mechanism == "gaussian":
        sigma = gaussian_sigma(sensitivity, epsilon, delta or 0.0)
        return gaussian(sigma), sigma
    scale = sensitivity / epsilon
    return laplace(scale), scale


def aggregate(values: list[float], op: str, epsilon: float, bounds: tuple[float, float] | None,
              delta: float | None = None, mechanism: str = "laplace", bins: int = 10,
              quantile: float = 0.5) -> Release:
    """The noisy aggregate (no budget accounting here: callers charge the budget first)."""
    if op == "count":
        noise, scale = _noise(1.0, epsilon, delta, mechanism)
        return Release(len(values) + noise, mechanism, scale)
    if bounds is None:
        raise BadInput(f"op={op} needs bounds [lower, upper] to clamp values to.",
                       "Clamping bounds the sensitivity; pick them from domain knowledge, not from the data.")
    lo, hi = bounds
    clamped = [min(hi, max(lo, v)) for v in values]
    if op == "sum":
        noise, scale = _noise(max(abs(lo), abs(hi)), epsilon, delta, mechanism)
        return Release(math.fsum(clamped) + noise, mechanism, scale)
    if op == "mean":
        # half the budget for the sum, half for the count (sequential composition)
        sum_noise, scale = _noise(max(abs(lo), abs(hi)), epsilon / 2, delta / 2 if delta else None, mechanism)
        count_noise, _ = _noise(1.0, epsilon / 2, delta / 2 if delta else None, mechanism)
        noisy_count = max(1.0, len(clamped) + count_noise)
        return Release(min(hi, max(lo, (math.fsum(clamped) + sum_noise) / noisy_count)), mechanism, scale)
    if op == "histogram":
        if not 1 <= bins <= 1000:
            raise BadInput("bins must be between 1 and 1000.", "E.g. bins=10.")
        width = (hi - lo) / bins
        counts = [0.0] * bins
        for v in clamped:
            counts[min(bins - 1, int((v - lo) / width))] += 1
        # one record changes one bin by 1: sensitivity 1 per bin (parallel composition)
        out, scale = [], 0.0
        for c in counts:
            noise, scale = _noise(1.0, epsilon, delta, mechanism)
            out.append(c + noise)
        return Release(out, mechanism, scale, bins=[lo + i * width for i in range(bins + 1)])
    if not 0 <= quantile <= 1:
        raise BadInput("quantile must be between 0 and 1.", "E.g. 0.5 for the median.")
    return Release(_exponential_quantile(sorted(clamped), lo, hi, quantile, epsilon), "exponential", 1.0 / epsilon)


def _exponential_quantile(data: list[float], lo: float, hi: float, q: float, epsilon: float) -> float:
    """Exponential mechanism over the gaps between sorted values (Smith 2011; diffprivlib's
    quantile): utility -|rank - q n|, sensitivity 1, then a uniform draw inside the chosen gap."""
    points = [lo, *data, hi]
    n = len(data)
    log_weights = []
    for i in range(len(points) - 1):
        width = points[i + 1] - points[i]
        utility = -abs(i - q * n)
        log_weights.append(math.log(width) + epsilon * utility / 2 if width > 0 else -math.inf)
    top = max(log_weights)
    weights = [math.exp(w - top) for w in log_weights]
    pick = _rng.random() * math.fsum(weights)
    for i, w in enumerate(weights):
        pick -= w
        if pick <= 0 and w > 0:
            return points[i] + _rng.random() * (points[i + 1] - points[i])
    return points[-2] + _rng.random() * (points[-1] - points[-2])


def vector_mean(vectors: list[list[float]], clip_norm: float, epsilon: float, delta: float) -> Release:
    """Federated-style mean: each vector clipped to L2 norm `clip_norm`, summed, Gaussian noise
    with L2 sensitivity clip_norm, divided by the (public) number of vectors."""
    if not (math.isfinite(clip_norm) and 0 < clip_norm <= 1e9):
        raise BadInput("clip_norm must be a positive finite number.", "E.g. 1.0 for normalised gradients.")
    dim = len(vectors[0])
    if dim == 0 or any(len(v) != dim for v in vectors):
        raise BadInput("All vectors must have the same, non-zero length.", "Send a list of equal-length lists.")
    total = [0.0] * dim
    for v in vectors:
        norm = math.sqrt(math.fsum(x * x for x in v))
        factor = min(1.0, clip_norm / norm) if norm > 0 else 1.0
        for i, x in enumerate(v):
            total[i] += x * factor
    sigma = gaussian_sigma(clip_norm, epsilon, delta)
    return Release([(t + gaussian(sigma)) / len(vectors) for t in total], "gaussian", sigma)
