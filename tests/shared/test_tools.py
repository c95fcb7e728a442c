"""The shared tool conventions, driven through a real MCP client in both protocol eras."""

from __future__ import annotations

import contextvars

import pytest
from mcp import Client
from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.mcpserver import Context
from mcp.server.mcpserver import authenticated_principal as sdk_authenticated_principal
from mcp_types import ElicitResult
from pydantic import BaseModel

from shared.errors import NotFound
from shared.server import create_server
from shared.suite import Suite
from shared.tools import Progress, authenticated_principal

ERAS = ["legacy", "2026-07-28"]


class Count(BaseModel):
    n: int


class Echo(BaseModel):
    text: str | None


def make_kit():
    kit = create_server("demo", title="Demo", description="A demo server.")
    changed: list[int] = []

    @kit.tool(
        title="Delete things",
        read_only=False,
        destructive=True,
        confirm=lambda n, dry_run: None if dry_run else f"Delete {n} things?",
    )
    def delete(n: int, dry_run: bool = True) -> Count:
        """Delete n things."""
        if n == 13:
            raise NotFound("No thing 13.", "List the things first.")
        if n == 666:
            raise RuntimeError("internal detail that must not leak")
        if not dry_run:
            changed.append(n)
        return Count(n=n)

    @kit.tool(title="Count", read_only=True, idempotent=True)
    def count() -> Count:
        """How many things were deleted."""
        return Count(n=len(changed))

    return kit, changed


async def accept(ctx, params):
    return ElicitResult(action="accept", content={"confirm": True})


async def decline(ctx, params):
    return ElicitResult(action="decline")


@pytest.mark.parametrize("mode", ERAS)
async def test_tools_carry_title_annotations_and_output_schema(mode: str, offline_suite: Suite) -> None:
    kit, _ = make_kit()
    async with Client(kit.mcp, mode=mode) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert {"remember", "recall", "delete", "count"} <= set(tools)
    delete = tools["delete"]
    assert delete.title == "Delete things"
    assert delete.annotations.destructive_hint is True and delete.annotations.read_only_hint is False
    assert tools["count"].annotations.read_only_hint is True
    assert delete.output_schema["properties"]["n"]["type"] == "integer"
    assert "confirm" in delete.input_schema["properties"]
    assert "confirm" not in tools["count"].input_schema["properties"]


@pytest.mark.parametrize("mode", ERAS)
async def test_destructive_call_asks_by_elicitation_and_runs_when_accepted(
    mode: str, offline_suite: Suite
) -> None:
    kit, changed = make_kit()
    async with Client(kit.mcp, mode=mode, elicitation_callback=accept) as client:
        result = await client.call_tool("delete", {"n": 3, "dry_run": False})
    assert not result.is_error
    assert result.structured_content == {"n": 3}
    assert changed == [3]


@pytest.mark.parametrize("mode", ERAS)
async def test_declined_confirmation_changes_nothing_and_says_so(mode: str, offline_suite: Suite) -> None:
    kit, changed = make_kit()
    async with Client(kit.mcp, mode=mode, elicitation_callback=decline) as client:
        result = await client.call_tool("delete", {"n": 3, "dry_run": False})
    assert result.is_error
    assert "Declined: nothing was changed" in result.content[0].text
    assert changed == []
    assert offline_suite.audit.records()[-1].outcome == "not_confirmed"


@pytest.mark.parametrize("mode", ERAS)
async def test_client_without_elicitation_must_pass_confirm_true(mode: str, offline_suite: Suite) -> None:
    kit, changed = make_kit()
    async with Client(kit.mcp, mode=mode) as client:
        refused = await client.call_tool("delete", {"n": 4, "dry_run": False})
        assert refused.is_error and "confirm: true" in refused.content[0].text
        assert changed == []
        ok = await client.call_tool("delete", {"n": 4, "dry_run": False, "confirm": True})
    assert not ok.is_error and changed == [4]


async def test_dry_run_needs_no_confirmation(offline_suite: Suite) -> None:
    kit, changed = make_kit()
    async with Client(kit.mcp) as client:
        result = await client.call_tool("delete", {"n": 5})
    assert not result.is_error and changed == []


async def test_errors_say_what_was_wrong_without_tracebacks_or_internals(offline_suite: Suite) -> None:
    kit, _ = make_kit()
    async with Client(kit.mcp) as client:
        missing = await client.call_tool("delete", {"n": 13})
        crash = await client.call_tool("delete", {"n": 666})
        wrong_type = await client.call_tool("delete", {"n": "secret-value-xyz"})
        still_alive = await client.call_tool("count", {})
    assert missing.is_error and "No thing 13. List the things first." in missing.content[0].text
    assert crash.is_error and "log reference" in crash.content[0].text
    assert "internal detail" not in crash.content[0].text and "Traceback" not in crash.content[0].text
    assert (
        wrong_type.is_error
        and "`n`" in wrong_type.content[0].text
        and "integer" in wrong_type.content[0].text
    )
    assert "secret-value-xyz" not in wrong_type.content[0].text
    assert not still_alive.is_error


async def test_every_state_changing_call_is_audited_and_reads_are_not(offline_suite: Suite) -> None:
    kit, _ = make_kit()
    async with Client(kit.mcp) as client:
        await client.call_tool("delete", {"n": 1})
        await client.call_tool("delete", {"n": 13})
        await client.call_tool("count", {})
    records = offline_suite.audit.records()
    assert [(r.server, r.tool, r.outcome) for r in records] == [
        ("demo", "delete", "ok"),
        ("demo", "delete", "not_found"),
    ]
    assert all(r.args_digest.startswith("hmac-sha256:") for r in records)
    assert offline_suite.audit.verify().ok


async def test_remember_and_recall_through_the_tools(suite: Suite) -> None:
    kit, _ = make_kit()
    async with Client(kit.mcp) as client:
        stored = await client.call_tool(
            "remember",
            {"text": "checkout-api was scaled down to 2 replicas", "kind": "decision", "tags": ["forge"]},
        )
        await client.call_tool("remember", {"text": "the quarterly report was encrypted", "kind": "note"})
        found = await client.call_tool("recall", {"query": "what happened to checkout-api?", "k": 1})
        empty = await client.call_tool("recall", {"query": "   "})
    assert not stored.is_error
    hit = found.structured_content["hits"][0]
    assert hit["text"].startswith("checkout-api") and hit["source"] == "demo" and hit["tool"] == "remember"
    assert hit["kind"] == "decision" and hit["tags"] == ["forge"]
    assert empty.is_error and "query" in empty.content[0].text


@pytest.mark.parametrize("mode", ERAS)
async def test_long_work_reports_progress_to_a_client_that_asked(mode: str, offline_suite: Suite) -> None:
    kit = create_server("demo", title="Demo", description="A demo server.")

    @kit.tool(title="Slow", read_only=True)
    def slow(steps: int, *, progress: Progress) -> Count:
        """Work in steps."""
        for i in range(steps):
            progress(i + 1, steps, f"step {i + 1}")
        return Count(n=steps)

    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(done: float, total: float | None, message: str | None) -> None:
        seen.append((done, total, message))

    async with Client(kit.mcp, mode=mode) as client:
        result = await client.call_tool("slow", {"steps": 3}, progress_callback=on_progress)
    assert not result.is_error
    assert seen and seen[-1] == (3, 3, "step 3")


def test_injected_parameters_are_declared_one_way_or_refused_at_registration() -> None:
    kit = create_server("demo", title="Demo", description="A demo server.")

    def with_default(steps: int, progress: Progress = None) -> Count:  # type: ignore[assignment]
        """Work in steps."""
        return Count(n=steps)

    def positional(ctx: Context, steps: int) -> Count:
        """Work in steps."""
        return Count(n=steps)

    for fn in (with_default, positional):
        with pytest.raises(TypeError, match="keyword-only without a default"):
            kit.tool(title="Slow", read_only=True)(fn)
    assert not {"with_default", "positional"} & set(kit.tools)


async def test_text_that_happens_to_be_json_reaches_a_string_parameter_intact(offline_suite: Suite) -> None:
    kit = create_server("demo", title="Demo", description="A demo server.")

    @kit.tool(title="Echo", read_only=True)
    def echo(text: str | None = None, items: list[str] | None = None) -> Echo:
        """Echo the text."""
        return Echo(text=text if items is None else ",".join(items))

    async with Client(kit.mcp) as client:
        as_text = await client.call_tool("echo", {"text": '{"a": 1}'})
        as_list = await client.call_tool(
            "echo", {"items": '["x", "y"]'}
        )  # clients that send lists as JSON text
    assert as_text.structured_content == {"text": '{"a": 1}'}
    assert as_list.structured_content == {"text": "x,y"}


def _confirming_kit(changed: list[int]):
    kit = create_server("replica", title="Replica", description="One replica of a server.")

    @kit.tool(title="Delete", read_only=False, destructive=True, confirm=lambda n: f"Delete {n}?")
    def delete(n: int) -> Count:
        """Delete n."""
        changed.append(n)
        return Count(n=n)

    return kit


@pytest.mark.parametrize("shared_key, accepted", [(True, True), (False, False)])
async def test_an_elicitation_round_answered_at_another_replica_needs_a_shared_request_state_key(
    offline_suite: Suite, shared_key: bool, accepted: bool
) -> None:
    from mcp_types import InputRequiredResult

    changed: list[int] = []
    first, second = _confirming_kit(changed), _confirming_kit(changed)
    if shared_key:
        key = b"k" * 32
        first.share_request_state_key(key)
        second.share_request_state_key(key)

    async def accept_cb(ctx, params):
        return ElicitResult(action="accept", content={"confirm": True})

    async with (
        Client(first.mcp, mode="2026-07-28", elicitation_callback=accept_cb) as a,
        Client(second.mcp, mode="2026-07-28", elicitation_callback=accept_cb) as b,
    ):
        asked = await a.session.call_tool("delete", {"n": 7}, allow_input_required=True)
        assert isinstance(asked, InputRequiredResult) and changed == []
        answers = {k: ElicitResult(action="accept", content={"confirm": True}) for k in asked.input_requests}
        try:
            result = await b.session.call_tool(
                "delete",
                {"n": 7},
                input_responses=answers,
                request_state=asked.request_state,
                allow_input_required=True,
            )
            done = not isinstance(result, InputRequiredResult) and not result.is_error
        except Exception:  # the other replica cannot open the state: a protocol error
            done = False
    assert done is accepted
    assert changed == ([7] if accepted else [])


def _as_token(token: AccessToken) -> contextvars.Context:
    """A context in which the SDK's auth middleware has authenticated `token` (as the gateway's does)."""
    context = contextvars.copy_context()
    context.run(auth_context_var.set, AuthenticatedUser(token))
    return context


STATIC = AccessToken(token="t", client_id="static:alice", scopes=["forge:read"], claims={"iss": "hdr-static"})


def _jwt(subject: str) -> AccessToken:
    return AccessToken(
        token="t", client_id="ci-bot", scopes=[], subject=subject, claims={"iss": "https://idp.example"}
    )


def test_the_principal_names_how_the_caller_authenticated_and_who_it_is() -> None:
    assert authenticated_principal() is None  # no credentials (stdio): the operator
    assert _as_token(STATIC).run(authenticated_principal) == "static:alice"
    alice, bob = (_as_token(_jwt(s)).run(authenticated_principal) for s in ("alice", "bob"))
    assert alice == "jwt:https://idp.example#alice#ci-bot"
    assert bob != alice  # two users of one OAuth client stay apart
    # a JWT whose client is named like a static token is still not that static principal
    forged = AccessToken(
        token="t", client_id="static:alice", scopes=[], claims={"iss": "https://idp.example"}
    )
    assert _as_token(forged).run(authenticated_principal) != "static:alice"


def test_the_sdks_public_principal_helper_names_principals_differently() -> None:
    """Why shared.tools keeps its own: owners already stored (jobs, keys, attestations...) and the
    operator's grants (HDR_GRANTS) name principals as `static:<name>` / `jwt:<iss>#<sub>#<client>`;
    the SDK's helper gives a JSON triple. Adopting it would orphan every stored owner. When this
    test fails, the SDK names them as we do and the helper can go."""
    ours = _as_token(STATIC).run(authenticated_principal)
    sdks = _as_token(STATIC).run(sdk_authenticated_principal, None)
    assert sdks is not None and sdks != ours
