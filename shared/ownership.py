"""Who may use what a caller created.

Behind the gateway every caller is a principal, named by how it authenticated (see
`shared.tools.authenticated_principal`): `static:<token name>` or `jwt:<issuer>#<subject>#<client>`.
Whatever a principal creates (keys, data keys, snapshots, proposals, budgets, jobs, sessions,
attestations, agents, tasks) records it as the owner. Another principal sees such a resource only
through a grant in the operator's configuration, and otherwise gets the same "not found" as for an
id that does not exist, so ids cannot be probed.

A call without credentials (stdio, the loopback gateway without auth) is the operator's: it has
`principal=None` and sees everything. A resource created without credentials has `owner=None` and
is the operator's: authenticated principals do not see it unless granted `"operator"`.

Grants: `HDR_GRANTS` (or the gateway config's `grants`, which `hdr serve` exports into it) is a JSON
object from a principal to the owners it may act for, e.g.
`{"static:oncall": ["static:ci", "operator"], "static:auditor": ["*"]}`.
"""

from __future__ import annotations

import json
import logging
import os
from functools import lru_cache

log = logging.getLogger("hdr.ownership")

GRANTS_ENV = "HDR_GRANTS"
OPERATOR = "operator"


@lru_cache(maxsize=8)
def _parse(text: str) -> dict[str, frozenset[str]]:
    try:
        data = json.loads(text)
    except ValueError:
        log.error("%s is not JSON; no grants apply", GRANTS_ENV)
        return {}
    if not isinstance(data, dict):
        log.error("%s must be a JSON object of principal -> list of owners; no grants apply", GRANTS_ENV)
        return {}
    return {str(k): frozenset(str(v) for v in vs) for k, vs in data.items() if isinstance(vs, list)}


def grants(env: dict[str, str] | None = None) -> dict[str, frozenset[str]]:
    text = (os.environ if env is None else env).get(GRANTS_ENV, "")
    return _parse(text) if text else {}


def current_principal() -> str | None:
    """The principal of the call being served (None: the operator). Works in a tool's worker thread:
    the SDK keeps the access token in a context variable, which the worker inherits."""
    from shared.tools import authenticated_principal

    return authenticated_principal()


def owner_tag(principal: str | None) -> str:
    """How an owner is written where None cannot be (memory metadata)."""
    return OPERATOR if principal is None else principal


def readable_owners(principal: str | None, env: dict[str, str] | None = None) -> list[str] | None:
    """The owner tags `principal` may read, or None for no restriction (the operator, or a "*" grant)."""
    if principal is None:
        return None
    allowed = grants(env).get(principal, frozenset())
    return None if "*" in allowed else sorted({principal, *allowed})


def may_access(owner: str | None, principal: str | None, env: dict[str, str] | None = None) -> bool:
    """Whether `principal` (None: the operator) may use a resource owned by `owner` (None: the operator's)."""
    if principal is None or owner == principal:
        return True
    allowed = grants(env).get(principal, frozenset())
    return "*" in allowed or (owner if owner is not None else OPERATOR) in allowed


__all__ = [
    "GRANTS_ENV",
    "OPERATOR",
    "current_principal",
    "grants",
    "may_access",
    "owner_tag",
    "readable_owners",
]
