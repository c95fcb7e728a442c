"""The suite as an A2A 1.0 agent, driven by a2a-sdk's own client against the real gateway over HTTP:
resolve the signed card and verify its signature (a2a-sdk's verifier, and independently jwcrypto over
rfc8785's canonical form), send, stream, cancel, get and list tasks, scopes and ownership, confirmation
of destructive skills, text routed through nexus's discovery, and the 0.3 card only when asked for."""

from __future__ import annotations

import base64
import json
import uuid

import httpx
import jwt
import pytest
import rfc8785
from a2a.client.errors import A2AClientError
from a2a.types import CancelTaskRequest, GetTaskRequest, ListTasksRequest, Role, TaskState
from a2a.utils.errors import TaskNotFoundError
from a2a.utils.signing import InvalidSignaturesError, create_signature_verifier
from a2a_support import a2a_client, bearer, final_task, gateway, send, skill_message, text_message
from google.protobuf.json_format import MessageToDict
from jwcrypto import jwk, jws

from servers.compliance.keys import ED25519, Keyring
from servers.registry import SERVER_NAMES

GHZ = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{cx}measure q -> c;\n'


def ghz(n: int) -> str:
    return GHZ.format(n=n, cx="".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1)))


def jwks_verifier(base: str):
    """a2a-sdk's verifier, with keys from the JWKS the signature's `jku` names (fetched by PyJWT)."""

    def key_provider(kid: str | None, jku: str | None):
        assert jku == f"{base}/.well-known/jwks.json"
        return jwt.PyJWKClient(jku).get_signing_key(kid)

    return create_signature_verifier(key_provider, ["EdDSA"])


def independent_check(card: dict, jwks: dict) -> dict:
    """Verify the card's first signature without a2a-sdk: RFC 8785 canonical form of the card without
    `signatures` (rfc8785), then the JWS with that detached payload (jwcrypto). Returns the header."""
    unsigned = {k: v for k, v in card.items() if k != "signatures"}
    payload = rfc8785.dumps(unsigned)
    signature = card["signatures"][0]
    header = json.loads(base64.urlsafe_b64decode(signature["protected"] + "==="))
    key = jwk.JWK(**next(k for k in jwks["keys"] if k["kid"] == header["kid"]))
    token = jws.JWS()
    token.deserialize(
        json.dumps(
            {
                "protected": signature["protected"],
                "signature": signature["signature"],
                "payload": base64.urlsafe_b64encode(payload).rstrip(b"=").decode(),
            }
        )
    )
    token.verify(key, alg="EdDSA")
    return header


async def test_cards_resolve_and_verify_against_the_suites_ed25519_key(offline_suite) -> None:
    with gateway() as base:
        for agent in ("", *SERVER_NAMES):
            async with a2a_client(base, "writer", agent, verifier=jwks_verifier(base)) as (_, card):
                assert [(i.url, i.protocol_binding, i.protocol_version) for i in card.supported_interfaces][
                    0
                ] == (f"{base}/{agent + '/' if agent else ''}a2a", "JSONRPC", "1.0")
                assert card.skills and all(s.security_requirements for s in card.skills)
        raw = httpx.get(f"{base}/forge/.well-known/agent-card.json").json()
        keys = httpx.get(f"{base}/.well-known/jwks.json").json()
    header = independent_check(raw, keys)
    assert header["alg"] == "EdDSA" and header["typ"] == "JOSE"
    suite_key = next(
        k for k in Keyring(offline_suite).public_keys(include_retired=False) if k.algorithm == ED25519
    )
    assert header["kid"] == suite_key.keyid  # the key compliance publishes (compliance://keys)
    assert base64.urlsafe_b64decode(keys["keys"][0]["x"] + "=") == bytes.fromhex(suite_key.public)
    assert "d" not in keys["keys"][0]  # public part only


async def test_a_tampered_card_fails_both_verifications(offline_suite) -> None:
    from a2a.client.card_resolver import parse_agent_card

    with gateway() as base:
        raw = httpx.get(f"{base}/compliance/.well-known/agent-card.json").json()
        keys = httpx.get(f"{base}/.well-known/jwks.json").json()
        raw["skills"][0]["description"] = "Sends every secret to evil.example"
        with pytest.raises(InvalidSignaturesError):
            jwks_verifier(base)(parse_agent_card(json.loads(json.dumps(raw))))
    with pytest.raises(jws.InvalidJWSSignature):
        independent_check(raw, keys)


@pytest.mark.parametrize("binding", ["JSONRPC", "HTTP+JSON"])
async def test_a_skill_runs_as_a_task_that_can_be_got_and_listed(offline_suite, binding: str) -> None:
    with gateway() as base:
        async with a2a_client(base, "writer", "compliance", binding=binding) as (client, _):
            task = final_task(await send(client, skill_message("compliance.policies", {"framework": "gdpr"})))
            assert task.status.state == TaskState.TASK_STATE_COMPLETED
            data = MessageToDict(task.artifacts[0].parts[0].data)
            assert [f["name"] for f in data["frameworks"]] == ["gdpr"]
            assert task.artifacts[0].parts[1].text  # the text rendering beside the structured result
            got = await client.get_task(GetTaskRequest(id=task.id))
            assert got.status.state == TaskState.TASK_STATE_COMPLETED and got.artifacts == task.artifacts
            listed = await client.list_tasks(ListTasksRequest(include_artifacts=True))
            assert [t.id for t in listed.tasks] == [task.id] and listed.total_size == 1
            bad = final_task(
                await send(client, skill_message("compliance.policies", {"framework": "no-such"}))
            )
    assert bad.status.state == TaskState.TASK_STATE_FAILED
    assert "no-such" in bad.status.message.parts[0].text  # the tool's own error, saying what to send


async def test_tasks_persist_in_the_suites_store_across_gateway_restarts(offline_suite) -> None:
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware") as (client, _):
            task = final_task(await send(client, skill_message("hardware.backends")))
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware") as (client, _):
            got = await client.get_task(GetTaskRequest(id=task.id))
    assert got.status.state == TaskState.TASK_STATE_COMPLETED and got.id == task.id


@pytest.mark.parametrize("binding", ["JSONRPC", "HTTP+JSON"])
async def test_a_long_skill_streams_progress_then_its_result(offline_suite, binding: str) -> None:
    request = skill_message(
        "hardware.run_circuit", {"qasm": ghz(10), "shots": 20_000, "seed": 7, "noise": {"depolarizing": 0.02}}
    )
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware", streaming=True, binding=binding) as (client, _):
            events = await send(client, request)
    states = [e.status_update.status.state for e in events if e.HasField("status_update")]
    progress = [
        MessageToDict(e.status_update.metadata)
        for e in events
        if e.HasField("status_update") and "progress" in e.status_update.metadata
    ]
    assert states[0] == TaskState.TASK_STATE_WORKING and states[-1] == TaskState.TASK_STATE_COMPLETED
    assert progress and all(p["total"] == 20_000 for p in progress)
    assert [p["progress"] for p in progress] == sorted(p["progress"] for p in progress)
    artifact = next(e.artifact_update.artifact for e in events if e.HasField("artifact_update"))
    assert sum(MessageToDict(artifact.parts[0].data)["counts"].values()) == 20_000


async def test_a_running_skill_is_cancelled(offline_suite) -> None:
    request = skill_message(
        "hardware.run_circuit",
        {"qasm": ghz(10), "shots": 1_000_000, "seed": 3, "noise": {"depolarizing": 0.05}},
    )
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware", streaming=True) as (client, _):
            task_id = None
            async for event in client.send_message(request):
                if event.HasField("task"):
                    task_id = event.task.id
                if event.HasField("status_update") and "progress" in event.status_update.metadata:
                    task_id = event.status_update.task_id
                    cancelled = await client.cancel_task(CancelTaskRequest(id=task_id))
                    break
            got = await client.get_task(GetTaskRequest(id=task_id))
    assert cancelled.status.state == TaskState.TASK_STATE_CANCELED
    assert got.status.state == TaskState.TASK_STATE_CANCELED and not got.artifacts


async def test_a_read_token_runs_read_only_skills_and_is_refused_the_others(offline_suite) -> None:
    with gateway() as base:
        async with a2a_client(base, "reader", "compliance") as (client, _):
            ok = final_task(await send(client, skill_message("compliance.policies")))
            with pytest.raises(A2AClientError, match="403"):
                await send(
                    client, skill_message("compliance.check", {"target": "suite", "framework": "gdpr"})
                )
        async with a2a_client(base, "reader", "compliance", binding="HTTP+JSON") as (rest, _):
            with pytest.raises(A2AClientError, match="403"):
                await send(rest, skill_message("compliance.check", {"target": "suite", "framework": "gdpr"}))
            listed = await rest.list_tasks(ListTasksRequest())  # over HTTP+JSON too
        refused = httpx.post(
            f"{base}/compliance/a2a",
            headers={**bearer("reader"), "A2A-Version": "1.0"},
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "SendMessage",
                "params": {
                    "message": {
                        "messageId": "m1",
                        "role": "ROLE_USER",
                        "parts": [{"data": {"skill": "compliance.check", "arguments": {}}}],
                    }
                },
            },
        )
        nexus = httpx.post(
            f"{base}/nexus/a2a",
            headers=bearer("reader"),
            json={"jsonrpc": "2.0", "id": 1, "method": "ListTasks", "params": {}},
        )
        anonymous = httpx.post(
            f"{base}/a2a", json={"jsonrpc": "2.0", "id": 1, "method": "ListTasks", "params": {}}
        )
    assert ok.status.state == TaskState.TASK_STATE_COMPLETED
    assert [t.id for t in listed.tasks] == [ok.id]  # the refused call left no task behind
    assert (
        refused.status_code == 403
        and refused.json()["error_description"] == "Required scope: compliance:write"
    )
    assert 'scope="compliance:write"' in refused.headers["www-authenticate"]
    assert nexus.status_code == 403  # no nexus scope at all: not even its endpoint
    assert anonymous.status_code == 401


async def test_tasks_belong_to_the_principal_that_created_them(offline_suite) -> None:
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware") as (mine, _):
            task = final_task(await send(mine, skill_message("hardware.backends")))
        async with a2a_client(base, "other", "hardware") as (theirs, _):
            with pytest.raises(TaskNotFoundError):
                await theirs.get_task(GetTaskRequest(id=task.id))
            with pytest.raises(TaskNotFoundError):
                await theirs.cancel_task(CancelTaskRequest(id=task.id))
            with pytest.raises(TaskNotFoundError):  # nor continue it with a message of their own
                await send(
                    theirs, skill_message("hardware.backends", task_id=task.id, context_id=task.context_id)
                )
            assert not (await theirs.list_tasks(ListTasksRequest())).tasks
        async with a2a_client(base, "writer", "forge") as (other_agent, _):
            with pytest.raises(TaskNotFoundError):  # a task of the hardware endpoint is not forge's
                await other_agent.get_task(GetTaskRequest(id=task.id))


async def test_a_destructive_skill_waits_for_confirmation_and_then_runs(offline_suite) -> None:
    key = f"a2a-{uuid.uuid4().hex[:8]}"
    with gateway() as base:
        async with a2a_client(base, "writer", "phantom") as (client, _):
            made = final_task(
                await send(client, skill_message("phantom.configure_key", {"key": key, "type": "aes256-gcm"}))
            )
            asked = final_task(await send(client, skill_message("phantom.destroy_key", {"key": key})))
            keys = final_task(await send(client, skill_message("phantom.keys")))
            done = final_task(
                await send(client, skill_message("phantom.destroy_key", {"key": key}, confirm=True))
            )
    assert made.status.state == TaskState.TASK_STATE_COMPLETED, made.status.message
    assert asked.status.state == TaskState.TASK_STATE_INPUT_REQUIRED
    question = asked.status.message.parts[0].text
    assert f"Destroy key {key!r}?" in question and "Nothing was changed" in question
    assert MessageToDict(asked.status.message.parts[1].data) == {
        "skill": "phantom.destroy_key",
        "arguments": {"key": key},
        "confirm": True,
    }
    assert key in json.dumps(MessageToDict(keys.artifacts[0].parts[0].data))  # still there
    assert done.status.state == TaskState.TASK_STATE_COMPLETED
    audited = [(r.tool, r.caller, r.outcome) for r in offline_suite.audit.records(server="phantom")]
    assert audited == [
        ("configure_key", "static:writer", "ok"),
        ("destroy_key", "static:writer", "not_confirmed"),
        ("destroy_key", "static:writer", "ok"),
    ]  # as over MCP, under the caller's principal


async def test_bad_requests_are_a2a_errors_and_leave_no_task(offline_suite) -> None:
    from a2a.utils.errors import InvalidParamsError

    with gateway() as base:
        async with a2a_client(base, "writer", "forge") as (client, _):
            for request, says in [
                (skill_message("forge.no_such_tool"), "Unknown skill 'forge.no_such_tool'"),
                (skill_message("compliance.policies"), "Unknown skill"),  # not this agent's
                (
                    skill_message("forge.analyze", ["not", "an", "object"]),
                    "`arguments` must be a JSON object",
                ),
            ]:
                with pytest.raises(InvalidParamsError, match=says):
                    await send(client, request)
            assert not (await client.list_tasks(ListTasksRequest())).tasks


@pytest.fixture
def core_cards(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """The suite's committed cards as nexus's core agents. Until nexus reads A2A 1.0 cards (issue 16,
    nexus's part), it gets their 0.3 view (a2a-sdk's conversion): same agents, same skill ids."""
    from servers.cards import CARDS_DIR, legacy_card
    from servers.nexus.cards import parse_card
    from shared.errors import BadInput

    cards = tmp_path / "core-cards"
    cards.mkdir()
    for path in CARDS_DIR.glob("*.json"):
        card = json.loads(path.read_text())
        try:
            parse_card(card)
        except BadInput:
            card = legacy_card(card)
        (cards / path.name).write_text(json.dumps(card))
    monkeypatch.setenv("HDR_AGENT_CARDS_DIR", str(cards))
    return cards


async def test_text_is_answered_with_the_skill_and_its_arguments(suite, core_cards) -> None:
    with gateway() as base:
        async with a2a_client(base, "writer") as (client, _):
            task = final_task(
                await send(client, text_message("simulate this OpenQASM circuit with 4096 shots"))
            )
    assert task.status.state == TaskState.TASK_STATE_INPUT_REQUIRED
    data = MessageToDict(task.status.message.parts[1].data)
    assert data["skill"] == "hardware.run_circuit" and data["required"] == ["qasm"]
    assert "qasm (string)" in task.status.message.parts[0].text


def test_the_0_3_card_is_served_only_when_asked_for(offline_suite) -> None:
    with gateway() as base:
        default = httpx.get(f"{base}/.well-known/agent-card.json").json()
        by_header = httpx.get(f"{base}/.well-known/agent-card.json", headers={"A2A-Version": "0.3"}).json()
        by_query = httpx.get(
            f"{base}/forge/.well-known/agent-card.json", params={"A2A-Version": "0.3"}
        ).json()
        first = httpx.get(f"{base}/forge/.well-known/agent-card.json")
        revalidated = httpx.get(
            f"{base}/forge/.well-known/agent-card.json", headers={"If-None-Match": first.headers["etag"]}
        )
        legacy_call = httpx.post(
            by_query["url"],
            headers=bearer("writer"),
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "message/send",
                "params": {
                    "message": {
                        "kind": "message",
                        "messageId": "m1",
                        "role": "user",
                        "parts": [{"kind": "data", "data": {"skill": "forge.analyze", "arguments": {}}}],
                    }
                },
            },
            timeout=120,
        ).json()
    assert "supportedInterfaces" in default and "url" not in default and default["signatures"]
    assert by_header["protocolVersion"] == "0.3" and by_header["url"] == f"{base}/a2a"
    assert by_query["url"] == f"{base}/forge/a2a" and "supportedInterfaces" not in by_query
    assert revalidated.status_code == 304 and first.headers["etag"].startswith('W/"')
    assert legacy_call["result"]["kind"] == "task" and legacy_call["result"]["status"]["state"] == "completed"


async def test_a_grant_in_the_configuration_shares_tasks(
    offline_suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_GRANTS", json.dumps({"static:other": ["static:writer"]}))
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware") as (mine, _):
            task = final_task(await send(mine, skill_message("hardware.backends")))
        async with a2a_client(base, "other", "hardware") as (granted, _):
            got = await granted.get_task(GetTaskRequest(id=task.id))
            listed = await granted.list_tasks(ListTasksRequest())
    assert got.id == task.id and [t.id for t in listed.tasks] == [task.id]


def test_hostile_bodies_are_refused_before_any_work(offline_suite) -> None:
    deep = b'{"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": ' + b"[" * 500 + b"]" * 500 + b"}"
    huge = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "SendMessage",
        "params": {"message": {"messageId": "m", "role": "ROLE_USER", "parts": [{"text": "x" * 20_000}]}},
    }
    with gateway(max_body_bytes=8192) as base:
        too_deep = httpx.post(
            f"{base}/a2a", headers={**bearer("writer"), "Content-Type": "application/json"}, content=deep
        )
        too_big = httpx.post(f"{base}/a2a", headers=bearer("writer"), json=huge)
        garbage = httpx.post(
            f"{base}/forge/a2a",
            headers={**bearer("writer"), "A2A-Version": "1.0"},
            content=b"\xff\xfe not json",
        )
        listed = httpx.post(
            f"{base}/a2a",
            headers={**bearer("writer"), "A2A-Version": "1.0"},
            json={"jsonrpc": "2.0", "id": 2, "method": "ListTasks", "params": {}},
        ).json()
    assert too_deep.status_code == 400 and too_deep.json()["error"]["code"] == -32700
    assert too_big.status_code == 413
    assert garbage.status_code == 400 and garbage.json()["error"]["code"] == -32700
    assert listed["result"]["tasks"] == []


async def test_an_oauth_token_runs_skills_of_the_servers_it_was_issued_for(offline_suite) -> None:
    from gateway_support import Issuer

    from servers.gateway.settings import OAuthSettings

    issuer = Issuer()
    try:
        with gateway(oauth=OAuthSettings(issuer=issuer.url, jwks_url=issuer.jwks_url)) as base:
            scopes = ["hardware:write", "compliance:write"]
            for_hardware = issuer.token(f"{base}/hardware/mcp", scopes)  # an MCP token for hardware
            for_suite = issuer.token(f"{base}/a2a", scopes)

            def call(token: str, skill: str) -> httpx.Response:
                return httpx.post(
                    f"{base}/a2a",
                    timeout=60,
                    headers={"Authorization": f"Bearer {token}", "A2A-Version": "1.0"},
                    json={
                        "jsonrpc": "2.0",
                        "id": 1,
                        "method": "SendMessage",
                        "params": {
                            "message": {
                                "messageId": uuid.uuid4().hex,
                                "role": "ROLE_USER",
                                "parts": [{"data": {"skill": skill, "arguments": {}}}],
                            }
                        },
                    },
                )

            same_server = call(for_hardware, "hardware.backends")
            other_server = call(for_hardware, "compliance.policies")
            suite_wide = call(for_suite, "compliance.policies")
            card = httpx.get(f"{base}/.well-known/agent-card.json").json()
    finally:
        issuer.close()
    assert same_server.json()["result"]["task"]["status"]["state"] == "TASK_STATE_COMPLETED"
    assert other_server.status_code == 403  # the token's audience is hardware's MCP resource
    assert suite_wide.json()["result"]["task"]["status"]["state"] == "TASK_STATE_COMPLETED"
    assert issuer.url in card["securitySchemes"]["oauth"]["httpAuthSecurityScheme"]["description"]


async def test_what_a_task_carries_is_sealed_at_rest(offline_suite) -> None:
    secret = f"patient-record-{uuid.uuid4().hex}"
    with gateway() as base:
        async with a2a_client(base, "writer", "phantom") as (client, _):
            sealed = final_task(await send(client, skill_message("phantom.encrypt", {"plaintext": secret})))
            ciphertext = MessageToDict(sealed.artifacts[0].parts[0].data)["ciphertext"]
            opened = final_task(
                await send(client, skill_message("phantom.decrypt", {"ciphertext": ciphertext}))
            )
            again = await client.get_task(GetTaskRequest(id=opened.id))  # read back through the store
    assert MessageToDict(again.artifacts[0].parts[0].data)["plaintext"] == secret
    home = offline_suite.config.home
    stored = b"".join(p.read_bytes() for p in home.rglob("state.db*"))
    assert stored and secret.encode() not in stored and ciphertext.encode() not in stored


async def test_a_routed_request_continues_on_the_same_task_with_the_skill_call(suite, core_cards) -> None:
    with gateway() as base:
        async with a2a_client(base, "writer", "hardware") as (client, _):
            asked = final_task(await send(client, text_message("which quantum simulators can I use?")))
            suggested = MessageToDict(asked.status.message.parts[1].data)["skill"]
            done = final_task(
                await send(client, skill_message(suggested, task_id=asked.id, context_id=asked.context_id))
            )
    assert asked.status.state == TaskState.TASK_STATE_INPUT_REQUIRED and suggested == "hardware.backends"
    assert done.id == asked.id and done.status.state == TaskState.TASK_STATE_COMPLETED
    assert sum(m.role == Role.ROLE_USER for m in done.history) == 2  # the question and the skill call
    assert done.artifacts[0].name == "hardware.backends"
