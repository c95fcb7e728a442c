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
import copy
import hashlib
import json
import marshal
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from shared.errors import BadInput, Conflict, HDRError, NotFound, Refused, Unavailable

WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "Rollout")
"""Kinds whose pod template carries containers with requests and limits (Rollout: Argo Rollouts)."""
OPTIONAL_KINDS = ("Rollout",)
"""Custom resources: a cluster without their CRD has none (its list answers 404)."""

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
        return cls(
            str(manifest.get("kind", "")), str(meta.get("namespace") or "default"), str(meta.get("name", ""))
        )


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

    def list_objects(
        self,
        kinds: Iterable[str] = ALL_KINDS,
        namespaces: Iterable[str] | None = None,
        label_selector: str | None = None,
    ) -> list[dict[str, Any]]:
        """Full manifests of the objects of these kinds (also Node and Pod on a live cluster), in
        these namespaces (default: all), matching `label_selector` ('a=b,c=d')."""
        ...

    def get(self, ref: ObjectRef) -> tuple[dict[str, Any], str]:
        """The object's manifest and its current version. Raises NotFound."""
        ...

    def version(self, ref: ObjectRef) -> str: ...

    def preview(self, ref: ObjectRef, patch: dict[str, Any]) -> tuple[str, str]:
        """(before, after) text of the object's unit if `patch` were applied; changes nothing."""
        ...

    def apply(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        """Apply `patch` if the object is still at `expected_version`; returns the new version.
        Raises Conflict (nothing written) when it changed."""
        ...

    def capture(self, ref: ObjectRef) -> Capture: ...

    def restore(self, capture: Capture, expected_version: str) -> str:
        """Put the unit back as captured if it is at `expected_version`; returns the new version."""
        ...

    def unit_of(self, ref: ObjectRef) -> str: ...

    live: bool
    """True for an API server (rollouts, server-side dry runs), False for a manifests directory."""

    def version_of(self, obj: dict[str, Any]) -> str:
        """The version of a listed object, comparable with `version(ref)`."""
        ...

    def restore_fields(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        """Set the fields of `patch` (None removes one) if the object is at `expected_version`."""
        ...

    def rollout(self, ref: ObjectRef) -> Rollout:
        """Where the object's rollout stands after a change."""
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
        elif (
            isinstance(value, list)
            and isinstance(target.get(key), list)
            and value
            and all(isinstance(v, dict) and "name" in v for v in value)
        ):
            items = target[key]
            for item_patch in value:
                existing = next(
                    (i for i in items if isinstance(i, dict) and i.get("name") == item_patch["name"]), None
                )
                if existing is None:
                    items.append(item_patch)
                else:
                    merge_patch(existing, item_patch)
        else:
            target[key] = value


def parse_selector(selector: str | None) -> dict[str, str]:
    """An equality label selector ('app=web,tier=front') as a dict; raises BadInput otherwise."""
    out: dict[str, str] = {}
    for term in filter(None, (t.strip() for t in (selector or "").split(","))):
        key, sep, value = term.partition("=")
        key, value = key.strip(), value.lstrip("=").strip()
        if not sep or key.endswith("!") or not _LABEL.match(key) or not _LABEL_VALUE.match(value):
            raise BadInput(
                "`selector` must be equality terms like 'app=web,tier=frontend'.",
                "Send label=value pairs separated by commas (set-based selectors are not supported).",
            )
        out[key] = value
    return out


_LABEL = re.compile(
    r"^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
)
_LABEL_VALUE = re.compile(r"^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


class ManifestCluster:
    """A directory of YAML manifests (one or many documents per file), changed in place.

    Reading a thousand manifests is one directory scan; parsed documents are kept in memory (until a
    file's mtime or size changes) and, with `cache_dir`, on disk keyed by each file's SHA-256, so a
    new process parses only files whose content it has not seen."""

    live = False

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise Unavailable(
                f"The manifests directory {self.root} does not exist.",
                "Set HDR_FORGE_MANIFESTS to a directory of Kubernetes YAML manifests.",
            )
        self.source = f"manifests:{self.root}"
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[tuple[int, int], str, list[Any]]] = {}
        self._parsed_path = (
            None
            if cache_dir is None
            else Path(cache_dir)
            / ("manifests-" + hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16] + ".json")
        )
        self._parsed: dict[str, list[Any]] | None = None  # SHA-256 -> documents, from the disk cache
        self._parsed_dirty = False
        self.skipped: dict[str, str] = {}  # relative path -> why it was left out (a Helm template, bad YAML)

    # -- reading ----------------------------------------------------------------------------

    def _yaml(self) -> Any:
        from ruamel.yaml import YAML

        yaml = YAML()  # round-trip: comments, key order, quoting and flow style survive
        yaml.preserve_quotes = True
        yaml.width = 4096
        return yaml

    def _scan(self) -> list[tuple[Path, tuple[int, int]]]:
        """Every .yaml/.yml file under the root with its (mtime, size): one pass over the directories."""
        found: list[tuple[str, tuple[int, int]]] = []
        pending = [str(self.root)]
        while pending:
            directory = pending.pop()
            if directory != str(self.root) and os.path.exists(os.path.join(directory, "Chart.yaml")):
                self._skip(
                    Path(directory),
                    "a Helm chart: render it with `helm template` into this directory to "
                    "analyze what it deploys",
                )
                continue
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                        st = entry.stat()
                        found.append((entry.path, (st.st_mtime_ns, st.st_size)))
        # Path's own order (by parts), from the strings: comparing Path objects costs ~20 ms per 1,000 files
        found.sort(key=lambda f: f[0].split(os.sep))
        return [(Path(path), stamp) for path, stamp in found]

    def _load(self, path: Path) -> tuple[bytes, list[Any]]:
        data = path.read_bytes()
        if len(data) > MAX_MANIFEST_BYTES:
            raise BadInput(
                f"Manifest file {path.name} is {len(data)} bytes; the limit is {MAX_MANIFEST_BYTES}.",
                "Split it into smaller files.",
            )
        try:
            docs = [d for d in self._yaml().load_all(data.decode("utf-8"))]
        except Exception as exc:
            raise BadInput(
                f"Manifest file {path.relative_to(self.root)} is not valid YAML ({type(exc).__name__}).",
                "Fix the file (e.g. `kubectl apply --dry-run=client -f` it), then analyze again.",
            ) from None
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
            raise BadInput(
                f"Manifest file {path.name} is {len(data)} bytes; the limit is {MAX_MANIFEST_BYTES}.",
                "Split it into smaller files.",
            )
        version = _sha(data)
        if b"{{" in data and b"}}" in data:  # Go/Helm template syntax: not a manifest until rendered
            self._skip(path, "a Helm (Go) template, not a manifest: render it with `helm template` first")
            self._cache[path] = (stamp, version, [])
            return version, []
        parsed = self._parsed_cache()
        if version in parsed:
            self._cache[path] = (stamp, version, parsed[version])
            return version, parsed[version]
        import yaml

        try:
            docs = [d for d in yaml.load_all(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))]
        except Exception as exc:
            raise BadInput(
                f"Manifest file {path.relative_to(self.root)} is not valid YAML ({type(exc).__name__}).",
                "Fix the file (e.g. `kubectl apply --dry-run=client -f` it), then analyze again.",
            ) from None
        docs = [json.loads(json.dumps(d, default=str)) for d in docs]
        self.skipped.pop(str(path.relative_to(self.root)), None)
        self._cache[path] = (stamp, version, docs)
        if self._parsed_path is not None:
            parsed[version] = docs
            self._parsed_dirty = True
        return version, docs

    def _skip(self, path: Path, why: str) -> None:
        self.skipped[str(path.relative_to(self.root))] = why

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

    def list_objects(
        self,
        kinds: Iterable[str] = ALL_KINDS,
        namespaces: Iterable[str] | None = None,
        label_selector: str | None = None,
    ) -> list[dict[str, Any]]:
        """Manifests of these kinds; `metadata.resourceVersion` is the content hash of the file."""
        wanted = set(kinds)
        scope = None if namespaces is None else set(namespaces)
        selector = parse_selector(label_selector)
        found: list[tuple[str, Any]] = []
        versions = set()
        for path, stamp in self._scan():
            version, docs = self._plain(path, stamp)
            versions.add(version)
            found += [
                (version, doc)
                for doc in docs
                if isinstance(doc, dict)
                and doc.get("kind") in wanted
                and isinstance(doc.get("metadata"), dict)
            ]
        self._save_parsed(versions)
        if scope is not None or selector:
            found = [
                (version, doc)
                for version, doc in found
                if (scope is None or doc["metadata"].get("namespace", "default") in scope)
                and all((doc["metadata"].get("labels") or {}).get(k) == v for k, v in selector.items())
            ]
        # Copies, since callers may edit them. The documents are plain JSON values (see _plain), which
        # marshal copies exactly and about four times faster than a JSON round trip.
        out: list[dict[str, Any]] = marshal.loads(marshal.dumps([doc for _, doc in found]))
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
                raise Conflict(
                    f"{ref} changed since it was read ({path.relative_to(self.root)} was edited).",
                    "Analyze again and apply the new proposal.",
                )
            self._write(path, after)
            return _sha(after)

    @staticmethod
    def version_of(obj: dict[str, Any]) -> str:
        return str((obj.get("metadata") or {}).get("resourceVersion", ""))

    def restore_fields(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        """Put fields back in the file (None removes one), if it is still at `expected_version`."""
        return self.apply(ref, patch, expected_version)

    def rollout(self, ref: ObjectRef) -> Rollout:
        return Rollout(True, None, "a manifest change rolls out when the repository is applied")

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


# -- field paths: what a change touches, read back from any object ------------------------------

FieldPath = list[Any]
"""A field's path in a manifest: keys, and `{"name": x}` for the item of a named list (containers)."""


def patch_fields(patch: dict[str, Any], prefix: FieldPath | None = None) -> list[FieldPath]:
    """The leaf fields a `merge_patch`-style patch sets."""
    out: list[FieldPath] = []
    for key, value in patch.items():
        path = [*(prefix or []), key]
        if isinstance(value, dict) and value:
            out += patch_fields(value, path)
        elif isinstance(value, list) and value and all(isinstance(v, dict) and "name" in v for v in value):
            for item in value:
                rest = {k: v for k, v in item.items() if k != "name"}
                out += (
                    patch_fields(rest, [*path, {"name": item["name"]}])
                    if rest
                    else [[*path, {"name": item["name"]}]]
                )
        else:
            out.append(path)
    return out


def value_at(obj: Any, path: FieldPath) -> Any:
    """The value at `path` in `obj`, None when any step is absent."""
    node = obj
    for step in path:
        if isinstance(step, dict):
            node = (
                next((i for i in node if isinstance(i, dict) and i.get("name") == step["name"]), None)
                if isinstance(node, list)
                else None
            )
        else:
            node = node.get(step) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def patch_of(values: list[tuple[FieldPath, Any]]) -> dict[str, Any]:
    """The `merge_patch` patch that sets each path to its value (None deletes the field)."""
    out: dict[str, Any] = {}
    for path, value in values:
        node: Any = out
        for i, step in enumerate(path):
            last = i == len(path) - 1
            if isinstance(step, dict):
                item = next((x for x in node if x.get("name") == step["name"]), None)
                if item is None:
                    item = {"name": step["name"]}
                    node.append(item)
                node = item
                continue
            nxt = path[i + 1] if not last else None
            if last:
                node[step] = value
            elif isinstance(nxt, dict):
                node = node.setdefault(step, [])
            else:
                node = node.setdefault(step, {})
    return out


def path_text(path: FieldPath) -> str:
    return "".join(f"[name={s['name']}]" if isinstance(s, dict) else f".{s}" for s in path).lstrip(".")


# -- who else manages an object -------------------------------------------------------------------

GITOPS_MANAGERS = {
    "helm": "Helm",
    "helm-controller": "Flux (helm-controller)",
    "kustomize-controller": "Flux (kustomize-controller)",
    "argocd-controller": "Argo CD",
    "argocd-application-controller": "Argo CD",
    "argocd-server": "Argo CD",
}


def gitops_owner(obj: dict[str, Any]) -> str | None:
    """Which GitOps tool or package manager owns this object (it would revert a live edit), from the
    labels and annotations Helm, Argo CD and Flux set and from the field managers that wrote it."""
    meta = obj.get("metadata") or {}
    labels, notes = meta.get("labels") or {}, meta.get("annotations") or {}
    if notes.get("argocd.argoproj.io/tracking-id"):
        return f"Argo CD (application {str(notes['argocd.argoproj.io/tracking-id']).split(':')[0][:80]})"
    if labels.get("kustomize.toolkit.fluxcd.io/name"):
        return (
            f"Flux (Kustomization {str(labels.get('kustomize.toolkit.fluxcd.io/namespace', ''))[:60]}/"
            f"{str(labels['kustomize.toolkit.fluxcd.io/name'])[:80]})".replace(
                "(Kustomization /", "(Kustomization "
            )
        )
    if labels.get("helm.toolkit.fluxcd.io/name"):
        return f"Flux (HelmRelease {str(labels['helm.toolkit.fluxcd.io/name'])[:80]})"
    if str(labels.get("app.kubernetes.io/managed-by", "")).lower() == "helm" or notes.get(
        "meta.helm.sh/release-name"
    ):
        release = notes.get("meta.helm.sh/release-name")
        return f"Helm (release {str(release)[:80]})" if release else "Helm"
    for entry in meta.get("managedFields") or []:
        tool = GITOPS_MANAGERS.get(str(entry.get("manager", "")))
        if tool:
            return tool
    if labels.get("app.kubernetes.io/instance") and labels.get("argocd.argoproj.io/instance"):
        return f"Argo CD (application {str(labels['argocd.argoproj.io/instance'])[:80]})"
    return None


# -- a live cluster -------------------------------------------------------------------------------

FIELD_MANAGER = "hdr-forge"
"""The field manager of forge's server-side applies: `kubectl get -o yaml --show-managed-fields` shows
which fields forge set."""

_API = {
    # kind: (group, version, plural)
    "Deployment": ("apps", "v1", "deployments"),
    "StatefulSet": ("apps", "v1", "statefulsets"),
    "DaemonSet": ("apps", "v1", "daemonsets"),
    "ReplicaSet": ("apps", "v1", "replicasets"),
    "HorizontalPodAutoscaler": ("autoscaling", "v2", "horizontalpodautoscalers"),
    "PodDisruptionBudget": ("policy", "v1", "poddisruptionbudgets"),
    "CronJob": ("batch", "v1", "cronjobs"),
    "Job": ("batch", "v1", "jobs"),
    "Rollout": ("argoproj.io", "v1alpha1", "rollouts"),
    "Pod": ("", "v1", "pods"),
    "Node": ("", "v1", "nodes"),
    # listed by compliance's live check (every pod-bearing kind, and what its hardening checks read)
    "ReplicationController": ("", "v1", "replicationcontrollers"),
    "PodTemplate": ("", "v1", "podtemplates"),
    "Service": ("", "v1", "services"),
    "NetworkPolicy": ("networking.k8s.io", "v1", "networkpolicies"),
    "Role": ("rbac.authorization.k8s.io", "v1", "roles"),
    "RoleBinding": ("rbac.authorization.k8s.io", "v1", "rolebindings"),
    "ClusterRole": ("rbac.authorization.k8s.io", "v1", "clusterroles"),
    "ClusterRoleBinding": ("rbac.authorization.k8s.io", "v1", "clusterrolebindings"),
}
_CLUSTER_SCOPED = {"Node", "ClusterRole", "ClusterRoleBinding"}
_SERVER_FIELDS = ("uid", "creationTimestamp", "generation", "managedFields", "selfLink")
PAGE = 500


class FieldConflict(Conflict):
    """A server-side apply met fields another field manager owns with other values."""

    def __init__(self, managers: list[str], fields: list[str]) -> None:
        super().__init__(
            f"Fields forge would set are managed by {', '.join(managers)}: {', '.join(fields[:5])}.",
            "Change them where that manager's configuration lives.",
        )
        self.managers, self.fields = managers, fields


class NotPermitted(Refused):
    """The API server's RBAC refused forge a verb on a resource (403)."""


@dataclass(frozen=True)
class Rollout:
    """Where a workload's rollout stands: done, failed (with why) or still progressing."""

    done: bool
    failed: str | None
    text: str


class LiveCluster:
    """A real API server through the official `kubernetes` client: lists per namespace in pages,
    changes with server-side apply under the field manager `hdr-forge`, previews with `dryRun=All`
    so admission (quotas, LimitRanges, webhooks) judges a change before it is made.

    Versions are `<uid>/<generation>`: they move when the spec does (or the object is recreated),
    not on the status writes controllers make after every change."""

    live = True

    def __init__(
        self,
        kubeconfig: str | None = None,
        context: str | None = None,
        in_cluster: bool = False,
        timeout: float = 30.0,
    ) -> None:
        from kubernetes import client, config

        try:
            if in_cluster:
                config.load_incluster_config()
                self.api_client = client.ApiClient()
            else:
                self.api_client = config.new_client_from_config(config_file=kubeconfig, context=context)
        except Exception as exc:
            raise Unavailable(
                f"Could not load the Kubernetes configuration ({type(exc).__name__}).",
                "Check HDR_KUBECONFIG / HDR_KUBE_CONTEXT, or unset them to use manifests.",
            ) from None
        self.source = f"kubernetes:{context or ('in-cluster' if in_cluster else 'current-context')}"
        self.timeout = timeout

    # -- requests ---------------------------------------------------------------------------

    def _path(self, kind: str, namespace: str | None = None, name: str | None = None) -> str:
        if kind not in _API:
            raise BadInput(f"Kind {kind!r} is not supported.", f"Use one of {', '.join(_API)}.")
        group, version, plural = _API[kind]
        path = f"/apis/{group}/{version}" if group else f"/api/{version}"
        if namespace and kind not in _CLUSTER_SCOPED:
            path += f"/namespaces/{namespace}"
        path += f"/{plural}"
        return path + (f"/{name}" if name else "")

    def _request(
        self,
        verb: str,
        kind: str,
        namespace: str | None = None,
        name: str | None = None,
        *,
        query: dict[str, str] | None = None,
        body: Any = None,
        content_type: str | None = None,
    ) -> Any:
        """One API request; errors become forge's typed errors (403 names the verb and resource)."""
        from kubernetes.client.exceptions import ApiException

        method = {"get": "GET", "list": "GET", "patch": "PATCH", "update": "PUT"}[verb]
        headers = {"Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        ref = f"{kind}/{namespace}/{name}" if name else None
        try:
            params = self.api_client.param_serialize(
                method=method,
                resource_path=self._path(kind, namespace, name),
                query_params=list((query or {}).items()),
                header_params=headers,
                body=body,
                auth_settings=["BearerToken"],
            )
            resp = self.api_client.call_api(*params, _request_timeout=self.timeout)
            data = resp.read()  # RESTResponse.data is None until read
            if not 200 <= int(resp.status) < 300:
                raise ApiException(http_resp=resp)
            return json.loads(data)
        except ApiException as exc:
            raise _api_error(exc, verb, kind, namespace, ref) from None
        except HDRError:
            raise
        except Exception as exc:
            raise Unavailable(
                f"The Kubernetes API could not be reached ({type(exc).__name__}).",
                "Check HDR_KUBECONFIG / HDR_KUBE_CONTEXT and that the cluster is up.",
            ) from None

    # -- reading ----------------------------------------------------------------------------

    def list_objects(
        self,
        kinds: Iterable[str] = ALL_KINDS,
        namespaces: Iterable[str] | None = None,
        label_selector: str | None = None,
    ) -> list[dict[str, Any]]:
        """Objects of these kinds, in `namespaces` (each listed on its own: a namespaced Role is
        enough) or cluster-wide, in pages of 500 (`limit`/`continue`)."""
        out: list[dict[str, Any]] = []
        scopes: list[str | None] = list(namespaces) if namespaces is not None else [None]
        for kind in kinds:
            for ns in scopes if kind not in _CLUSTER_SCOPED else [None]:
                query: dict[str, str] = {"limit": str(PAGE)}
                if label_selector and kind not in _CLUSTER_SCOPED:
                    query["labelSelector"] = label_selector
                while True:
                    try:
                        page = self._request("list", kind, ns, query=query)
                    except NotFound:
                        if kind in OPTIONAL_KINDS:
                            break  # the CRD is not installed: there are none
                        raise
                    for item in page.get("items") or []:
                        item["kind"] = kind
                        out.append(item)
                    token = (page.get("metadata") or {}).get("continue")
                    if not token:
                        break
                    query = {**query, "continue": token}
        return out

    @staticmethod
    def version_of(obj: dict[str, Any]) -> str:
        meta = obj.get("metadata") or {}
        return f"{meta.get('uid', '')}/{meta.get('generation', 0)}"

    def get(self, ref: ObjectRef) -> tuple[dict[str, Any], str]:
        obj = self._request("get", ref.kind, ref.namespace, ref.name)
        obj["kind"] = ref.kind
        return obj, self.version_of(obj)

    def version(self, ref: ObjectRef) -> str:
        return self.get(ref)[1]

    def unit_of(self, ref: ObjectRef) -> str:
        return str(ref)

    # -- writing ----------------------------------------------------------------------------

    def _apply(
        self, ref: ObjectRef, obj: dict[str, Any], patch: dict[str, Any], dry_run: bool
    ) -> dict[str, Any]:
        """Server-side apply of what forge already manages on the object plus `patch` (an applier that
        leaves out a field it owned removes it, so forge always sends all of its fields). A conflict
        with a person's edit (kubectl) is forced — the caller confirmed this change; a conflict with a
        GitOps controller or Helm is refused, as it would revert the edit."""
        body = owned_config(obj, FIELD_MANAGER)
        merge_patch(body, json.loads(json.dumps(patch)))
        body.update({"apiVersion": obj.get("apiVersion") or _api_version(ref.kind), "kind": ref.kind})
        body["metadata"] = {
            "name": ref.name,
            "namespace": ref.namespace,
            "resourceVersion": obj["metadata"]["resourceVersion"],
        }
        query = {"fieldManager": FIELD_MANAGER}
        if dry_run:
            query["dryRun"] = "All"
        try:
            return self._request(
                "patch",
                ref.kind,
                ref.namespace,
                ref.name,
                query=query,
                body=body,
                content_type="application/apply-patch+yaml",
            )
        except FieldConflict as conflict:
            tools = sorted({GITOPS_MANAGERS[m] for m in conflict.managers if m in GITOPS_MANAGERS})
            if tools:
                raise Refused(
                    f"{ref} is managed by {', '.join(tools)}: a live edit would be reverted. "
                    "Nothing was changed.",
                    "Change it in the repository: optimize with dry_run=true gives the patch.",
                ) from None
            return self._request(
                "patch",
                ref.kind,
                ref.namespace,
                ref.name,
                query={**query, "force": "true"},
                body=body,
                content_type="application/apply-patch+yaml",
            )

    def _fresh(self, ref: ObjectRef, expected_version: str) -> dict[str, Any]:
        obj, version = self.get(ref)
        if version != expected_version:
            raise Conflict(
                f"{ref} changed since it was read (its spec moved on).",
                "Analyze again and apply the new proposal.",
            )
        return obj

    def _retrying(self, ref: ObjectRef, expected_version: str, write: Callable[[dict[str, Any]], Any]) -> Any:
        """`write(current object)`, again when only the status moved in between (a 409 on the
        resourceVersion while the generation stayed)."""
        for _ in range(5):
            obj = self._fresh(ref, expected_version)
            try:
                return write(obj)
            except FieldConflict:
                raise
            except Conflict:
                continue
        raise Conflict(f"{ref} kept changing while forge wrote it.", "Try again in a moment.")

    def preview(self, ref: ObjectRef, patch: dict[str, Any]) -> tuple[str, str]:
        """(before, after) as the API server would store it: a server-side apply with dryRun=All,
        judged by admission (quotas, LimitRanges, webhooks); nothing is changed."""
        obj, version = self.get(ref)
        after = self._retrying(ref, version, lambda current: self._apply(ref, current, patch, dry_run=True))
        return _yaml_text(_clean(obj)), _yaml_text(_clean(after))

    def apply(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        out = self._retrying(
            ref, expected_version, lambda current: self._apply(ref, current, patch, dry_run=False)
        )
        return self.version_of(out)

    def restore_fields(self, ref: ObjectRef, patch: dict[str, Any], expected_version: str) -> str:
        """Put fields back (None removes one) with a strategic-merge patch under forge's field
        manager, if the object's spec is still at `expected_version`."""

        def write(current: dict[str, Any]) -> Any:
            body = json.loads(json.dumps(patch))
            body["metadata"] = {
                **(body.get("metadata") or {}),
                "resourceVersion": current["metadata"]["resourceVersion"],
            }
            return self._request(
                "patch",
                ref.kind,
                ref.namespace,
                ref.name,
                query={"fieldManager": FIELD_MANAGER},
                body=body,
                content_type="application/strategic-merge-patch+json",
            )

        return self.version_of(self._retrying(ref, expected_version, write))

    def capture(self, ref: ObjectRef) -> Capture:
        obj, version = self.get(ref)
        return Capture(ref, str(ref), version, {"manifest": _clean(obj)})

    def restore(self, capture: Capture, expected_version: str) -> str:
        """Put every field forge may have changed back as captured (containers' resources, replicas)."""
        old = capture.state["manifest"]
        current, _ = self.get(capture.ref)
        values: list[tuple[FieldPath, Any]] = []
        for obj in (old, current):
            for path in _restorable(obj):
                values.append((path, value_at(old, path)))
        return self.restore_fields(capture.ref, patch_of(values), expected_version)

    # -- rollouts ---------------------------------------------------------------------------

    def rollout(self, ref: ObjectRef) -> Rollout:
        """Where the workload's rollout stands, from its status (as `kubectl rollout status` reads it)."""
        obj, _ = self.get(ref)
        return rollout_of(obj)


def rollout_of(obj: dict[str, Any]) -> Rollout:
    kind = obj.get("kind")
    meta, spec, status = obj.get("metadata") or {}, obj.get("spec") or {}, obj.get("status") or {}
    if kind == "Rollout":  # Argo Rollouts report a phase
        phase = str(status.get("phase") or "")
        if phase == "Degraded":
            return Rollout(False, "Degraded", str(status.get("message") or ""))
        return Rollout(phase == "Healthy", None, phase or "waiting for the rollout controller")
    if kind not in ("Deployment", "StatefulSet", "DaemonSet"):
        return Rollout(True, None, "no rollout")
    if int(status.get("observedGeneration") or 0) < int(meta.get("generation") or 0):
        return Rollout(False, None, "waiting for the controller to see the change")
    if (spec.get("updateStrategy") or {}).get("type") == "OnDelete":
        return Rollout(
            True, None, "OnDelete update strategy: pods take the change when they are next replaced"
        )
    for cond in status.get("conditions") or []:
        if cond.get("type") == "Progressing" and cond.get("status") == "False":
            return Rollout(
                False, str(cond.get("reason") or "not progressing"), str(cond.get("message") or "")
            )
    if kind == "DaemonSet":
        want = int(status.get("desiredNumberScheduled") or 0)
        updated, available = (
            int(status.get("updatedNumberScheduled") or 0),
            int(status.get("numberAvailable") or 0),
        )
    else:
        want = int(spec.get("replicas", 1) if spec.get("replicas") is not None else 1)
        updated, available = (
            int(status.get("updatedReplicas") or 0),
            int(status.get("availableReplicas") or 0),
        )
    total = int(status.get("replicas") or 0) if kind != "DaemonSet" else want
    text = f"{updated}/{want} updated, {available}/{want} available"
    return Rollout(updated >= want and available >= want and total <= want, None, text)


def _restorable(obj: dict[str, Any]) -> list[FieldPath]:
    """The fields forge changes on an object: replicas, maxReplicas and every container's resources."""
    spec = obj.get("spec") or {}
    paths: list[FieldPath] = [["spec", "replicas"]] if "replicas" in spec else []
    if "maxReplicas" in spec:
        paths.append(["spec", "maxReplicas"])
    for template_path in (["spec", "template", "spec"], ["spec", "jobTemplate", "spec", "template", "spec"]):
        pod = value_at(obj, template_path) or {}
        for section in ("initContainers", "containers"):
            for c in pod.get(section) or []:
                for part in ("requests", "limits"):
                    for res in (c.get("resources") or {}).get(part) or {}:
                        paths.append(
                            [*template_path, section, {"name": c.get("name")}, "resources", part, res]
                        )
    return paths


def owned_config(obj: dict[str, Any], manager: str) -> dict[str, Any]:
    """The fields `manager` owns through server-side apply, with their current values (what
    client-go's Extract* functions return): applying less than this would remove the rest."""
    out: dict[str, Any] = {}
    for entry in (obj.get("metadata") or {}).get("managedFields") or []:
        if (
            entry.get("manager") == manager
            and entry.get("operation") == "Apply"
            and not entry.get("subresource")
        ):
            _extract(obj, entry.get("fieldsV1") or {}, out)
    out.pop("metadata", None)
    out.pop("status", None)
    return out


def _extract(node: Any, fields: dict[str, Any], out: Any) -> None:
    for key, sub in fields.items():
        if key.startswith("f:") and isinstance(node, dict) and key[2:] in node:
            value = node[key[2:]]
            if not sub or not isinstance(value, dict | list):
                out[key[2:]] = copy.deepcopy(value)
            elif isinstance(value, list):
                items: list[Any] = []
                _extract_items(value, sub, items)
                if items:
                    out[key[2:]] = items
            else:
                out[key[2:]] = out.get(key[2:]) or {}
                _extract(value, sub, out[key[2:]])


def _extract_items(items: list[Any], fields: dict[str, Any], out: list[Any]) -> None:
    for key, sub in fields.items():
        if not key.startswith("k:"):
            continue
        try:
            wanted = json.loads(key[2:])
        except ValueError:
            continue
        for item in items:
            if isinstance(item, dict) and all(item.get(k) == v for k, v in wanted.items()):
                got = dict(wanted)
                _extract(item, {k: v for k, v in (sub or {}).items() if k != "."}, got)
                out.append(got)


def _api_version(kind: str) -> str:
    group, version, _ = _API[kind]
    return f"{group}/{version}" if group else version


def _api_error(exc: Any, verb: str, kind: str, namespace: str | None, ref: str | None) -> HDRError:
    status = int(getattr(exc, "status", 0) or 0)
    try:
        body = json.loads(exc.body or "{}")
    except (TypeError, ValueError):
        body = {}
    what = ref or kind
    rbac = (
        status == 403
        and "cannot " in str(body.get("message", ""))
        and "resource" in str(body.get("message", ""))
    )
    if rbac or (status == 403 and not body):
        group, _, plural = _API[kind]
        resource = plural + (f".{group}" if group else "")
        where = f"in namespace {namespace}" if namespace and kind not in _CLUSTER_SCOPED else "cluster-wide"
        return NotPermitted(
            f"forge is not allowed to {verb} {resource} {where} (the Kubernetes API answered 403 Forbidden).",
            "Bind forge's service account to the Role in deploy/forge-rbac.yaml: "
            "hdr-forge-read for analyze, hdr-forge-apply for optimize and rollback.",
        )
    if status == 401:
        return Refused(
            "The Kubernetes API rejected forge's credentials (401 Unauthorized).",
            "Check the token or certificate in HDR_KUBECONFIG.",
        )
    if status == 404:
        return NotFound(
            f"{what} does not exist in the cluster.", "Analyze again to see the objects that exist."
        )
    if status == 409:
        causes = [
            c
            for c in (body.get("details") or {}).get("causes") or []
            if c.get("type") == "FieldManagerConflict"
        ]
        if causes:
            managers = sorted(
                {
                    str(c.get("message", "")).split('"')[1]
                    for c in causes
                    if str(c.get("message", "")).count('"') >= 2
                }
            )
            return FieldConflict(managers, [str(c.get("field", ""))[:200] for c in causes])
        return Conflict(
            f"{what} changed since it was read (resourceVersion moved on).",
            "Analyze again and apply the new proposal.",
        )
    if status in (400, 403, 422):
        return BadInput(
            f"The API server refused the change to {what}: {str(body.get('message', ''))[:300]}",
            "Choose other changes, or fix what the cluster's admission rules require.",
        )
    return Unavailable(
        f"The Kubernetes API answered {status} {getattr(exc, 'reason', '')}.",
        "Check the cluster and forge's permissions.",
    )


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """The object without server-set fields and status: what a restore puts back."""
    out = {k: v for k, v in obj.items() if k != "status"}
    meta = {
        k: v
        for k, v in (obj.get("metadata") or {}).items()
        if k not in _SERVER_FIELDS and k != "resourceVersion"
    }
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
        return LiveCluster(
            env.get("HDR_KUBECONFIG") or None,
            env.get("HDR_KUBE_CONTEXT") or None,
            in_cluster=env.get("HDR_KUBE_IN_CLUSTER") == "1",
        )
    if env.get("HDR_FORGE_MANIFESTS"):
        return ManifestCluster(Path(env["HDR_FORGE_MANIFESTS"]).expanduser())
    from shared.sample_cluster import sample_dir, write_sample

    home = suite.config.home
    write_sample(sample_dir(home))  # once: a no-op when it is there
    return ManifestCluster(sample_dir(home) / "manifests", cache_dir=Path(home) / "forge" / "cache")
