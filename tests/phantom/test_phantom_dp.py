"""The noise really has the distribution the privacy guarantee assumes (KS tests, scipy).

Each goodness-of-fit test uses alpha = 1e-4 on 20,000 draws: a correct mechanism fails it once
in 10,000 runs; a scale off by 15% is rejected with overwhelming probability (checked below,
so these tests can fail)."""

from __future__ import annotations

import math

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


def test_gaussian_noise_matches_the_classic_gaussian_mechanism_sigma() -> None:
    epsilon, delta = 0.8, 1e-6
    residuals = [dp.aggregate([1.0] * 5, "count", epsilon, None, delta, "gaussian").value - 5 for _ in range(N)]
    sigma = math.sqrt(2 * math.log(1.25 / delta)) / epsilon
    assert stats.kstest(residuals, stats.norm(scale=sigma).cdf).pvalue > ALPHA
    assert stats.kstest(residuals, stats.norm(scale=sigma * 1.15).cdf).pvalue < ALPHA


def test_noise_comes_from_the_os_csprng_not_a_seedable_generator() -> None:
    import random
    import secrets

    assert isinstance(dp._rng, secrets.SystemRandom)
    random.seed(1)
    first = dp.laplace(1.0)
    random.seed(1)
    assert dp.laplace(1.0) != first


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
    with pytest.raises(Refused, match="remaining epsilon 0 of 1"):
        budgets.spend("b", 0.01, 0.0, None, None)
    assert budgets.list()[0].queries == 10


@pytest.mark.parametrize("epsilon", [0.0, 5e-324, 1e-9, -1.0, math.inf, math.nan, 11.0])
def test_bad_epsilons_are_bad_input(epsilon: float) -> None:
    with pytest.raises(BadInput):
        dp.check_params("sum", epsilon, None, (0, 1), "laplace")
