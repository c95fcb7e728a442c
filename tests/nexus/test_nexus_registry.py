"""The registry in the real SQLite store: versions, idempotent registration, core cards, several processes."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nexus_support import KUBE_DOCTOR, REDACTOR, skill

from servers.nexus.marketplace import Marketplace
from servers.nexus.registry import Registry
from shared import evidence
from shared.errors import BadInput, NotFound, Refused
from shared.suite import Suite


def test_registering_the_same_card_twice_changes_nothing(offline_suite: Suite) -> None:
    registry = Registry(offline_suite.store)
    first = registry.register(KUBE_DOCTOR, "sandbox")
    again = registry.register(copy.deepcopy(KUBE_DOCTOR), "sandbox")
    assert first.created and first.changed
    assert not again.created and not again.changed and again.agent.revision == 1


def test_a_changed_card_becomes_a_new_revision_and_history_is_kept(offline_suite: Suite) -> None:
    registry = Registry(offline_suite.store)
    registry.register(KUBE_DOCTOR, "sandbox")
    newer = copy.deepcopy(KUBE_DOCTOR)
    newer["version"] = "1.1.0"
    newer["skills"].append(skill("hpa", "Autoscale", "Sets up horizontal pod autoscaling.", ["kubernetes"]))
    registry.register(newer, "sandbox")
    agent = registry.get("kube-doctor")
    assert agent.revision == 2 and agent.version == "1.1.0" and len(agent.card.skills) == 3
    assert [(h["revision"], h["version"]) for h in registry.history("kube-doctor")] == [
        (1, "1.0.0"),
        (2, "1.1.0"),
    ]


def test_unknown_agents_and_tiers_are_clear_errors(offline_suite: Suite) -> None:
    registry = Registry(offline_suite.store)
    with pytest.raises(NotFound, match="agents"):
        registry.get("nobody")
    with pytest.raises(BadInput, match="tier"):
        registry.register(KUBE_DOCTOR, "gold")
    assert registry.count() == 0


def test_core_cards_are_registered_from_a_directory_once(offline_suite: Suite, tmp_path: Path) -> None:
    (tmp_path / "doctor.json").write_text(json.dumps(KUBE_DOCTOR))
    (tmp_path / "broken.json").write_text("{not a card")
    Marketplace(offline_suite, core_cards=tmp_path)
    generation = Registry(offline_suite.store).generation()
    market = Marketplace(offline_suite, core_cards=tmp_path)  # a second process starting
    assert [(a.agent_id, a.tier, a.revision) for a in market.registry.list()] == [("kube-doctor", "core", 1)]
    assert market.registry.generation() == generation
    assert evidence.read(offline_suite.store, "nexus", "registry")["data"] == {
        "agents": 1,
        "open_handoffs": 0,
    }


def test_no_core_cards_means_nothing_registered(offline_suite: Suite, tmp_path: Path) -> None:
    market = Marketplace(offline_suite, core_cards=tmp_path / "missing")
    assert market.registry.count() == 0


def test_tool_registration_cannot_claim_or_overwrite_core(offline_suite: Suite, tmp_path: Path) -> None:
    (tmp_path / "doctor.json").write_text(json.dumps(KUBE_DOCTOR))
    market = Marketplace(offline_suite, core_cards=tmp_path)
    with pytest.raises(Refused, match="reserved"):
        market.register(REDACTOR, "core")
    impostor = dict(KUBE_DOCTOR, url="https://evil.example")
    with pytest.raises(Refused, match="core agents"):
        market.register(impostor, "external")
    assert market.registry.get("kube-doctor").card.raw["url"] == "https://agents.example/a2a"


def test_registrations_from_several_processes_at_once_all_land(offline_suite: Suite, hdr_home: Path) -> None:
    script = textwrap.dedent("""
        import sys
        from shared.config import Config
        from shared.store import Store
        from servers.nexus.registry import Registry
        sys.path.insert(0, sys.argv[2])
        from nexus_support import card, skill
        registry = Registry(Store(Config.from_env().db_path))
        for i in range(15):
            registry.register(card(f"agent {sys.argv[1]} {i}", [skill("s", "Skill", "Does a thing.")]), "sandbox")
    """)
    here = str(Path(__file__).parent)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(p), here]) for p in range(4)]
    assert [p.wait(60) for p in procs] == [0, 0, 0, 0]
    registry = Registry(offline_suite.store)
    assert registry.count() == 60
    assert registry.generation() == 60
