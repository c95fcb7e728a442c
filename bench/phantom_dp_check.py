"""phantom's differential-privacy noise against what OpenDP certifies, per release type.

  .venv/bin/python bench/phantom_dp_check.py

For count, sum, mean, histogram, quantile and vector mean (Laplace and, where it applies, Gaussian),
phantom makes one real release (`servers.phantom.dp`) and reports its noise scale(s). OpenDP then
builds the same release from its own transformations where it has them (clamp, sum, count,
binning, count by category, quantile scoring: so OpenDP derives the sensitivity itself, floating-
point summation error included) and binary-searches the smallest noise its privacy map certifies
for the same epsilon (and delta) under add/remove-one-record neighbours. Releases with two noisy
parts (means) keep phantom's split and search one common factor. ratio = phantom's noise /
OpenDP's minimum: >= 1 means sound by OpenDP's account, <= 1.05 means no more than 5% extra noise.
The vector mean's L2 clipping is not an OpenDP transformation: there OpenDP certifies the two
Gaussian mechanisms (sum at L2 sensitivity clip_norm, count at 1) and their zCDP composition.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from servers.phantom import dp as phantom  # noqa: E402

LO, HI, EPSILON, DELTA, BINS, CLIP = 0.0, 100.0, 1.0, 1e-6, 10, 2.0


def _opendp():
    import opendp.prelude as dp

    dp.enable_features("contrib")
    return dp


def _smallest(build, d_out) -> float:
    """The smallest common factor k for which OpenDP's map certifies d_out at d_in = 1."""
    dp = _opendp()
    return dp.binary_search(lambda k: _fits(build(k), d_out), bounds=(1e-6, 1e6))


def _fits(measurement, want) -> bool:
    try:
        got = measurement.map(1)
    except Exception:  # OpenDP refuses to map noise this small (an overflowing bound): not certified
        return False
    if isinstance(want, tuple):
        return got[0] <= want[0] and got[1] <= want[1]
    return got <= want


def _pipeline(gaussian: bool):
    """OpenDP's clamped-float input and the measurement factory for its noise."""
    dp = _opendp()
    space = (dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.symmetric_distance())
    clamp = space >> dp.t.then_clamp((LO, HI))

    def noise(scale: float):
        return dp.m.then_gaussian(scale) if gaussian else dp.m.then_laplace(scale)

    def finish(measurement):
        if not gaussian:
            return measurement
        return dp.c.make_fix_delta(dp.c.make_zCDP_to_approxDP(measurement), DELTA)

    return dp, clamp, noise, finish


def opendp_minimum(op: str, gaussian: bool, phantom_scales: tuple[float, ...]) -> float:
    """OpenDP's smallest scale for phantom's first noise component (others scaled along)."""
    dp, clamp, noise, finish = _pipeline(gaussian)
    d_out = (EPSILON, DELTA) if gaussian else EPSILON
    ratio = [s / phantom_scales[0] for s in phantom_scales]
    if op == "count":
        return _smallest(lambda k: finish(clamp >> dp.t.then_count() >> noise(k)), d_out)
    if op == "sum":
        return _smallest(lambda k: finish(clamp >> dp.t.then_sum() >> noise(k)), d_out)
    if op == "mean":

        def build(k: float):
            parts = [
                clamp >> dp.t.then_sum() >> noise(k * ratio[0]),
                clamp >> dp.t.then_count() >> noise(k * ratio[1]),
            ]
            return finish(dp.c.make_composition(parts))

        return _smallest(build, d_out)
    if op == "histogram":
        edges = [LO + i * (HI - LO) / BINS for i in range(1, BINS)]
        binned = clamp >> dp.t.then_find_bin(edges=edges)
        norm = "L2Distance<i32>" if gaussian else "L1Distance<i32>"
        return _smallest(
            lambda k: finish(
                binned
                >> dp.t.then_count_by_categories(
                    categories=list(range(BINS - 1)), null_category=True, MO=norm
                )
                >> noise(k)
            ),
            d_out,
        )
    if op == "quantile":
        candidates = [
            LO + i * (HI - LO) / (phantom.QUANTILE_CANDIDATES - 1) for i in range(phantom.QUANTILE_CANDIDATES)
        ]
        domain = dp.vector_domain(dp.atom_domain(T=float, nan=False))
        return dp.binary_search_param(
            lambda s: dp.m.make_private_quantile(
                domain,
                dp.symmetric_distance(),
                dp.max_divergence(),
                candidates=candidates,
                alpha=0.5,
                scale=s,
            ),
            d_in=1,
            d_out=EPSILON,
        )
    raise ValueError(op)


def opendp_vector_minimum(sigma: float, count_sigma: float) -> float:
    """Smallest common factor on (sigma, count_sigma) OpenDP certifies: its Gaussian maps give each rho,
    zCDP composes by adding them, and its conversion gives (epsilon, delta)."""
    dp = _opendp()
    unit = dp.m.make_gaussian(dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float), 1.0)
    convert = dp.c.make_fix_delta(dp.c.make_zCDP_to_approxDP(unit), DELTA)

    def fits(k: float) -> bool:
        rho = unit.map(CLIP / (k * sigma)) + unit.map(1 / (k * count_sigma))  # each is (d_in/scale)^2 / 2
        try:
            return convert.map(math.sqrt(2 * rho))[0] <= EPSILON
        except Exception:  # too little noise for OpenDP to map: not certified
            return False

    return sigma * _opendp().binary_search(fits, bounds=(1e-6, 1e6))


def rows() -> list[tuple[str, str, float, float]]:
    values = [random.uniform(LO, HI) for _ in range(1000)]
    out = []
    for mechanism in ("laplace", "gaussian"):
        gaussian = mechanism == "gaussian"
        for op in ("count", "sum", "mean", "histogram", "quantile"):
            if op == "quantile" and gaussian:
                continue
            release = phantom.aggregate(
                values, op, EPSILON, (LO, HI), DELTA if gaussian else None, mechanism, BINS
            )
            scales = (
                (release.noise_scale,)
                if release.count_noise_scale is None
                else (release.noise_scale, release.count_noise_scale)
            )
            minimum = opendp_minimum(op, gaussian, scales)
            out.append((op, release.mechanism, release.noise_scale, minimum))
    vectors = [[random.gauss(0, 1) for _ in range(8)] for _ in range(500)]
    release = phantom.vector_mean(vectors, CLIP, EPSILON, DELTA)
    out.append(
        (
            "vector mean",
            "gaussian",
            release.noise_scale,
            opendp_vector_minimum(release.noise_scale, release.count_noise_scale or 1.0),
        )
    )
    return out


def main() -> None:
    print(
        f"epsilon={EPSILON}, delta={DELTA} (Gaussian), bounds=[{LO}, {HI}], bins={BINS}, clip_norm={CLIP}; "
        "neighbours: add/remove one record"
    )
    print(f"{'release':<12} {'mechanism':<12} {'phantom':>12} {'OpenDP min':>12} {'ratio':>7}  verdict")
    worst = []
    for op, mechanism, mine, minimum in rows():
        ratio = mine / minimum
        worst.append(ratio)
        verdict = "ok" if 1 <= ratio <= 1.05 else ("UNSOUND" if ratio < 1 else "loose")
        print(f"{op:<12} {mechanism:<12} {mine:>14.8g} {minimum:>14.8g} {ratio:>9.6f}  {verdict}")
    print(f"ratios: min {min(worst):.4f}, max {max(worst):.4f}")


if __name__ == "__main__":
    main()
