"""What the gateway is configured with: where it listens, how callers authenticate, and its limits.

Read from a JSON file (`hdr serve --config`, else HDR_GATEWAY_CONFIG, else `$HDR_HOME/gateway.json`
when it exists). Every key is optional:

    {
      "public_url": "https://hdr.example.com",          # how clients reach the gateway (cards, metadata)
      "oauth": {"issuer": "https://idp.example.com",     # OAuth 2.1 bearer JWTs from this issuer
                "jwks_url": "https://idp.example.com/.well-known/jwks.json",
                "audiences": ["https://hdr.example.com"]},  # besides each server's own resource URL
      "tokens": [{"name": "ci", "sha256": "<hex>",        # static API tokens, stored hashed only
                  "scopes": ["compliance:write"]}],
      "allowed_hosts": ["hdr.example.com"],              # Host header values (DNS rebinding)
      "allowed_origins": ["https://hdr.example.com"],    # browser Origin values
      "rate_limit": {"per_second": 50, "burst": 100},    # per client; 0 turns it off
      "max_body_bytes": 1048576,
      "request_state_key_file": "/etc/hdr/request-state.key",
      "grants": {"static:oncall": ["static:ci"]},          # who may use what another principal created
      "file_roots": ["/srv/manifests"],                  # folders file arguments may name (default: none)
      "egress_allow": ["10.0.5.0/24", "a2a.internal:443"]  # private targets outbound calls may reach
    }

`grants`, `file_roots` and `egress_allow` become HDR_GRANTS, HDR_FILE_ROOTS and HDR_EGRESS_ALLOW for the
servers (an environment variable already set wins); see docs/security.md.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SettingsError(ValueError):
    """The gateway configuration is unusable; the message says which key and what to write instead."""


@dataclass(frozen=True)
class OAuthSettings:
    issuer: str
    jwks_url: str
    audiences: tuple[str, ...] = ()
    algorithms: tuple[str, ...] = ("RS256", "ES256", "PS256", "EdDSA")


@dataclass(frozen=True)
class StaticToken:
    name: str
    sha256: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class GatewaySettings:
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    oauth: OAuthSettings | None = None
    tokens: tuple[StaticToken, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    rate_per_second: float = 50.0
    rate_burst: int = 100
    max_body_bytes: int = 1_048_576
    request_state_key_file: str | None = None
    grants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    file_roots: tuple[str, ...] = ()
    egress_allow: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        """The servers' settings this configuration implies (ownership grants, file roots, egress)."""
        env = {}
        if self.grants:
            env["HDR_GRANTS"] = json.dumps({k: list(v) for k, v in self.grants.items()})
        if self.file_roots:
            env["HDR_FILE_ROOTS"] = os.pathsep.join(self.file_roots)
        if self.egress_allow:
            env["HDR_EGRESS_ALLOW"] = ",".join(self.egress_allow)
        return env

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    @property
    def auth_enabled(self) -> bool:
        return self.oauth is not None or bool(self.tokens)

    @property
    def base_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def resource_url(self, server: str) -> str:
        """The MCP resource identifier of one server (the audience its tokens are issued for)."""
        return f"{self.base_url}/{server}/mcp"

    @classmethod
    def load(
        cls,
        path: str | Path | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        home: Path | None = None,
    ) -> GatewaySettings:
        """Settings from `path`, else HDR_GATEWAY_CONFIG, else `home/gateway.json` if it exists, else defaults.
        Raises SettingsError naming the bad key."""
        chosen = path or os.environ.get("HDR_GATEWAY_CONFIG")
        if chosen is None and home is not None and (home / "gateway.json").exists():
            chosen = home / "gateway.json"
        if chosen is None:
            return cls(host=host, port=port)
        try:
            raw = json.loads(Path(chosen).read_text())
        except FileNotFoundError:
            raise SettingsError(
                f"gateway configuration {chosen} does not exist; create it or drop --config"
            ) from None
        except json.JSONDecodeError as exc:
            raise SettingsError(
                f"gateway configuration {chosen} is not valid JSON (line {exc.lineno}); "
                "fix it (see docs/gateway.md)"
            ) from None
        return cls.from_dict(raw, host=host, port=port)

    @classmethod
    def from_dict(cls, raw: dict[str, Any], *, host: str = "127.0.0.1", port: int = 8000) -> GatewaySettings:
        if not isinstance(raw, dict):
            raise SettingsError("the gateway configuration must be a JSON object (see docs/gateway.md)")
        oauth = None
        if raw.get("oauth"):
            o = raw["oauth"]
            for key in ("issuer", "jwks_url"):
                if not isinstance(o.get(key), str) or not o[key].startswith(("http://", "https://")):
                    raise SettingsError(f"oauth.{key} must be an http(s) URL")
            oauth = OAuthSettings(
                issuer=o["issuer"],
                jwks_url=o["jwks_url"],
                audiences=tuple(o.get("audiences") or ()),
                algorithms=tuple(o.get("algorithms") or OAuthSettings.algorithms),
            )
        tokens = []
        for i, t in enumerate(raw.get("tokens") or []):
            digest = str(t.get("sha256", "")).lower()
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                raise SettingsError(
                    f"tokens[{i}].sha256 must be the 64-hex SHA-256 of the token "
                    "(`python -m servers.gateway.auth new-token` prints one)"
                )
            scopes = t.get("scopes")
            if not isinstance(scopes, list) or not scopes:
                raise SettingsError(f'tokens[{i}].scopes must be a non-empty list such as ["forge:read"]')
            tokens.append(
                StaticToken(
                    name=str(t.get("name") or f"token-{i}"),
                    sha256=digest,
                    scopes=tuple(str(s) for s in scopes),
                )
            )
        grants = raw.get("grants") or {}
        if not isinstance(grants, dict) or not all(isinstance(v, list) for v in grants.values()):
            raise SettingsError(
                'grants must map a principal to a list of owners, e.g. {"static:oncall": ["static:ci"]}'
            )
        for key in ("file_roots", "egress_allow"):
            if not isinstance(raw.get(key) or [], list):
                raise SettingsError(f"{key} must be a list of strings")
        rate = raw.get("rate_limit") or {}
        return cls(
            host=host,
            port=port,
            public_url=raw.get("public_url"),
            oauth=oauth,
            tokens=tuple(tokens),
            allowed_hosts=tuple(raw.get("allowed_hosts") or ()),
            allowed_origins=tuple(raw.get("allowed_origins") or ()),
            rate_per_second=float(rate.get("per_second", cls.rate_per_second)),
            rate_burst=int(rate.get("burst", cls.rate_burst)),
            max_body_bytes=int(raw.get("max_body_bytes", cls.max_body_bytes)),
            request_state_key_file=raw.get("request_state_key_file"),
            grants={str(k): tuple(str(o) for o in v) for k, v in grants.items()},
            file_roots=tuple(str(r) for r in raw.get("file_roots") or ()),
            egress_allow=tuple(str(a) for a in raw.get("egress_allow") or ()),
        )
