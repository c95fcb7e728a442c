"""The noise really has the distribution the privacy guarantee assumes (KS tests, scipy).

Each goodness-of-fit test uses alpha = 1e-4 on 20,000 draws: a correct mechanism fails it once
in 10,000 runs; a scale off by 15% is rejected with overwhelming probability (checked below,
so these tests can fail)."""

from __future__ import annotations

import math
import statistics

import pytest
from scipy import stats

from servers.phantom import dp
from shared.errors import BadInput, Refused
from shared.store import Store

N = 20_000
ALPHA = 1e-4


def test_laplace_noise_matches_laplace_with_scale_sensitivity_over_epsilon() -> None:
    epsilon, bounds = 0.5, (0.0, 10.0)
    residuals = [dp.aggregate([3.0] * 7, "sum", epsilon, bounds).value - 21.0 for _ in range(N)]
    scale = 10.0 / epsilon
    assert stats.kstest(residuals, stats.laplace(scale=scale).cdf).pvalue > ALPHA
    assert stats.kstest(residuals, stats.laplace(scale=scale * 1.15).cdf).pvalue < ALPHA
    assert stats.kstest(residuals, stats.norm(scale=scale * math.sqrt(2)).cdf).pvalue < ALPHA


def gdp_delta(epsilon: float, mu: float) -> float:
    """The exact delta at `epsilon` of a mu-GDP mechanism (Dong, Roth & Su 2019): a Gaussian mechanism
    with sensitivity/sigma = mu, or several composed (mu = the root of the sum of their squares)."""
    return stats.norm.cdf(-epsilon / mu + mu / 2) - math.exp(epsilon) * stats.norm.cdf(-epsilon / mu - mu / 2)


def test_gaussian_noise_is_sound_and_tighter_than_the_classic_formula() -> None:
    """sigma from zCDP accounting (OpenDP's conversion) is checked against the exact privacy profile of the
    Gaussian mechanism (an independent formula, scipy): it meets (epsilon, delta), and needs less noise than
    the classic sqrt(2 ln(1.25/delta))/epsilon."""
    epsilon, delta = 0.8, 1e-6
    release = dp.aggregate([1.0] * 5, "count", epsilon, None, delta, "gaussian")
    sigma = release.noise_scale
    classic = math.sqrt(2 * math.log(1.25 / delta)) / epsilon
    assert gdp_delta(epsilon, 1 / sigma) <= delta
    assert sigma < 0.9 * classic
    assert release.neighbouring.startswith("add/remove") and "zCDP" in release.accounting
    residuals = [
        dp.aggregate([1.0] * 5, "count", epsilon, None, delta, "gaussian").value - 5 for _ in range(N)
    ]
    assert stats.kstest(residuals, stats.norm(scale=sigma).cdf).pvalue > ALPHA
    assert stats.kstest(residuals, stats.norm(scale=sigma * 1.15).cdf).pvalue < ALPHA


def test_gaussian_works_past_epsilon_one() -> None:
    dp.check_params("sum", 4.0, 1e-6, (0, 1), "gaussian")
    release = dp.aggregate([0.5] * 10, "sum", 4.0, (0.0, 1.0), 1e-6, "gaussian")
    assert gdp_delta(4.0, 1 / release.noise_scale) <= 1e-6


def test_vector_mean_noise_estimated_from_repeated_releases_meets_the_charged_epsilon() -> None:
    """Issue #13: the vector mean added half the noise it needed (n treated as public, sigma calibrated to
    clip_norm). Zero vectors make the released mean pure noise over the (noisy) count, so many releases
    estimate the sum's sigma; with the count's sigma, the composed Gaussians' exact privacy profile must
    meet the (epsilon, delta) charged under add/remove neighbours."""
    epsilon, delta, clip, n, dim = 1.0, 1e-5, 2.0, 5_000, 100
    vectors = [[0.0] * dim] * n
    draws, reported = [], []
    for _ in range(100):
        release = dp.vector_mean(vectors, clip, epsilon, delta)
        draws.extend(v * n for v in release.value)  # ~ the sum's noise (the count's is ~0.1% relative)
        reported.append((release.noise_scale, release.count_noise_scale))
    sigma_sum = statistics.pstdev(draws)
    sigma, count_sigma = reported[0]
    assert abs(sigma_sum / sigma - 1) < 0.05  # the release does add what it says
    slack = 1 - 4 / math.sqrt(2 * len(draws))  # four standard errors of the estimate, in its favour
    mu = math.hypot(clip / (sigma_sum / slack), 1 / count_sigma)
    assert gdp_delta(epsilon, mu) <= delta
    # the old calibration (sigma for sensitivity clip_norm at the whole epsilon, n public) breaks it under
    # replace-one neighbours, where the sum moves by 2 x clip_norm
    old_sigma = clip * math.sqrt(2 * math.log(1.25 / delta)) / epsilon
    assert gdp_delta(epsilon, 2 * clip / old_sigma) > delta


def test_noise_is_not_from_a_seedable_generator() -> None:
    import random

    random.seed(1)
    first = dp.laplace_noisy([0.0], 1.0)
    random.seed(1)
    assert dp.laplace_noisy([0.0], 1.0) != first


def test_exponential_quantile_is_near_the_true_median_with_enough_data() -> None:
    values = [float(i % 101) for i in range(5000)]
    answers = sorted(dp.aggregate(values, "quantile", 1.0, (0.0, 100.0)).value for _ in range(200))
    assert 45 <= answers[100] <= 55  # median of releases; true median is 50


def test_values_are_clamped_to_bounds_before_summing() -> None:
    releases = [dp.aggregate([1e9, -1e9, 5.0], "sum", 10.0, (0.0, 10.0)).value for _ in range(2000)]
    assert abs(sum(releases) / len(releases) - 15.0) < 0.5  # 10 + 0 + 5, noise scale 1


def test_vector_mean_clips_each_vector_to_the_l2_bound() -> None:
    release = dp.vector_mean([[300.0, 400.0]] * 1000, 1.0, 1.0, 1e-5)
    assert abs(release.value[0] - 0.6) < 0.05 and abs(release.value[1] - 0.8) < 0.05


def test_budget_refuses_once_spent_and_states_what_remains(tmp_path) -> None:
    budgets = dp.Budgets(Store(tmp_path / "s.db"))
    for _ in range(10):
        budgets.spend("b", 0.1, 0.0, 1.0, None)
    budgets.spend("wide", 0.1, 1e-4, None, 1e-3)  # issue #13: a budget's delta total can be set
    with pytest.raises(Refused, match="budget_delta_total"):
        budgets.spend("narrow", 0.1, 1e-4, None, None)
    with pytest.raises(Refused, match="remaining epsilon 0 of 1"):
        budgets.spend("b", 0.01, 0.0, None, None)
    assert budgets.get("b").queries == 10


@pytest.mark.parametrize("epsilon", [0.0, 5e-324, 1e-9, -1.0, math.inf, math.nan, 11.0])
def test_bad_epsilons_are_bad_input(epsilon: float) -> None:
    with pytest.raises(BadInput):
        dp.check_params("sum", epsilon, None, (0, 1), "laplace")


def test_every_release_type_is_sound_and_tight_by_opendps_own_account() -> None:
    """bench/phantom_dp_check.py's table, asserted: for count, sum, mean, histogram, quantile (Laplace and
    Gaussian) and the vector mean, phantom's noise / the smallest OpenDP certifies for the same release
    (OpenDP deriving sensitivity from its own clamp/sum/count/binning transformations) is in [1, 1.05]."""
    import runpy
    from pathlib import Path

    bench = runpy.run_path(
        str(Path(__file__).resolve().parents[2] / "bench" / "phantom_dp_check.py"),
        run_name="bench_import_check",
    )
    ratios = {f"{op} {mechanism}": mine / minimum for op, mechanism, mine, minimum in bench["rows"]()}
    assert len(ratios) == 10
    assert all(1 <= r <= 1.05 for r in ratios.values()), ratios
