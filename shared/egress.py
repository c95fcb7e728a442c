"""Outbound HTTP made on a caller's behalf (handoff delivery, TLE downloads, A2A calls).

A URL a caller supplies must not become a way into the server's own network. Every request made
through `egress_client` / `async_egress_client`:

- resolves the host once and refuses it when any address it resolves to is loopback, private,
  link-local (cloud metadata lives there), carrier-grade NAT, multicast, reserved or unspecified,
  unless the operator's allow-list `HDR_EGRESS_ALLOW` names it (comma-separated CIDRs, hosts, or
  host:port);
- connects to the address it checked (the URL's host goes in Host and TLS SNI), so a DNS answer that
  changes between the check and the connection (rebinding) cannot redirect it;
- never follows redirects by itself: a caller that follows one sends a new request, checked again;
- fails with one text for every refusal and every connection failure, so a caller cannot map which
  internal ports answer.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from shared.errors import Refused

ALLOW_ENV = "HDR_EGRESS_ALLOW"
REFUSAL = "The address could not be reached from this server."
HINT = (
    f"Outbound calls go only to public addresses, or to ones the operator lists in {ALLOW_ENV}; "
    "check the URL and that the service is up."
)
_EXTRA_REFUSED = [
    ipaddress.ip_network(n)
    for n in (
        "100.64.0.0/10",  # carrier-grade NAT
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "fd00:ec2::254/128",  # AWS metadata over IPv6
        "64:ff9b::/96",  # NAT64: may embed a private IPv4 address
    )
]


class EgressRefused(Refused):
    """An outbound call refused or failed; the text is the same for every reason."""

    def __init__(self) -> None:
        super().__init__(REFUSAL, HINT)


@dataclass(frozen=True)
class Target:
    """A checked URL: connect to `address`, send `host` as the Host header and TLS server name."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


@dataclass(frozen=True)
class AllowList:
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    hosts: frozenset[str] = frozenset()
    host_ports: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def parse(cls, text: str | None) -> AllowList:
        networks, hosts, host_ports = [], set(), set()
        for item in (text or "").split(","):
            item = item.strip().lower()
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
                continue
            except ValueError:
                pass
            host, sep, port = item.rpartition(":")
            if sep and port.isdigit() and host and (host.startswith("[") or ":" not in host):
                host_ports.add((host.strip("[]"), int(port)))
            else:
                hosts.add(item.strip("[]"))
        return cls(tuple(networks), frozenset(hosts), frozenset(host_ports))

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> AllowList:
        return cls.parse((os.environ if env is None else env).get(ALLOW_ENV))

    def admits(self, host: str, port: int, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return (
            host in self.hosts
            or (host, port) in self.host_ports
            or any(address in net for net in self.networks if net.version == address.version)
        )


def public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet (not loopback, private, link-local, ...)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if mapped is not None:
            return public(mapped)
    if (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    ):
        return False
    return not any(address in net for net in _EXTRA_REFUSED if net.version == address.version)


def _resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise EgressRefused() from None
    found = []
    for info in infos:
        try:
            found.append(ipaddress.ip_address(str(info[4][0]).split("%")[0]))
        except ValueError:
            continue
    return found


def check_url(url: str, allow: AllowList | None = None) -> Target:
    """Check a caller's URL and pick the address to connect to; raises EgressRefused."""
    allow = AllowList.from_env() if allow is None else allow
    if not isinstance(url, str) or len(url) > 2048:
        raise EgressRefused()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise EgressRefused() from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme not in ("http", "https") or not host or parts.username or parts.password:
        raise EgressRefused()
    port = port or (443 if scheme == "https" else 80)
    addresses = _resolve(host, port)
    if not addresses:
        raise EgressRefused()
    # Every address must pass: a name that resolves to one public and one private address is refused.
    if not all(public(a) or allow.admits(host, port, a) for a in addresses):
        raise EgressRefused()
    return Target(url=url, scheme=scheme, host=host, port=port, address=str(addresses[0]))


def _pinned(request: httpx.Request, allow: AllowList) -> httpx.Request:
    target = check_url(str(request.url), allow)
    request.url = request.url.copy_with(host=target.address)
    request.headers["Host"] = _host_header(target)
    if target.scheme == "https":
        request.extensions = {**request.extensions, "sni_hostname": target.host}
    return request


def _host_header(target: Target) -> str:
    default = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


class EgressTransport(httpx.BaseTransport):
    """A sync httpx transport that checks and pins every request (see the module's rules)."""

    def __init__(self, allow: AllowList | None = None, **kwargs: Any) -> None:
        self._allow = allow
        self._inner = httpx.HTTPTransport(**kwargs)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        allow = AllowList.from_env() if self._allow is None else self._allow
        try:
            return self._inner.handle_request(_pinned(request, allow))
        except httpx.TransportError:
            raise EgressRefused() from None

    def close(self) -> None:
        self._inner.close()


class AsyncEgressTransport(httpx.AsyncBaseTransport):
    """The async twin of EgressTransport. Resolution runs in a worker thread."""

    def __init__(self, allow: AllowList | None = None, **kwargs: Any) -> None:
        self._allow = allow
        self._inner = httpx.AsyncHTTPTransport(**kwargs)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import anyio.to_thread

        allow = AllowList.from_env() if self._allow is None else self._allow
        request = await anyio.to_thread.run_sync(_pinned, request, allow)
        try:
            return await self._inner.handle_async_request(request)
        except httpx.TransportError:
            raise EgressRefused() from None

    async def aclose(self) -> None:
        await self._inner.aclose()


def egress_client(*, timeout: float = 10.0, allow: AllowList | None = None, **kwargs: Any) -> httpx.Client:
    """An httpx.Client for calls on a caller's behalf: checked, pinned, no automatic redirects."""
    return httpx.Client(transport=EgressTransport(allow), timeout=timeout, follow_redirects=False, **kwargs)


def async_egress_client(
    *, timeout: float = 10.0, allow: AllowList | None = None, **kwargs: Any
) -> httpx.AsyncClient:
    """An httpx.AsyncClient for calls on a caller's behalf: checked, pinned, no automatic redirects.
    Its signature fits the MCP client's `httpx_client_factory` when wrapped in a lambda."""
    return httpx.AsyncClient(
        transport=AsyncEgressTransport(allow), timeout=timeout, follow_redirects=False, **kwargs
    )


def refused_networks() -> Sequence[str]:
    """For documentation and tests: the ranges refused beyond Python's own non-global ranges."""
    return [str(n) for n in _EXTRA_REFUSED]


__all__ = [
    "ALLOW_ENV",
    "HINT",
    "REFUSAL",
    "AllowList",
    "AsyncEgressTransport",
    "EgressRefused",
    "EgressTransport",
    "Target",
    "async_egress_client",
    "check_url",
    "egress_client",
    "public",
]
