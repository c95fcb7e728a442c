"""A live cluster's custom resources that can hold pods, listed so that `check(target="cluster")`
reads them (or marks them unreadable) instead of passing over them.

The cluster connection (shared/cluster.py) lists built-in kinds. Custom resources are found through
the API server: every CustomResourceDefinition whose schema has a `containers` or `image` field anywhere
(or no schema that says otherwise), or whose group and kind have a known pod template, has its objects listed
with the official client's CustomObjectsApi. What cannot be listed (no permission, an API error) is
returned as unchecked, so the verdict cannot be "pass".
"""

from __future__ import annotations

import json
from typing import Any

from servers.compliance.manifests import CRD_POD_LOCATIONS, MAX_SEARCH_DEPTH, Unchecked

TIMEOUT_S = 10


def may_hold_pods(schema: Any, depth: int = 0) -> bool:
    """Whether an OpenAPI v3 schema can hold a `containers` or `image` field (True when it does not say)."""
    if not isinstance(schema, dict):
        return depth == 0  # a definition without a schema: anything may be in it
    if schema.get("x-kubernetes-preserve-unknown-fields") is True and not schema.get("properties"):
        return True  # an open object: anything may be in it
    if depth > MAX_SEARCH_DEPTH * 2:
        return False
    properties = schema.get("properties")
    if isinstance(properties, dict):
        if "containers" in properties or "image" in properties:
            return True
        if any(may_hold_pods(p, depth + 1) for p in properties.values() if isinstance(p, dict)):
            return True
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict) and may_hold_pods(schema[key], depth + 1):
            return True
    return False


def _storage_version(crd: dict[str, Any]) -> dict[str, Any] | None:
    versions = [v for v in (crd.get("spec") or {}).get("versions") or [] if isinstance(v, dict)]
    return next((v for v in versions if v.get("storage")), versions[0] if versions else None)


def list_custom_resources(api_client: Any) -> tuple[list[dict[str, Any]], list[Unchecked]]:
    """(objects of the pod-holding custom resources, what could not be listed), through `api_client`
    (a kubernetes.client.ApiClient)."""
    from kubernetes import client

    try:
        # with _preload_content=False the client returns the raw HTTP response, not the annotated model
        raw: Any = client.ApiextensionsV1Api(api_client).list_custom_resource_definition(
            _preload_content=False, _request_timeout=TIMEOUT_S
        )
        crds = json.loads(raw.data).get("items") or []
    except Exception as exc:  # ApiException (403 without RBAC for CRDs), connection errors
        status = getattr(exc, "status", None) or type(exc).__name__
        return [], [
            Unchecked(
                "CustomResourceDefinition/*/*",
                f"could not list custom resource definitions ({status}), "
                "so custom resources that hold pods could not be checked",
            )
        ]
    objects: list[dict[str, Any]] = []
    unchecked: list[Unchecked] = []
    custom = client.CustomObjectsApi(api_client)
    for crd in crds:
        spec = crd.get("spec") or {}
        names = spec.get("names") or {}
        group, kind, plural = (
            str(spec.get("group", "")),
            str(names.get("kind", "")),
            str(names.get("plural", "")),
        )
        version = _storage_version(crd)
        if version is None or not plural:
            continue
        schema = (version.get("schema") or {}).get("openAPIV3Schema")
        if (group, kind) not in CRD_POD_LOCATIONS and not may_hold_pods(schema):
            continue
        try:
            raw = custom.list_cluster_custom_object(
                group, str(version.get("name")), plural, _preload_content=False, _request_timeout=TIMEOUT_S
            )
            items = json.loads(raw.data).get("items") or []
        except Exception as exc:
            status = getattr(exc, "status", None) or type(exc).__name__
            unchecked.append(
                Unchecked(f"{kind[:60]}/*/*", f"could not list {plural[:60]}.{group[:100]} ({status})")
            )
            continue
        for item in items:
            if isinstance(item, dict):
                item.setdefault("kind", kind)
                item.setdefault("apiVersion", f"{group}/{version.get('name')}")
                objects.append(item)
    return objects, unchecked
