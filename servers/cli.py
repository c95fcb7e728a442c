"""The `hdr` command: run the suite, one server, and look after its memory, audit log and cards."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Sequence
from typing import TypeAlias

from servers.registry import SERVER_NAMES

DEFAULT_CARD_BASE_URL = (
    "http://127.0.0.1:8000"  # servers.cards.DEFAULT_BASE_URL, without importing it at start
)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from servers.gateway import GatewaySettings, SettingsError, create_app
    from shared.server import configure_logging
    from shared.suite import get_suite

    configure_logging()
    suite = get_suite()
    try:
        settings = GatewaySettings.load(args.config, host=args.host, port=args.port, home=suite.config.home)
    except SettingsError as exc:
        print(f"hdr: {exc}", file=sys.stderr)
        return 2
    if not settings.loopback and not settings.auth_enabled:
        print(
            f"hdr: refusing to serve on {args.host} without authentication; bind to 127.0.0.1, "
            "or configure OAuth or API tokens in gateway.json (see docs/gateway.md).",
            file=sys.stderr,
        )
        return 2
    print(f"hdr: state in {suite.config.home}", file=sys.stderr)
    for key, value in settings.environment().items():
        os.environ.setdefault(key, value)

    def warm() -> None:  # so the first remember/recall does not pay for the model and the Chroma start
        try:
            suite.memory.collection()
            suite.embedder.embed_one("warm up")
        except Exception as exc:  # noqa: BLE001 - reported, serving continues without memory
            print(f"hdr: shared memory unavailable: {exc}", file=sys.stderr)

    threading.Thread(target=warm, daemon=True).start()
    try:
        app = create_app(args.host, settings=settings)
    except (SettingsError, ValueError, OSError) as exc:
        print(f"hdr: {exc}", file=sys.stderr)
        return 2
    base = settings.base_url
    print(
        "hdr: serving "
        + ", ".join(f"{base}/{n}/mcp" for n in SERVER_NAMES)
        + f"; dashboard at {base}/; health at {base}/healthz"
        + ("; authentication required" if settings.auth_enabled else ""),
        file=sys.stderr,
        flush=True,
    )
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        _stop_memory_we_started(suite)
    return 0


def _stop_memory_we_started(suite) -> None:  # noqa: ANN001 - a shared.suite.Suite
    """A command that started the local Chroma server stops it when it ends (Ctrl-C included)."""
    try:
        if suite.config.memory_url is None and suite.memory.local.stop_if_started():
            print("hdr: stopped the memory server this command started", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - reported; `hdr memory stop` stops it too
        print(f"hdr: could not stop the memory server ({exc}); run `hdr memory stop`", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    """One command for CI: check manifests (files or directories, read here) against a framework.
    Exit 0 pass, 1 fail (findings), 2 could not check (bad target or framework)."""
    from pathlib import Path

    from servers.compliance.checking import run_check
    from shared.errors import HDRError
    from shared.suite import get_suite

    texts = []
    for target in args.targets:
        path = Path(target)
        files = (
            sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
        )
        try:
            texts += [f.read_text() for f in files]
        except OSError as exc:
            print(f"hdr check: cannot read {target}: {exc.strerror}", file=sys.stderr)
            return 2
    if not texts:
        print("hdr check: no .yaml/.yml manifests under " + ", ".join(args.targets), file=sys.stderr)
        return 2
    suite = get_suite()
    try:
        result = run_check(suite, "\n---\n".join(texts), args.framework, args.version)
    except HDRError as exc:
        print(f"hdr check: {exc}", file=sys.stderr)
        return 2
    finally:
        _stop_memory_we_started(suite)
    if args.json:
        from servers.compliance.models import CheckResult

        print(CheckResult.of(result).model_dump_json(indent=1))
    else:
        print(
            f"{result.verdict.upper()}: {args.framework} {result.version}, {result.objects_checked} objects, "
            f"{result.failed} of {result.checks_run} checks failed, {result.findings_total} findings "
            f"(result {result.id}; `attest` can sign it)"
        )
        for f in result.findings[: args.show]:
            print(f"  {f.severity:<8} {f.check:<32} {f.object} {f.field}: {f.message}")
        if result.findings_total > args.show:
            print(f"  ... {result.findings_total - args.show} more (--show N, or --json)")
    return 0 if result.verdict == "pass" else 1


def _desktop_config(args: argparse.Namespace) -> int:
    """Claude Desktop's mcpServers entries for this installation: absolute commands and HDR_HOME."""
    import shutil
    from pathlib import Path

    from shared.config import Config

    home = Path(args.home).expanduser().resolve() if args.home else Config.from_env().home.resolve()
    bin_dir = Path(sys.executable).parent
    servers = {}
    for name in SERVER_NAMES:
        command = bin_dir / f"hdr-{name}"
        found = str(command) if command.exists() else shutil.which(f"hdr-{name}")
        if found is None:
            print(f"hdr: hdr-{name} is not installed (run `make install`)", file=sys.stderr)
            return 2
        env = {"HDR_HOME": str(home)}
        if args.toolsets:
            env[f"HDR_{name.upper()}_TOOLSETS"] = args.toolsets
        servers[f"hdr-{name}"] = {"command": str(Path(found).resolve()), "args": [], "env": env}
    print(json.dumps({"mcpServers": servers}, indent=2))
    return 0


def _run(args: argparse.Namespace) -> int:
    from servers.registry import load
    from shared.server import run

    argv = ["--http", "--port", str(args.port), "--host", args.host] if args.http else []
    run(load(args.server), argv + (["--toolsets", args.toolsets] if args.toolsets else []))
    return 0


def _memory(args: argparse.Namespace) -> int:
    from shared.suite import get_suite

    suite = get_suite()
    local = suite.memory.local
    if args.action == "status":
        if suite.config.memory_url:
            from shared.memory import _heartbeat

            up = _heartbeat(suite.config.memory_url)
            status = {"mode": "external", "url": suite.config.memory_url, "reachable": up}
        else:
            state = local.running()
            status = {
                "mode": "local",
                "running": state is not None,
                "home": str(suite.config.home),
                **(state or {}),
            }
        if status.get("running") or status.get("reachable"):
            try:
                status["entries"] = suite.memory.count()
            except Exception as exc:  # noqa: BLE001
                status["error"] = str(exc)
        if suite.config.state_url or suite.config.db_path.exists():
            status["outbox"] = suite.memory_outbox_size()  # decisions waiting for the memory to come back
        print(json.dumps(status, indent=2))
        return 0
    if suite.config.memory_url:
        print(
            "hdr: HDR_MEMORY_URL points at an external Chroma server; it is not ours to stop.",
            file=sys.stderr,
        )
        return 1
    stopped = local.stop()
    print("stopped the local memory server" if stopped else "no local memory server was running")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from pathlib import Path

    from servers.compliance.pins import verify_log
    from shared.config import Config
    from shared.errors import HDRError
    from shared.suite import get_suite

    config = Config.from_env()
    if (
        config.state_url is None and not config.db_path.is_file()
    ):  # a mistyped HDR_HOME: not created, "intact"
        print(
            f"no audit log to verify: {config.home} holds no state.db (is HDR_HOME right? it is "
            f"{'set' if os.environ.get('HDR_HOME') else 'unset, so the default'})",
            file=sys.stderr,
        )
        return 2
    suite = get_suite()
    try:
        check = verify_log(
            suite,
            keys_file=Path(args.key).expanduser() if args.key else None,
            pin_file=Path(args.pin).expanduser() if args.pin else None,
        )
    except HDRError as exc:
        print(f"hdr: {exc}", file=sys.stderr)
        return 2
    if check.ok:
        seq, head = suite.audit.head()
        print(
            f"audit log intact: {check.records} records, head {head} (record {seq}); "
            f"{check.pins_checked} signed pins of earlier heads hold (verified against trusted keys)"
        )
        return 0
    where = f" at record {check.first_bad_seq}" if check.first_bad_seq is not None else ""
    print(f"audit log BROKEN{where}: {check.reason}")
    return 1


def _state(args: argparse.Namespace) -> int:
    """Copy HDR_HOME's SQLite state into an empty PostgreSQL database (then point HDR_STATE_URL at it)."""
    from servers.state_migration import migrate
    from shared.config import Config
    from shared.errors import HDRError
    from shared.store import redacted

    config = Config.from_env()
    try:
        report = migrate(config.db_path, args.to, config.home / "audit.key")
    except HDRError as exc:
        print(f"hdr state migrate: {_without(str(exc), args.to)}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a driver's error, shown without the URL's password
        print(
            f"hdr state migrate: failed ({_without(str(exc), args.to)}); nothing was copied", file=sys.stderr
        )
        return 1
    print(
        f"copied {report.rows} rows in {report.tables} tables from {report.source} to {report.target}; "
        f"audit chain verified there ({report.audit_records} records). "
        f"Now set HDR_STATE_URL={redacted(args.to)} (with the password) for every server."
    )
    return 0


def _without(text: str, url: str) -> str:
    """`text` with the password of `url` taken out, wherever a driver may have put it."""
    from sqlalchemy.engine import make_url

    try:
        password = make_url(url).password
    except Exception:  # noqa: BLE001 - an unparsable URL: nothing known to remove
        return text
    return text.replace(str(password), "***") if password else text


def _cards(args: argparse.Namespace) -> int:
    from pathlib import Path

    from servers.cards import CARDS_DIR, card_auth, drifted, generate

    out = Path(args.out) if args.out else CARDS_DIR
    if args.check:
        stale = drifted(out, args.base_url or DEFAULT_CARD_BASE_URL)
        if stale:
            print("cards out of date: " + ", ".join(stale) + " (run `hdr cards --unsigned`)")
            return 1
        print("cards match the live servers")
        return 0
    settings = None
    if args.config:
        from servers.gateway.settings import GatewaySettings

        settings = GatewaySettings.load(args.config)
    base_url = args.base_url or (settings.base_url if settings else DEFAULT_CARD_BASE_URL)
    suite = None
    if not args.unsigned:
        from shared.suite import get_suite

        suite = get_suite()
    for path in generate(out, base_url, auth=card_auth(settings), suite=suite):
        print(f"wrote {path}" + ("" if suite is None else " (signed with the suite's Ed25519 key)"))
    return 0


def _ask(args: argparse.Namespace) -> int:
    from servers.ask import main as ask_main

    return ask_main(args)


def _demo(args: argparse.Namespace) -> int:
    from servers.demo import main as demo_main
    from shared.suite import get_suite

    try:
        return demo_main(args)
    finally:
        _stop_memory_we_started(get_suite())


Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # add_subparsers()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hdr", description="HDR Empire: five MCP servers sharing memory, state and audit."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    _add_run_commands(sub)
    _add_ci_commands(sub)
    _add_suite_commands(sub)
    return parser


def _add_run_commands(sub: Subcommands) -> None:
    """serve, ask, demo, run: the suite or one server, for people, agents and desktop clients."""
    serve = sub.add_parser("serve", help="all five servers over streamable HTTP, at /<server>/mcp")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--config", help="gateway.json: auth, limits, public URL (default $HDR_HOME/gateway.json)"
    )
    serve.set_defaults(func=_serve)

    ask = sub.add_parser("ask", help="do an operation in plain words: Claude with the suite's tools")
    ask.add_argument("question")
    ask.add_argument("--url", help="a running gateway (default: the servers in this process)")
    ask.add_argument("--servers", help="comma-separated subset, e.g. forge,compliance (default: all five)")
    ask.add_argument("--model", help="Claude model (default $HDR_ASK_MODEL or claude-sonnet-4-5)")
    ask.set_defaults(func=_ask)

    demo = sub.add_parser("demo", help="a scripted tour of the five servers on embedded defaults")
    demo.add_argument("--url", help="a running gateway (default: the servers in this process)")
    demo.set_defaults(func=_demo)

    run = sub.add_parser("run", help="one server over stdio (as Claude Desktop starts it)")
    run.add_argument("server", choices=SERVER_NAMES)
    run.add_argument("--http", action="store_true")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument(
        "--toolsets", default=None, help="comma-separated toolsets to list (`default`, `all`, names)"
    )
    run.set_defaults(func=_run)


def _add_ci_commands(sub: Subcommands) -> None:
    """check and desktop-config: for pipelines and for setting up a desktop client."""
    check = sub.add_parser(
        "check",
        help="CI: check manifests against a compliance framework (exit 0 pass, 1 fail, 2 could not check)",
    )
    check.add_argument("targets", nargs="+", help="manifest files or directories (read by this command)")
    check.add_argument(
        "--framework",
        default="pss-restricted",
        help="pss-baseline, pss-restricted, k8s-best-practices, or a user-defined one",
    )
    check.add_argument("--version", default="latest", help='"latest" or a Kubernetes version such as v1.30')
    check.add_argument("--json", action="store_true", help="print the whole result as JSON")
    check.add_argument("--show", type=int, default=20, help="findings to list (default 20)")
    check.set_defaults(func=_check)

    desktop = sub.add_parser(
        "desktop-config", help="print Claude Desktop's mcpServers entries for this install"
    )
    desktop.add_argument("--home", help="HDR_HOME for the servers (default: $HDR_HOME or the platform's)")
    desktop.add_argument("--toolsets", help="toolsets every server lists (default: each server's default)")
    desktop.set_defaults(func=_desktop_config)


def _add_suite_commands(sub: Subcommands) -> None:
    """memory, audit, cards: the shared memory server, the audit log, the agent cards."""
    memory = sub.add_parser("memory", help="the shared vector memory's server")
    memory.add_argument("action", choices=["status", "stop"])
    memory.set_defaults(func=_memory)

    audit = sub.add_parser("audit", help="the hash-chained audit log")
    audit.add_argument("action", choices=["verify"])
    audit.add_argument(
        "--key",
        help="file of the public keys pins must be signed with (audit-pin.pub or the "
        "compliance://keys resource saved); default: $HDR_HOME/audit-pin.pub",
    )
    audit.add_argument("--pin", help="an exported pin (an anchor_audit envelope) the log must still hold")
    audit.set_defaults(func=_audit)

    state = sub.add_parser("state", help="the state store (SQLite under HDR_HOME, or PostgreSQL)")
    state.add_argument("action", choices=["migrate"])
    state.add_argument(
        "--to", required=True, help="an empty PostgreSQL database: postgresql://user:password@host:port/db"
    )
    state.set_defaults(func=_state)

    cards = sub.add_parser(
        "cards",
        help="write the A2A 1.0 agent cards (suite.json, <server>.json) from the "
        "live servers, signed with the suite's Ed25519 key",
    )
    cards.add_argument(
        "--check", action="store_true", help="exit 1 if a committed card drifted (signatures aside)"
    )
    cards.add_argument("--out", help="directory to write to (default: the repository's agent-cards/)")
    cards.add_argument(
        "--base-url",
        help="where clients reach the gateway (default: the --config's public URL, "
        f"else {DEFAULT_CARD_BASE_URL})",
    )
    cards.add_argument(
        "--config", help="gateway.json whose auth (tokens, OAuth issuer) the cards' security schemes describe"
    )
    cards.add_argument(
        "--unsigned",
        action="store_true",
        help="write unsigned cards (the repository's copies are unsigned: a signature is per key)",
    )
    cards.set_defaults(func=_cards)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
