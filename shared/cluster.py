"""The Kubernetes cluster a server reads and changes, behind one small interface.

Two implementations:
- `LiveCluster`: a real API server through the official `kubernetes` client (kubeconfig context
  or in-cluster config). Versions are `metadata.resourceVersion`; a change sent with a stale one
  gets 409 from the API server and becomes `Conflict`.
- `ManifestCluster`: a directory of YAML manifests, as in a GitOps repository. Versions are the
  SHA-256 of the file holding the object; changes are written in place with ruamel.yaml's
  round-trip mode, so comments, key order and formatting survive; restores are byte-identical.

Objects are plain manifest dicts (camelCase, as on the wire). Changes are strategic-merge-style
patches (`merge_patch`): nested dicts merge, lists of dicts with `name` merge item by item (as
Kubernetes merges `containers`), anything else is replaced.

Environment for `cluster_from_config`: HDR_KUBECONFIG (+ optional HDR_KUBE_CONTEXT) or
HDR_KUBE_IN_CLUSTER=1 for a live cluster; else HDR_FORGE_MANIFESTS, a manifests directory; else
the sample cluster under HDR_HOME/forge/sample/manifests, written on first use by
`shared.sample_cluster` (in any process: compliance started alone gets it too).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from shared.errors import BadInput, Conflict, NotFound, Unavailable

WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet")
"""Kinds whose pod template carries containers with requests and limits."""

ALL_KINDS = WORKLOAD_KINDS + ("HorizontalPodAutoscaler", "PodDisruptionBudget")

MAX_MANIFEST_BYTES = 2_000_000


@dataclass(frozen=True, order=True)
class ObjectRef:
    kind: str
    namespace: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind}/{self.namespace}/{self.name}"

    @classmethod
    def of(cls, manifest: dict[str, Any]) -> ObjectRef:
        meta = manifest.get("metadata") or {}
        return cls(str(manifest.get("kind", "")), str(meta.get("namespace") or "default"), str(meta.get("name", "")))


@dataclass(frozen=True)
class Capture:
    """Everything needed to put an object back exactly as it was. `unit` names what a restore
    rewrites (a file for manifests, the object for a live cluster): captures with the same unit
    restore together. `state` is JSON-serialisable."""

    ref: ObjectRef
    unit: str
    version: str
    state: dict[str, Any]


class Cluster(Protocol):
    source: str
    """A short human description: 'manifests:/path' or 'kubernetes:context'."""

    def list_objects(self, kinds: Iterable[str] = ALL_KINDS) -> list[dict[str, Any]]:
        """Full manifests of the objects of these kinds (also Node and Pod on a live cluster)."""
        ...

    def get(self, ref: ObjectRef) -> tuple[dict[str, Any], str]:
        """The object's manifest and its current version. Raises NotFound."""
        ...

    def version(self, ref: ObjectRef) -> str:
        ...

    def preview(self, ref: ObjectRef, patch: dict[str, Any]) -> tuple[str, str]:
        """(before, after) text of the object's unit if `patch` were applied; changes nothing."""
        ...

    def apply(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        """Apply `patch` if the object is still at `expected_version`; returns the new version.
        Raises Conflict (nothing written) when it changed."""
        ...

    def capture(self, ref: ObjectRef) -> Capture:
        ...

    def restore(self, capture: Capture, expected_version: str) -> str:
        """Put the unit back as captured if it is at `expected_version`; returns the new version."""
        ...

    def unit_of(self, ref: ObjectRef) -> str:
        ...


def merge_patch(target: Any, patch: dict[str, Any]) -> None:
    """Merge `patch` into `target` in place (works on ruamel's CommentedMap as on dicts).
    A None value deletes the key."""
    for key, value in patch.items():
        if value is None:
            if key in target:
                del target[key]
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge_patch(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list) and value \
                and all(isinstance(v, dict) and "name" in v for v in value):
            items = target[key]
            for item_patch in value:
                existing = next((i for i in items if isinstance(i, dict) and i.get("name") == item_patch["name"]), None)
                if existing is None:
                    items.append(item_patch)
                else:
                    merge_patch(existing, item_patch)
        else:
            target[key] = value


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


class ManifestCluster:
    """A directory of YAML manifests (one or many documents per file), changed in place.

    Reading a thousand manifests is one directory scan; parsed documents are kept in memory (until a
    file's mtime or size changes) and, with `cache_dir`, on disk keyed by each file's SHA-256, so a
    new process parses only files whose content it has not seen."""

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise Unavailable(f"The manifests directory {self.root} does not exist.",
                              "Set HDR_FORGE_MANIFESTS to a directory of Kubernetes YAML manifests.")
        self.source = f"manifests:{self.root}"
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[tuple[int, int], str, list[Any]]] = {}
        self._parsed_path = None if cache_dir is None else Path(cache_dir) / (
            "manifests-" + hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16] + ".json")
        self._parsed: dict[str, list[Any]] | None = None  # SHA-256 -> documents, from the disk cache
        self._parsed_dirty = False

    # -- reading ----------------------------------------------------------------------------

    def _yaml(self) -> Any:
        from ruamel.yaml import YAML

        yaml = YAML()  # round-trip: comments, key order, quoting and flow style survive
        yaml.preserve_quotes = True
        yaml.width = 4096
        return yaml

    def _scan(self) -> list[tuple[Path, tuple[int, int]]]:
        """Every .yaml/.yml file under the root with its (mtime, size): one pass over the directories."""
        found: list[tuple[Path, tuple[int, int]]] = []
        pending = [str(self.root)]
        while pending:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                        st = entry.stat()
                        found.append((Path(entry.path), (st.st_mtime_ns, st.st_size)))
        found.sort()
        return found

    def _load(self, path: Path) -> tuple[bytes, list[Any]]:
        data = path.read_bytes()
        if len(data) > MAX_MANIFEST_BYTES:
            raise BadInput(f"Manifest file {path.name} is {len(data)} bytes; the limit is {MAX_MANIFEST_BYTES}.",
                           "Split it into smaller files.")
        try:
            docs = [d for d in self._yaml().load_all(data.decode("utf-8"))]
        except Exception as exc:
            raise BadInput(f"Manifest file {path.relative_to(self.root)} is not valid YAML "
                           f"({type(exc).__name__}).", "Fix the file (e.g. `kubectl apply --dry-run=client -f` "
                           "it), then analyze again.") from None
        return data, docs

    def _plain(self, path: Path, stamp: tuple[int, int] | None = None) -> tuple[str, list[Any]]:
        """(version, documents as plain dicts) of one file, cached until the file changes. Reading
        uses libyaml (PyYAML's C loader, ~20x faster than a round-trip parse); writing never does."""
        if stamp is None:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1], cached[2]
        data = path.read_bytes()
        if len(data) > MAX_MANIFEST_BYTES:
            raise BadInput(f"Manifest file {path.name} is {len(data)} bytes; the limit is {MAX_MANIFEST_BYTES}.",
                           "Split it into smaller files.")
        version = _sha(data)
        parsed = self._parsed_cache()
        if version in parsed:
            self._cache[path] = (stamp, version, parsed[version])
            return version, parsed[version]
        import yaml

        try:
            docs = [d for d in yaml.load_all(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))]
        except Exception as exc:
            raise BadInput(f"Manifest file {path.relative_to(self.root)} is not valid YAML "
                           f"({type(exc).__name__}).", "Fix the file (e.g. `kubectl apply --dry-run=client -f` "
                           "it), then analyze again.") from None
        docs = [json.loads(json.dumps(d, default=str)) for d in docs]
        self._cache[path] = (stamp, version, docs)
        if self._parsed_path is not None:
            parsed[version] = docs
            self._parsed_dirty = True
        return version, docs

    def _parsed_cache(self) -> dict[str, list[Any]]:
        if self._parsed is None:
            self._parsed = {}
            if self._parsed_path is not None:
                try:
                    self._parsed = json.loads(self._parsed_path.read_bytes())
                except (OSError, ValueError):
                    pass  # absent or damaged: parse the files
        return self._parsed

    def _save_parsed(self, current: set[str]) -> None:
        """Keep the parsed documents of the files as they are now (and drop older contents' entries)."""
        if not self._parsed_dirty or self._parsed_path is None or self._parsed is None:
            return
        self._parsed = {k: v for k, v in self._parsed.items() if k in current}
        try:
            self._parsed_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._parsed_path.with_name(f"{self._parsed_path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self._parsed))
            os.replace(tmp, self._parsed_path)
            self._parsed_dirty = False
        except OSError:
            pass  # a cache that cannot be written costs time, not correctness

    def _index(self) -> dict[ObjectRef, tuple[Path, int]]:
        index: dict[ObjectRef, tuple[Path, int]] = {}
        for path, stamp in self._scan():
            _, docs = self._plain(path, stamp)
            for i, doc in enumerate(docs):
                if isinstance(doc, dict) and doc.get("kind") and isinstance(doc.get("metadata"), dict):
                    index[ObjectRef.of(doc)] = (path, i)
        return index

    def list_objects(self, kinds: Iterable[str] = ALL_KINDS) -> list[dict[str, Any]]:
        """Manifests of these kinds; `metadata.resourceVersion` is the content hash of the file."""
        wanted = set(kinds)
        found: list[tuple[str, Any]] = []
        versions = set()
        for path, stamp in self._scan():
            version, docs = self._plain(path, stamp)
            versions.add(version)
            found += [(version, doc) for doc in docs if isinstance(doc, dict) and doc.get("kind") in wanted
                      and isinstance(doc.get("metadata"), dict)]
        self._save_parsed(versions)
        out: list[dict[str, Any]] = json.loads(json.dumps([doc for _, doc in found]))  # copies: callers may edit
        for (version, _), plain in zip(found, out, strict=True):
            plain["metadata"].setdefault("namespace", "default")
            plain["metadata"]["resourceVersion"] = version
        return out

    def _locate(self, ref: ObjectRef) -> tuple[Path, int]:
        found = self._index().get(ref)
        if found is None:
            raise NotFound(f"{ref} is not in {self.root}.", "Analyze again to see the objects that exist.")
        return found

    def unit_of(self, ref: ObjectRef) -> str:
        return str(self._locate(ref)[0].relative_to(self.root))

    def get(self, ref: ObjectRef) -> tuple[dict[str, Any], str]:
        path, i = self._locate(ref)
        version, docs = self._plain(path)
        obj = json.loads(json.dumps(docs[i]))
        obj["metadata"]["resourceVersion"] = version
        return obj, version

    def version(self, ref: ObjectRef) -> str:
        path, _ = self._locate(ref)
        return _sha(path.read_bytes())

    # -- writing ----------------------------------------------------------------------------

    def _dump(self, docs: list[Any], style: tuple[int, int, int, bool]) -> bytes:
        import io

        mapping, sequence, offset, explicit = style
        yaml = self._yaml()
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        yaml.explicit_start = explicit
        buf = io.StringIO()
        yaml.dump_all(docs, buf)
        return buf.getvalue().encode("utf-8")

    def _style_of(self, data: bytes, docs: list[Any]) -> tuple[int, int, int, bool]:
        """The indentation style that writes this file back unchanged, so a change's diff shows only
        the change (GitOps repositories use both `- item` under and indented from its key)."""
        explicit = data.lstrip().startswith(b"---")
        candidates = [(2, 4, 2, explicit), (2, 2, 0, explicit), (4, 4, 2, explicit), (4, 6, 4, explicit)]
        for style in candidates:
            if self._dump(docs, style) == data:
                return style
        return candidates[0]

    def _patched_text(self, path: Path, index: int, patch: dict[str, Any]) -> tuple[bytes, bytes]:
        data, docs = self._load(path)
        style = self._style_of(data, docs)
        merge_patch(docs[index], patch)
        return data, self._dump(docs, style)

    def preview(self, ref: ObjectRef, patch: dict[str, Any]) -> tuple[str, str]:
        path, i = self._locate(ref)
        before, after = self._patched_text(path, i, patch)
        return before.decode("utf-8"), after.decode("utf-8")

    def _write(self, path: Path, data: bytes) -> None:
        tmp = path.with_name(f".{path.name}.forge-tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # atomic: a reader never sees half a file

    def apply(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        with self._lock:
            path, i = self._locate(ref)
            before, after = self._patched_text(path, i, patch)
            if _sha(before) != expected_version:
                raise Conflict(f"{ref} changed since it was read ({path.relative_to(self.root)} was edited).",
                               "Analyze again and apply the new proposal.")
            self._write(path, after)
            return _sha(after)

    def capture(self, ref: ObjectRef) -> Capture:
        path, _ = self._locate(ref)
        data = path.read_bytes()
        rel = str(path.relative_to(self.root))
        return Capture(ref, rel, _sha(data), {"path": rel, "content_b64": base64.b64encode(data).decode()})

    def restore(self, capture: Capture, expected_version: str) -> str:
        with self._lock:
            path = (self.root / capture.state["path"]).resolve()
            if self.root.resolve() not in path.parents:
                raise BadInput(f"Snapshot path {capture.state['path']} is outside {self.root}.")
            current = _sha(path.read_bytes()) if path.exists() else "absent"
            if current != expected_version:
                raise Conflict(f"{capture.unit} changed since it was checked.", "Check the snapshot again.")
            data = base64.b64decode(capture.state["content_b64"])
            self._write(path, data)
            return _sha(data)


# -- a live cluster -------------------------------------------------------------------------------

_API = {
    # kind: (api class, list-all method, read, patch, replace) — names in the kubernetes client
    "Deployment": ("AppsV1Api", "deployment"),
    "StatefulSet": ("AppsV1Api", "stateful_set"),
    "DaemonSet": ("AppsV1Api", "daemon_set"),
    "HorizontalPodAutoscaler": ("AutoscalingV2Api", "horizontal_pod_autoscaler"),
    "PodDisruptionBudget": ("PolicyV1Api", "pod_disruption_budget"),
    "Pod": ("CoreV1Api", "pod"),
    # listed by compliance's live check (every pod-bearing kind, and what its hardening checks read)
    "ReplicaSet": ("AppsV1Api", "replica_set"),
    "ReplicationController": ("CoreV1Api", "replication_controller"),
    "PodTemplate": ("CoreV1Api", "pod_template"),
    "Job": ("BatchV1Api", "job"),
    "CronJob": ("BatchV1Api", "cron_job"),
    "Service": ("CoreV1Api", "service"),
    "NetworkPolicy": ("NetworkingV1Api", "network_policy"),
    "Role": ("RbacAuthorizationV1Api", "role"),
    "RoleBinding": ("RbacAuthorizationV1Api", "role_binding"),
}
_CLUSTER_SCOPED_LIST = {"Node": ("CoreV1Api", "list_node"),
                        "ClusterRole": ("RbacAuthorizationV1Api", "list_cluster_role"),
                        "ClusterRoleBinding": ("RbacAuthorizationV1Api", "list_cluster_role_binding")}
_SERVER_FIELDS = ("uid", "creationTimestamp", "generation", "managedFields", "selfLink")


class LiveCluster:
    """A real API server through the official `kubernetes` client."""

    def __init__(self, kubeconfig: str | None = None, context: str | None = None, in_cluster: bool = False) -> None:
        from kubernetes import client, config

        try:
            if in_cluster:
                config.load_incluster_config()
                self.api_client = client.ApiClient()
            else:
                self.api_client = config.new_client_from_config(config_file=kubeconfig, context=context)
        except Exception as exc:
            raise Unavailable(f"Could not load the Kubernetes configuration ({type(exc).__name__}).",
                              "Check HDR_KUBECONFIG / HDR_KUBE_CONTEXT, or unset them to use manifests.") from None
        self.source = f"kubernetes:{context or ('in-cluster' if in_cluster else 'current-context')}"
        self._client = client

    def _api(self, kind: str) -> tuple[Any, str]:
        if kind not in _API:
            raise BadInput(f"Kind {kind!r} is not supported.", f"Use one of {', '.join(_API)}.")
        cls, noun = _API[kind]
        return getattr(self._client, cls)(self.api_client), noun

    def _call(self, fn: Callable[..., Any], *args: Any, ref: ObjectRef | None = None, **kwargs: Any) -> Any:
        from kubernetes.client.exceptions import ApiException

        try:
            return fn(*args, _request_timeout=10, **kwargs)
        except ApiException as exc:
            if exc.status == 404:
                raise NotFound(f"{ref or 'The object'} does not exist in the cluster.",
                               "Analyze again to see the objects that exist.") from None
            if exc.status == 409:
                raise Conflict(f"{ref or 'The object'} changed since it was read (resourceVersion moved on).",
                               "Analyze again and apply the new proposal.") from None
            raise Unavailable(f"The Kubernetes API answered {exc.status} {exc.reason}.",
                              "Check the cluster and forge's permissions.") from None
        except Exception as exc:
            raise Unavailable(f"The Kubernetes API could not be reached ({type(exc).__name__}).",
                              "Check HDR_KUBECONFIG / HDR_KUBE_CONTEXT and that the cluster is up.") from None

    def list_objects(self, kinds: Iterable[str] = ALL_KINDS) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for kind in kinds:
            if kind in _CLUSTER_SCOPED_LIST:
                cls, method = _CLUSTER_SCOPED_LIST[kind]
                api = getattr(self._client, cls)(self.api_client)
            else:
                api, noun = self._api(kind)
                method = f"list_{noun}_for_all_namespaces"
            resp = self._call(getattr(api, method), _preload_content=False)
            for item in json.loads(resp.data).get("items", []):
                item.setdefault("kind", kind)
                out.append(item)
        return out

    def get(self, ref: ObjectRef) -> tuple[dict[str, Any], str]:
        api, noun = self._api(ref.kind)
        resp = self._call(getattr(api, f"read_namespaced_{noun}"), ref.name, ref.namespace, ref=ref,
                          _preload_content=False)
        obj = json.loads(resp.data)
        obj.setdefault("kind", ref.kind)
        return obj, str(obj["metadata"]["resourceVersion"])

    def version(self, ref: ObjectRef) -> str:
        return self.get(ref)[1]

    def unit_of(self, ref: ObjectRef) -> str:
        return str(ref)

    def preview(self, ref: ObjectRef, patch: dict[str, Any]) -> tuple[str, str]:
        import copy

        obj, _ = self.get(ref)
        after = copy.deepcopy(obj)
        merge_patch(after, patch)
        return _yaml_text(_clean(obj)), _yaml_text(_clean(after))

    def apply(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        api, noun = self._api(ref.kind)
        body = dict(patch)
        body["metadata"] = {**(patch.get("metadata") or {}), "resourceVersion": expected_version}
        resp = self._call(getattr(api, f"patch_namespaced_{noun}"), ref.name, ref.namespace, body, ref=ref,
                          _preload_content=False)
        return str(json.loads(resp.data)["metadata"]["resourceVersion"])

    def capture(self, ref: ObjectRef) -> Capture:
        obj, version = self.get(ref)
        return Capture(ref, str(ref), version, {"manifest": _clean(obj)})

    def restore(self, capture: Capture, expected_version: str) -> str:
        api, noun = self._api(capture.ref.kind)
        body = json.loads(json.dumps(capture.state["manifest"]))
        body.setdefault("metadata", {})["resourceVersion"] = expected_version
        resp = self._call(getattr(api, f"replace_namespaced_{noun}"), capture.ref.name, capture.ref.namespace,
                          body, ref=capture.ref, _preload_content=False)
        return str(json.loads(resp.data)["metadata"]["resourceVersion"])


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """The object without server-set fields and status: what a restore puts back."""
    out = {k: v for k, v in obj.items() if k != "status"}
    meta = {k: v for k, v in (obj.get("metadata") or {}).items() if k not in _SERVER_FIELDS and k != "resourceVersion"}
    out["metadata"] = meta
    return out


def _yaml_text(obj: dict[str, Any]) -> str:
    import io

    from ruamel.yaml import YAML

    buf = io.StringIO()
    YAML().dump(obj, buf)
    return buf.getvalue()


# -- choosing the cluster -------------------------------------------------------------------------

def cluster_from_config(suite: Any, env: dict[str, str] | None = None) -> Cluster:
    """The cluster this suite is connected to: a live cluster when HDR_KUBECONFIG or
    HDR_KUBE_IN_CLUSTER=1 is set, else HDR_FORGE_MANIFESTS, else the sample cluster."""
    env = dict(os.environ) if env is None else env
    if env.get("HDR_KUBECONFIG") or env.get("HDR_KUBE_IN_CLUSTER") == "1":
        return LiveCluster(env.get("HDR_KUBECONFIG") or None, env.get("HDR_KUBE_CONTEXT") or None,
                           in_cluster=env.get("HDR_KUBE_IN_CLUSTER") == "1")
    if env.get("HDR_FORGE_MANIFESTS"):
        return ManifestCluster(Path(env["HDR_FORGE_MANIFESTS"]).expanduser())
    from shared.sample_cluster import sample_dir, write_sample

    home = suite.config.home
    write_sample(sample_dir(home))  # once: a no-op when it is there
    return ManifestCluster(sample_dir(home) / "manifests", cache_dir=Path(home) / "forge" / "cache")
