"""Outbound calls on a caller's behalf: internal ranges refused unless allow-listed, the checked
address is the one connected to, no redirects followed, and one text for every refusal or failure."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from shared.egress import (
    REFUSAL,
    AllowList,
    EgressRefused,
    async_egress_client,
    check_url,
    egress_client,
    public,
)


class _Handler(BaseHTTPRequestHandler):
    redirect_to: str | None = None

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect" and self.server.redirect_to:  # type: ignore[attr-defined]
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)  # type: ignore[attr-defined]
            self.end_headers()
            return
        body = f"host={self.headers.get('Host')}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.redirect_to = None  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://0/",
        "http://2130706433/",
        "http://0x7f000001/",
        "file:///etc/passwd",
        "gopher://example.com/",
        "http://user:pw@example.com/",
        "http://[::]/",
        "ftp://127.0.0.1/",
    ],
)
def test_internal_and_odd_urls_are_refused_with_one_text(url: str) -> None:
    with pytest.raises(EgressRefused) as caught:
        check_url(url, AllowList())
    assert str(caught.value).startswith(REFUSAL)


def test_public_addresses_pass_and_mapped_private_ones_do_not() -> None:
    assert public(ipaddress.ip_address("93.184.216.34"))
    assert public(ipaddress.ip_address("2606:4700::1111"))
    assert not public(ipaddress.ip_address("::ffff:10.0.0.1"))
    assert not public(ipaddress.ip_address("2002:7f00:1::"))  # 6to4 around 127.0.0.1


def test_the_allow_list_admits_networks_hosts_and_host_ports() -> None:
    allow = AllowList.parse("127.0.0.0/8, a2a.internal, localhost:8080, [::1]:9000")
    assert check_url("http://127.0.0.1:5/", allow).address == "127.0.0.1"
    assert check_url("http://localhost:8080/", allow).host == "localhost"
    with pytest.raises(EgressRefused):
        check_url("http://[::1]:9001/", AllowList.parse("[::1]:9000"))
    assert check_url("http://[::1]:9000/", AllowList.parse("[::1]:9000")).address == "::1"


def test_a_closed_allowed_port_fails_with_the_same_text_as_a_refusal() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    allow = AllowList.parse(f"127.0.0.1:{port}")
    with egress_client(allow=allow) as client, pytest.raises(EgressRefused) as closed:
        client.get(f"http://127.0.0.1:{port}/")
    with egress_client(allow=AllowList()) as client, pytest.raises(EgressRefused) as refused:
        client.get(f"http://127.0.0.1:{port}/")
    assert str(closed.value) == str(refused.value)


def test_requests_reach_the_checked_address_with_the_original_host_header(local_server) -> None:
    port = local_server.server_address[1]
    with egress_client(allow=AllowList.parse(f"localhost:{port}")) as client:
        reply = client.get(f"http://localhost:{port}/")
    assert reply.status_code == 200 and reply.text == f"host=localhost:{port}"


def test_redirects_are_not_followed_and_a_followed_one_is_checked_again(local_server) -> None:
    port = local_server.server_address[1]
    local_server.redirect_to = "http://169.254.169.254/latest/meta-data/"
    with egress_client(allow=AllowList.parse(f"127.0.0.1:{port}")) as client:
        reply = client.get(f"http://127.0.0.1:{port}/redirect")
        assert reply.status_code == 302  # handed back, not followed
        with pytest.raises(EgressRefused):
            client.get(reply.headers["location"])
    with egress_client(allow=AllowList.parse(f"127.0.0.1:{port}")) as client, pytest.raises(EgressRefused):
        client.get(
            f"http://127.0.0.1:{port}/redirect", follow_redirects=True
        )  # each hop goes through the check


async def test_the_async_client_applies_the_same_rules(local_server) -> None:
    port = local_server.server_address[1]
    async with async_egress_client(allow=AllowList.parse(f"127.0.0.1:{port}")) as client:
        assert (await client.get(f"http://127.0.0.1:{port}/")).status_code == 200
    async with async_egress_client(allow=AllowList()) as client:
        with pytest.raises(EgressRefused):
            await client.get(f"http://127.0.0.1:{port}/")
