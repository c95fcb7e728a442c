"""Who may call the gateway: OAuth 2.1 bearer JWTs from a configured issuer, or static API tokens.

Both are `TokenVerifier`s (the MCP SDK's interface), so the SDK's `BearerAuthBackend` and
`AuthContextMiddleware` do the header parsing and put the principal where tools find it
(`get_access_token()`, used by the audit log's caller). Scopes are per server:
`<server>:read` for read-only tools, listing and handshakes; `<server>:write` for everything
else (it includes read). `suite:read` opens the dashboard API and /metrics.

`python -m servers.gateway.auth new-token --name ci --scope compliance:write` prints a fresh
token once and the config entry holding only its SHA-256.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import logging
import secrets
import sys
from collections.abc import Iterable, Sequence

import anyio.to_thread
from mcp.server.auth.provider import AccessToken, TokenVerifier

from servers.gateway.settings import OAuthSettings, StaticToken

log = logging.getLogger("hdr.gateway.auth")

SUITE_READ = "suite:read"


def hash_token(token: str) -> str:
    """SHA-256 hex of a static token. Tokens are 256-bit random, so a fast hash is enough: there
    is nothing to guess, unlike a password."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return "hdr_" + secrets.token_urlsafe(32)


def grants(scopes: Iterable[str], needed: str) -> bool:
    """Whether `scopes` include `needed`; `<server>:write` includes `<server>:read`."""
    have = set(scopes)
    if needed in have:
        return True
    server, _, level = needed.partition(":")
    return level == "read" and f"{server}:write" in have


class StaticTokenVerifier(TokenVerifier):
    """API tokens from the configuration, compared by SHA-256 in constant time."""

    def __init__(self, tokens: Sequence[StaticToken]) -> None:
        self._tokens = list(tokens)

    async def verify_token(self, token: str) -> AccessToken | None:
        digest = hash_token(token)
        found = None
        for entry in self._tokens:  # no early exit: every entry is compared
            if hmac.compare_digest(entry.sha256, digest):
                found = entry
        if found is None:
            return None
        return AccessToken(
            token=token,
            client_id=f"static:{found.name}",
            scopes=list(found.scopes),
            claims={"iss": "hdr-static"},
        )


class JWTVerifier(TokenVerifier):
    """OAuth 2.1 access tokens as JWTs: signature against the issuer's JWKS, `iss`, `exp`, and an
    `aud` that names this resource (the server's MCP URL) or one of the configured audiences."""

    def __init__(self, oauth: OAuthSettings, resource_url: str, jwks_client: object | None = None) -> None:
        import jwt

        self._oauth = oauth
        self._resource_url = resource_url
        self._audiences = [resource_url, *oauth.audiences]
        self._jwks = jwks_client or jwt.PyJWKClient(oauth.jwks_url, cache_keys=True, lifespan=300, timeout=5)

    async def verify_token(self, token: str) -> AccessToken | None:
        return await anyio.to_thread.run_sync(self._verify, token)

    def _verify(self, token: str) -> AccessToken | None:
        import jwt

        try:
            key = self._jwks.get_signing_key_from_jwt(token)  # type: ignore[attr-defined]
            claims = jwt.decode(
                token,
                key.key,
                algorithms=list(self._oauth.algorithms),
                audience=self._audiences,
                issuer=self._oauth.issuer,
                options={"require": ["exp", "iss", "aud"]},
                leeway=30,
            )
        except jwt.PyJWKClientConnectionError as exc:
            log.warning(
                "could not fetch the issuer's JWKS from %s: %s", self._oauth.jwks_url, type(exc).__name__
            )
            return None
        except jwt.PyJWTError as exc:  # the reason, never the token
            log.info("bearer token refused: %s", type(exc).__name__)
            return None
        scope = claims.get("scope")
        scopes = scope.split() if isinstance(scope, str) else list(claims.get("scp") or [])
        client_id = str(claims.get("client_id") or claims.get("azp") or claims.get("sub") or "unknown")
        return AccessToken(
            token=token,
            client_id=client_id[:128],
            scopes=[str(s) for s in scopes],
            expires_at=int(claims["exp"]),
            resource=self._resource_url,
            subject=str(claims["sub"]) if claims.get("sub") else None,
            claims={"iss": claims["iss"]},
        )


class AnyVerifier(TokenVerifier):
    """The first verifier that accepts the token wins (static tokens are checked first: no network)."""

    def __init__(self, verifiers: Sequence[TokenVerifier]) -> None:
        self._verifiers = list(verifiers)

    async def verify_token(self, token: str) -> AccessToken | None:
        for verifier in self._verifiers:
            found = await verifier.verify_token(token)
            if found is not None:
                return found
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m servers.gateway.auth")
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("new-token", help="print a new static API token and its config entry")
    make.add_argument("--name", required=True)
    make.add_argument("--scope", action="append", required=True, help="e.g. forge:read (repeat for more)")
    args = parser.parse_args(argv)
    token = new_token()
    print(f"token (shown once; give it to the client): {token}")
    print('add to the "tokens" list of gateway.json:')
    print(json.dumps({"name": args.name, "sha256": hash_token(token), "scopes": args.scope}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
