"""Fixtures shared by the gateway tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gateway_support import serve

from servers.gateway import create_app


@pytest.fixture
def forge_url(offline_suite) -> Iterator[str]:
    """forge's MCP endpoint behind a real gateway on a free loopback port."""
    with serve(create_app()) as base:
        yield f"{base}/forge/mcp"
