"""Discovery with the real embedding model and BM25 over the real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from nexus_support import KUBE_DOCTOR, REDACTOR, TRANSLATOR, card, skill

from servers.nexus.marketplace import Marketplace
from servers.nexus.registry import Registry
from shared.errors import BadInput
from shared.suite import Suite


@pytest.fixture
def market(offline_suite: Suite, tmp_path: Path) -> Marketplace:
    m = Marketplace(offline_suite, core_cards=tmp_path)
    for c in (KUBE_DOCTOR, REDACTOR, TRANSLATOR):
        m.register(c, "sandbox")
    return m


@pytest.mark.parametrize(
    ("query", "agent", "skill_id"),
    [
        ("hide the card numbers in this log", "log-redactor", "redact-pii"),
        ("I need this contract in Japanese", "polyglot", "translate"),
        ("why does my container restart over and over", "kube-doctor", "crashloop"),
    ],
)
def test_plain_words_find_the_right_skill_first(
    market: Marketplace, query: str, agent: str, skill_id: str
) -> None:
    hits = market.discover(query, k=3)
    assert (hits[0].agent_id, hits[0].skill_id) == (agent, skill_id)
    assert hits[0].reason
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_jargon_shared_with_the_skill_keeps_it_in_the_top_two(market: Marketplace) -> None:
    # Embedding alone puts "crash loops" first for this query (restarts sound alike); BM25 on "OOM"
    # pulls the memory skill up, but with the weights tuned on bench/nexus_discovery_set.py not past it.
    hits = [(h.agent_id, h.skill_id) for h in market.discover("my pods keep getting OOM killed", k=2)]
    assert ("kube-doctor", "memory-limits") in hits


def test_the_reason_names_the_shared_words(market: Marketplace) -> None:
    hit = market.discover("redact emails from support tickets", k=1)[0]
    assert "'redact'" in hit.reason and "'emails'" in hit.reason


def test_filters_by_tier_tags_and_input_mode(market: Marketplace) -> None:
    market.register(
        card(
            "Offshore Translator",
            [skill("tr", "Translate", "Translates text into other languages.", ["language"])],
        ),
        "external",
    )
    external = market.discover("translate my document", k=5, tier="external")
    assert {h.agent_id for h in external} == {"offshore-translator"}
    assert {h.agent_id for h in market.discover("anything about pods", k=5, tags=["kubernetes"])} == {
        "kube-doctor"
    }
    assert [h.agent_id for h in market.discover("translate", k=5, input_mode="application/pdf")] == [
        "polyglot"
    ]
    assert market.discover("translate", k=5, tags=["no-such-tag"]) == []


def test_agents_that_deliver_rise_above_equally_relevant_ones_that_fail(market: Marketplace) -> None:
    def twin(name: str) -> dict:
        return card(
            name,
            [
                skill(
                    "redact",
                    "Redact personal data",
                    "Masks personal data such as emails in logs.",
                    ["privacy"],
                )
            ],
        )

    market.register(twin("Reliable Masker"), "sandbox")
    market.register(twin("Flaky Masker"), "sandbox")
    for agent, outcome in [("reliable-masker", "completed"), ("flaky-masker", "failed")] * 3:
        handoff = market.create_handoff(from_agent="test", to_agent=agent, task="mask emails")
        market.complete(handoff.id, outcome)
    hits = [h.agent_id for h in market.discover("mask emails in my logs", k=5)]
    assert hits.index("reliable-masker") < hits.index("flaky-masker")
    assert market.quality("flaky-masker").failed == 3


def test_the_index_sees_another_process_registering(market: Marketplace, offline_suite: Suite) -> None:
    assert market.discover("forecast the weather for tomorrow", k=1)[0].agent_id != "weather-oracle"
    other_process = Registry(offline_suite.store)  # another process's registry over the same database
    other_process.register(
        card(
            "Weather Oracle",
            [skill("forecast", "Weather forecast", "Predicts rain, wind and temperature.", ["weather"])],
        ),
        "sandbox",
    )
    assert market.discover("forecast the weather for tomorrow", k=1)[0].agent_id == "weather-oracle"


def test_deregistered_agents_are_no_longer_found(market: Marketplace) -> None:
    market.deregister("polyglot")
    assert "polyglot" not in {h.agent_id for h in market.discover("translate to German", k=5)}


@pytest.mark.parametrize("query", ["", "   ", "\x00\x00", "x" * 5000])
def test_bad_queries_are_refused(market: Marketplace, query: str) -> None:
    with pytest.raises(BadInput, match="query"):
        market.discover(query)


def test_bad_k_and_tier_are_refused(market: Marketplace) -> None:
    with pytest.raises(BadInput, match="`k`"):
        market.discover("translate", k=10**12)
    with pytest.raises(BadInput, match="tier"):
        market.discover("translate", tier="gold")


def test_compose_picks_one_agent_per_capability_names_gaps_and_sums_cost(market: Marketplace) -> None:
    team = market.compose(
        "publish the incident report abroad",
        [
            "scrub personal data out of the incident log",
            "turn the report into French",
            "launch a rocket into orbit",
        ],
    )
    staffed = {m.capability: m.hit.agent_id for m in team.members if m.hit}
    assert staffed == {
        "scrub personal data out of the incident log": "log-redactor",
        "turn the report into French": "polyglot",
    }
    assert team.gaps == ["launch a rocket into orbit"]
    assert team.total_price_usd == pytest.approx(0.011)
    assert team.total_latency_ms == pytest.approx(2300)


def test_a_core_agent_never_outranks_a_better_external_match(offline_suite: Suite, tmp_path: Path) -> None:
    """Issue #16: the suite's own cards used to get a tier factor that put them first for unrelated queries."""
    import json

    core = tmp_path / "core"
    core.mkdir()
    (core / "forge.json").write_text(
        json.dumps(
            card(
                "hdr-forge",
                [
                    skill(
                        "analyze",
                        "Analyze workloads",
                        "Finds over- and under-provisioned Kubernetes workloads from usage.",
                    )
                ],
            )
        )
    )
    market = Marketplace(offline_suite, core_cards=core)
    market.register(
        card(
            "Cluster Tuner",
            [
                skill(
                    "rightsize",
                    "Right-size pods",
                    "Right-sizes Kubernetes pod CPU and memory requests from measured usage.",
                )
            ],
        ),
        "external",
    )
    hits = market.discover("right-size the CPU and memory requests of my pods from measured usage", k=2)
    assert [(h.agent_id, h.tier) for h in hits][0] == ("cluster-tuner", "external")
    assert hits[0].score > hits[1].score


def test_a_skills_card_examples_are_matched_one_by_one(market: Marketplace) -> None:
    """A request close to one of the examples a skill lists finds it, though its description says little."""
    market.register(
        card(
            "Night Owl",
            [
                skill(
                    "watch",
                    "Watch",
                    "Observes scheduled work.",
                    examples=[
                        "tell me when the payroll batch fails at night",
                        "page me if the nightly export is late",
                    ],
                )
            ],
        ),
        "sandbox",
    )
    market.register(
        card(
            "Data Exporter",
            [skill("export", "Export data", "Exports the nightly database dump to CSV files.")],
        ),
        "sandbox",
    )
    query = "alert me if the nightly export runs late"
    hits = market.discover(query, k=1)
    assert (hits[0].agent_id, hits[0].skill_id) == ("night-owl", "watch")
    baseline = market.index.search(query, k=1, mode="embedding")
    assert baseline[0].agent_id == "data-exporter"  # description-only cosine is led by the word "export"


def test_every_ranking_mode_returns_scored_hits(market: Marketplace) -> None:
    # lexical mode skips the embedding; its hits still carry every score field (embedding_score 0)
    for mode in ("fused", "embedding", "text", "lexical"):
        hits = market.index.search("translate this text into German", k=2, mode=mode)
        assert hits, mode
        assert all(isinstance(h.score, float) and isinstance(h.embedding_score, float) for h in hits)
        if mode == "lexical":
            assert all(h.embedding_score == 0.0 for h in hits)
