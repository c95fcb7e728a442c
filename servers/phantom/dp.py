"""Differentially private aggregates with a persistent privacy budget per budget name.

Every mechanism is OpenDP's (the OpenDP Library, `opendp` on PyPI): its samplers are exact and
floating-point safe (no inverse-CDF Laplace on a 53-bit uniform, no `random.gauss`), and its
privacy maps are what phantom checks a release against. Laplace: scale sensitivity/epsilon.
Gaussian: zero-concentrated DP (zCDP) accounting: the rho that OpenDP's optimal zCDP to (epsilon,
delta) conversion allows for the requested epsilon and delta, sigma = sensitivity / sqrt(2 rho),
valid for any epsilon (the classic formula needs epsilon <= 1 and 17-34% more sigma). Quantiles:
OpenDP's private quantile (Smith 2011's exponential mechanism over a grid of 1024 candidates in the
bounds). Values are clamped to the caller's bounds first, which is what bounds the sensitivity.

Every release assumes the add/remove-one-record neighbouring relation (the output says so): the
number of records is private, so means are a noisy sum over a noisy count, each with half the
release's budget (half its epsilon, or half its rho). A vector mean clips each vector to
`clip_norm` in L2 (L2 sensitivity clip_norm for the sum under add/remove; replacing a vector would
move it by 2 x clip_norm, which is why the count is not treated as public). Budgets compose
basically: spent epsilons and deltas add up, and a query that would exceed the total is refused
before anything is released.
"""

from __future__ import annotations

import functools
import math
import time
from dataclasses import dataclass

import sqlalchemy as sa

from shared import evidence
from shared.errors import BadInput, Refused
from shared.store import METADATA, BigInt, Double, Store, col

OPS = ("count", "sum", "mean", "histogram", "quantile")
NEIGHBOURING = "add/remove one record (the record count is private)"
DEFAULT_EPSILON_TOTAL = 10.0
DEFAULT_DELTA_TOTAL = 1e-5
MAX_DELTA_TOTAL = 0.01
MAX_VALUES = 1_000_000
MIN_EPSILON = 1e-6  # below it the noise scale overflows (1/5e-324 is inf) and nothing useful is released
QUANTILE_CANDIDATES = 1024
ROUNDING_MARGIN = 1 + 1e-9  # noise scales a billionth above the bound: float rounding never lands below it

phantom_budgets = sa.Table(
    "phantom_budgets",
    METADATA,
    col("name", sa.Text, primary_key=True),
    col("epsilon_total", Double),
    col("delta_total", Double),
    col("epsilon_spent", Double),
    col("delta_spent", Double),
    col("queries", BigInt),
    col("updated_at", Double),
)
SCHEMA = [phantom_budgets]


# -- OpenDP mechanisms ------------------------------------------------------------------------------


def _opendp():
    import opendp.prelude as dp

    dp.enable_features("contrib")
    return dp


def laplace_noisy(values: list[float], scale: float) -> list[float]:
    """`values` plus independent Laplace(scale) noise each, by OpenDP's exact sampler."""
    dp = _opendp()
    domain = dp.vector_domain(dp.atom_domain(T=float, nan=False), size=len(values))
    return list(dp.m.make_laplace(domain, dp.l1_distance(T=float), scale)(list(values)))


def gaussian_noisy(values: list[float], sigma: float) -> list[float]:
    """`values` plus independent Gaussian(sigma) noise each, by OpenDP's exact sampler."""
    dp = _opendp()
    domain = dp.vector_domain(dp.atom_domain(T=float, nan=False), size=len(values))
    return list(dp.m.make_gaussian(domain, dp.l2_distance(T=float), sigma)(list(values)))


@functools.lru_cache(maxsize=256)
def sum_sensitivity(lo: float, hi: float) -> float:
    """What adding or removing one record clamped to [lo, hi] can move a float sum by, as OpenDP bounds it:
    max(|lo|, |hi|) plus the floating-point rounding a sum of many floats may accumulate."""
    dp = _opendp()
    space = (dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.symmetric_distance())
    return float((space >> dp.t.then_clamp((float(lo), float(hi))) >> dp.t.then_sum()).map(1))


@functools.lru_cache(maxsize=256)
def rho_for(epsilon: float, delta: float) -> float:
    """The largest zCDP rho that OpenDP's zCDP -> (epsilon, delta) conversion turns into at most
    (epsilon, delta): bisection on the conversion's privacy map (monotone in rho)."""
    dp = _opendp()
    unit = dp.c.make_fix_delta(
        dp.c.make_zCDP_to_approxDP(
            dp.m.make_gaussian(dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float), 1.0)
        ),
        delta,
    )
    lo, hi = 0.0, 1.0  # d_in for sigma 1 is sqrt(2 rho)
    while unit.map(hi)[0] <= epsilon:
        lo, hi = hi, hi * 2
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if unit.map(mid)[0] <= epsilon else (lo, mid)
    return lo * lo / 2


def gaussian_sigma(sensitivity: float, epsilon: float, delta: float, share: float = 1.0) -> float:
    """Sigma for L2 `sensitivity` when this release gets `share` of the rho that (epsilon, delta) allow."""
    return sensitivity / math.sqrt(2 * rho_for(epsilon, delta) * share)


def quantile_release(
    values: list[float], lo: float, hi: float, alpha: float, epsilon: float
) -> tuple[float, float]:
    """(noisy alpha-quantile, OpenDP's noise scale), by OpenDP's private quantile over a grid in [lo, hi]."""
    dp = _opendp()
    step = (hi - lo) / (QUANTILE_CANDIDATES - 1)
    candidates = [lo + i * step for i in range(QUANTILE_CANDIDATES)]
    domain = dp.vector_domain(dp.atom_domain(T=float, nan=False))

    def build(scale: float):
        return dp.m.make_private_quantile(
            domain,
            dp.symmetric_distance(),
            dp.max_divergence(),
            candidates=candidates,
            alpha=alpha,
            scale=scale,
        )

    scale = (
        2 * max(alpha, 1 - alpha) / epsilon
    )  # OpenDP's map for this measurement: d_in * 2 max(a, 1-a) / scale
    if build(scale).map(1) > epsilon:  # never release on a closed form OpenDP does not certify
        scale = dp.binary_search_param(build, d_in=1, d_out=epsilon)
    return float(build(scale)(list(values))), scale


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

    def get(self, name: str) -> Budget | None:
        row = (
            self.store.connection()
            .execute("SELECT * FROM phantom_budgets WHERE name=:name", {"name": name})
            .fetchone()
        )
        return None if row is None else _budget(row)

    def list(self) -> list[Budget]:
        rows = self.store.connection().execute("SELECT * FROM phantom_budgets ORDER BY name").fetchall()
        return [_budget(r) for r in rows]

    def spend(
        self, name: str, epsilon: float, delta: float, epsilon_total: float | None, delta_total: float | None
    ) -> Budget:
        """Charge (epsilon, delta) to budget `name`, created with the given (or default) totals on
        first use. Refused, with what remains, when the charge does not fit; then nothing is spent."""
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM phantom_budgets WHERE name=:name", {"name": name}).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO phantom_budgets VALUES (:name, :eps, :delta, 0, 0, 0, :at)",
                    {
                        "name": name,
                        "eps": epsilon_total or DEFAULT_EPSILON_TOTAL,
                        "delta": DEFAULT_DELTA_TOTAL if delta_total is None else delta_total,
                        "at": time.time(),
                    },
                )
                row = db.execute("SELECT * FROM phantom_budgets WHERE name=:name", {"name": name}).fetchone()
            budget = _budget(row)
            slack = 1e-12  # float sums of many small epsilons must not refuse an exact fit
            if (
                budget.epsilon_spent + epsilon > budget.epsilon_total + slack
                or budget.delta_spent + delta > budget.delta_total + slack
            ):
                raise Refused(
                    f"Privacy budget {name!r} cannot pay for this query (epsilon {epsilon:g}, delta {delta:g}): "
                    f"remaining epsilon {budget.epsilon_remaining:.6g} of {budget.epsilon_total:g}, "
                    f"remaining delta {budget.delta_remaining:.3g} of {budget.delta_total:g}.",
                    "Ask with a smaller epsilon/delta, or use another budget if policy allows (a new budget's "
                    "totals are set with budget_epsilon_total and budget_delta_total).",
                )
            db.execute(
                "UPDATE phantom_budgets SET epsilon_spent=epsilon_spent+:eps, delta_spent=delta_spent+:delta,"
                " queries=queries+1, updated_at=:at WHERE name=:name",
                {"eps": epsilon, "delta": delta, "at": time.time(), "name": name},
            )
            spent = _budget(
                db.execute("SELECT * FROM phantom_budgets WHERE name=:name", {"name": name}).fetchone()
            )
            evidence.publish(
                self.store,
                "phantom",
                "budgets",
                {
                    "budgets": [
                        {
                            "name": b.name,
                            "epsilon_total": b.epsilon_total,
                            "epsilon_spent": b.epsilon_spent,
                            "delta_total": b.delta_total,
                            "delta_spent": b.delta_spent,
                        }
                        for b in (
                            _budget(r) for r in db.execute("SELECT * FROM phantom_budgets ORDER BY name")
                        )
                    ]
                },
            )
        return spent


def _budget(row) -> Budget:
    return Budget(
        row["name"],
        row["epsilon_total"],
        row["epsilon_spent"],
        row["delta_total"],
        row["delta_spent"],
        row["queries"],
    )


# -- aggregates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    value: float | list[float]
    mechanism: str
    noise_scale: (
        float  # Laplace scale b, Gaussian sigma, or the quantile mechanism's scale (the sum's, for means)
    )
    bins: list[float] | None = None
    count_noise_scale: float | None = None  # means: the noise on the (private) count
    neighbouring: str = NEIGHBOURING
    accounting: str = "pure epsilon-DP"


def check_params(
    op: str, epsilon: float, delta: float | None, bounds: tuple[float, float] | None, mechanism: str
) -> None:
    if op not in OPS:
        raise BadInput(f"Unknown op {op[:30]!r}.", f"Use one of: {', '.join(OPS)}.")
    if not (math.isfinite(epsilon) and MIN_EPSILON <= epsilon <= 10):
        raise BadInput(f"epsilon must be a number in [{MIN_EPSILON:g}, 10].", "Typical values are 0.1 to 1.")
    if mechanism not in ("laplace", "gaussian"):
        raise BadInput(
            "mechanism must be 'laplace' or 'gaussian'.", "Use laplace unless you need (epsilon, delta)."
        )
    if mechanism == "gaussian" and (delta is None or not (0 < delta < 1e-2)):
        raise BadInput("The Gaussian mechanism needs a delta in (0, 0.01).", "E.g. delta=1e-6.")
    if mechanism == "gaussian" and op == "quantile":
        raise BadInput(
            "Quantiles use the exponential mechanism (pure epsilon), not Gaussian noise.",
            "Leave mechanism out (or laplace) for op=quantile.",
        )
    if bounds is not None:
        lo, hi = bounds
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi and hi - lo <= 1e15):
            raise BadInput(
                "bounds must be two finite numbers [lower, upper] with lower < upper.",
                "Give the range values are clamped to, e.g. [0, 100000].",
            )


def _noisy(
    values: list[float],
    sensitivity: float,
    epsilon: float,
    delta: float | None,
    mechanism: str,
    share: float = 1.0,
) -> tuple[list[float], float]:
    """`values` with noise for `sensitivity` (L1 for Laplace, L2 for Gaussian) when they get `share` of the
    release's budget (of its epsilon for Laplace, of its rho for Gaussian); returns (noisy, scale)."""
    if mechanism == "gaussian":
        sigma = gaussian_sigma(sensitivity, epsilon, delta or 0.0, share) * ROUNDING_MARGIN
        return gaussian_noisy(values, sigma), sigma
    scale = sensitivity / (epsilon * share) * ROUNDING_MARGIN
    return laplace_noisy(values, scale), scale


def _accounting(mechanism: str) -> str:
    return (
        "zCDP (rho from OpenDP's zCDP -> (epsilon, delta) conversion)"
        if mechanism == "gaussian"
        else "pure epsilon-DP"
    )


def aggregate(
    values: list[float],
    op: str,
    epsilon: float,
    bounds: tuple[float, float] | None,
    delta: float | None = None,
    mechanism: str = "laplace",
    bins: int = 10,
    quantile: float = 0.5,
) -> Release:
    """The noisy aggregate (no budget accounting here: callers charge the budget first)."""
    accounting = _accounting(mechanism)
    if op == "count":
        (noisy,), scale = _noisy([float(len(values))], 1.0, epsilon, delta, mechanism)
        return Release(noisy, mechanism, scale, accounting=accounting)
    if bounds is None:
        raise BadInput(
            f"op={op} needs bounds [lower, upper] to clamp values to.",
            "Clamping bounds the sensitivity; pick them from domain knowledge, not from the data.",
        )
    lo, hi = bounds
    clamped = [min(hi, max(lo, v)) for v in values]
    reach = sum_sensitivity(lo, hi)  # max(|lo|, |hi|) and float rounding
    if op == "sum":
        (noisy,), scale = _noisy([math.fsum(clamped)], reach, epsilon, delta, mechanism)
        return Release(noisy, mechanism, scale, accounting=accounting)
    if op == "mean":  # half the budget for the sum, half for the count (composition)
        (noisy_sum,), scale = _noisy([math.fsum(clamped)], reach, epsilon, delta, mechanism, 0.5)
        (noisy_count,), count_scale = _noisy([float(len(clamped))], 1.0, epsilon, delta, mechanism, 0.5)
        return Release(
            min(hi, max(lo, noisy_sum / max(1.0, noisy_count))),
            mechanism,
            scale,
            count_noise_scale=count_scale,
            accounting=accounting,
        )
    if op == "histogram":
        if not 1 <= bins <= 1000:
            raise BadInput("bins must be between 1 and 1000.", "E.g. bins=10.")
        width = (hi - lo) / bins
        counts = [0.0] * bins
        for v in clamped:
            counts[min(bins - 1, int((v - lo) / width))] += 1
        # adding or removing one record changes one bin by 1: sensitivity 1 in L1 and in L2
        noisy, scale = _noisy(counts, 1.0, epsilon, delta, mechanism)
        return Release(
            noisy, mechanism, scale, bins=[lo + i * width for i in range(bins + 1)], accounting=accounting
        )
    if not 0 <= quantile <= 1:
        raise BadInput("quantile must be between 0 and 1.", "E.g. 0.5 for the median.")
    value, scale = quantile_release(clamped, lo, hi, quantile, epsilon)
    return Release(value, "exponential", scale)


def vector_mean(vectors: list[list[float]], clip_norm: float, epsilon: float, delta: float) -> Release:
    """Federated-style mean: each vector clipped to L2 norm `clip_norm` and summed (L2 sensitivity clip_norm
    under add/remove), Gaussian noise on the sum and on the count (half the rho each), then divided."""
    if not (math.isfinite(clip_norm) and 0 < clip_norm <= 1e9):
        raise BadInput("clip_norm must be a positive finite number.", "E.g. 1.0 for normalised gradients.")
    dim = len(vectors[0])
    if dim == 0 or any(len(v) != dim for v in vectors):
        raise BadInput(
            "All vectors must have the same, non-zero length.", "Send a list of equal-length lists."
        )
    total = [0.0] * dim
    for v in vectors:
        norm = math.sqrt(math.fsum(x * x for x in v))
        factor = min(1.0, clip_norm / norm) if norm > 0 else 1.0
        for i, x in enumerate(v):
            total[i] += x * factor
    noisy_total, sigma = _noisy(total, clip_norm, epsilon, delta, "gaussian", 0.5)
    (noisy_count,), count_sigma = _noisy([float(len(vectors))], 1.0, epsilon, delta, "gaussian", 0.5)
    count = max(1.0, noisy_count)
    return Release(
        [t / count for t in noisy_total],
        "gaussian",
        sigma,
        count_noise_scale=count_sigma,
        accounting=_accounting("gaussian"),
    )
