"""phantom's PII detection, round 12 (issue #13): the causes behind heldout15's misses, by the general forms of what
the misread text is. A Kubernetes object's `apiVersion` (GROUP/VERSION), `arp`'s Address column, Squid's
`hierarchy code/peer host`, trunk-prefixed and end-of-sentence phone numbers, card numbers read out in spaced
groups, a set-top box's VC number and an ABA routing number. Third parties write the values: Kubernetes' own
schemas (kubernetes-validate), phonenumbers' example numbers, python-stdnum and Faker."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
import yaml
from faker import Faker

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


@cache
def _kubernetes_group_versions() -> tuple[str, ...]:
    """Every grouped apiVersion Kubernetes' own JSON schemas (as kubernetes-validate ships them) allow."""
    import kubernetes_validate

    root = Path(kubernetes_validate.__file__).parent / "kubernetes-json-schema"
    newest = sorted(p for p in os.listdir(root) if p.endswith("-local-strict"))[-1]
    found: set[str] = set()
    for schema_file in (root / newest).glob("*.json"):
        if schema_file.name.startswith("_") or schema_file.name == "all.json":
            continue
        schema = json.loads(schema_file.read_text())
        enum = schema.get("properties", {}).get("apiVersion", {}).get("enum", [])
        found.update(v for v in enum if "." in v)
    return tuple(sorted(found))


def test_kubernetes_schemas_name_dotted_api_groups() -> None:
    assert {"networking.k8s.io/v1", "rbac.authorization.k8s.io/v1"} <= set(_kubernetes_group_versions())


def test_no_kubernetes_api_version_is_a_url_in_json_or_yaml() -> None:
    fake = Faker()
    for group_version in _kubernetes_group_versions():
        obj = {"apiVersion": group_version, "kind": "Event", "metadata": {"name": fake.slug()}}
        for text in (json.dumps(obj), yaml.safe_dump(obj), json.dumps(obj, indent=2)):
            assert _found(text, "URL") == [], text


def test_an_audit_events_addresses_are_still_found_next_to_its_api_version() -> None:
    fake = Faker()
    email, ip = fake.email(), fake.ipv4_public()
    event = {
        "kind": "Event",
        "apiVersion": "audit.k8s.io/v1",
        "user": {"username": email},
        "sourceIPs": [ip],
        "requestURI": "/api/v1/namespaces/payments/secrets",
    }
    text = json.dumps(event)
    assert _found(text, "URL") == []
    assert _found(text, "EMAIL_ADDRESS") == [email]
    assert _found(text, "IP_ADDRESS") == [ip]


def test_a_web_address_in_a_field_named_otherwise_is_still_one() -> None:
    url = Faker().url()
    assert _found(json.dumps({"apiVersionDocs": url}), "URL") == [url]


def test_arp_names_a_neighbour_by_host_name() -> None:
    fake = Faker()
    host = f"{fake.domain_word()}.{fake.domain_name()}"
    text = (
        "$ arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n"
        f"{fake.ipv4_private()}             ether   {fake.mac_address()}   C                     eth0\n"
        f"{host} (incomplete)                              eth0\n"
        f"{host}             ether   {fake.mac_address()}   C                     eth0"
    )
    assert _found(text, "URL") == []
    bsd = f"{host} ({fake.ipv4_private()}) at {fake.mac_address()} on en0 ifscope [ethernet]"
    assert _found(bsd, "URL") == []


def test_a_host_before_a_parenthesis_in_prose_is_still_a_web_address() -> None:
    host = Faker().domain_name()
    assert _found(f"Sign up at {host} (free) today", "URL") == [host]


# Squid's `squid` logformat: `%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt`; the hierarchy codes are
# the ones Squid's docs list (SquidFaq/SquidLogs "Hierarchy Codes"), TIMEOUT_ prefixed when a peer timed out.
_SQUID_HIERARCHY_CODES = (
    "HIER_DIRECT",
    "DIRECT",
    "SIBLING_HIT",
    "PARENT_HIT",
    "DEFAULT_PARENT",
    "FIRST_PARENT_MISS",
    "CLOSEST_PARENT_MISS",
    "ROUNDROBIN_PARENT",
    "CARP",
    "PINNED",
    "ORIGINAL_DST",
    "TIMEOUT_FIRST_PARENT_MISS",
)


@pytest.mark.parametrize("code", _SQUID_HIERARCHY_CODES)
def test_squids_peer_host_is_an_address(code: str) -> None:
    fake = Faker()
    client, peer = fake.ipv4_private(), fake.ipv4()
    line = f"1066036250.603 120 {client} TCP_MISS/200 1234 GET {fake.url()} - {code}/{peer} text/html"
    assert _found(line, "IP_ADDRESS") == [client, peer]


def test_a_version_after_a_slash_is_still_no_address() -> None:
    assert _found("User-Agent: Chrome/120.0.6099.109 Safari/537.36", "IP_ADDRESS") == []
    assert _found("pip install pkg==1.2.3.4 and see build/1.2.3.4", "IP_ADDRESS") == []
