"""Reading Kubernetes manifests and finding the pods in them.

Manifests come as YAML text, a file, or a directory of *.yaml/*.yml/*.json files; files may
hold several documents (and `kind: List`). Parsing uses PyYAML's safe loader (libyaml when
available), so no YAML tag can construct Python objects. Each workload is reduced to a
`PodUnderCheck`: the pod spec and metadata the checks read, where they sit in the object
(`spec.template.spec` in a Deployment, ...), and the object's identity for findings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.errors import BadInput, NotFound

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_FILES = 5_000
MAX_DOCUMENTS = 20_000
YAML_SUFFIXES = {".yaml", ".yml", ".json"}

# where each built-in workload kind keeps its pod template: (metadata path, spec path)
POD_LOCATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Pod": (("metadata",), ("spec",)),
    "PodTemplate": (("template", "metadata"), ("template", "spec")),
    "Deployment": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "ReplicaSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "ReplicationController": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "StatefulSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "DaemonSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "Job": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "CronJob": (
        ("spec", "jobTemplate", "spec", "template", "metadata"),
        ("spec", "jobTemplate", "spec", "template", "spec"),
    ),
}
BUILTIN_GROUPS = {"", "apps", "batch", "extensions"}
"""API groups of the kinds above (apiVersion "v1", "apps/v1", "batch/v1", old "extensions/v1beta1")."""

_TEMPLATE = (("spec", "template", "metadata"), ("spec", "template", "spec"))
# custom resources with a known pod template: (API group, kind) -> candidate (metadata, spec) paths,
# the first present one used. From each project's CRD reference.
CRD_POD_LOCATIONS: dict[tuple[str, str], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    ("argoproj.io", "Rollout"): (_TEMPLATE,),  # argo-rollouts.readthedocs.io, Rollout spec
    ("serving.knative.dev", "Service"): (
        _TEMPLATE,
    ),  # knative.dev serving API: spec.template is a RevisionTemplate
    ("serving.knative.dev", "Configuration"): (_TEMPLATE,),
    ("serving.knative.dev", "Revision"): ((("metadata",), ("spec",)),),  # RevisionSpec inlines a PodSpec
    ("apps.kruise.io", "CloneSet"): (_TEMPLATE,),
    ("apps.kruise.io", "StatefulSet"): (_TEMPLATE,),  # Advanced StatefulSet
    ("apps.kruise.io", "DaemonSet"): (_TEMPLATE,),  # Advanced DaemonSet
    ("apps.kruise.io", "BroadcastJob"): (_TEMPLATE,),
    ("apps.kruise.io", "AdvancedCronJob"): (
        (
            ("spec", "template", "jobTemplate", "spec", "template", "metadata"),
            ("spec", "template", "jobTemplate", "spec", "template", "spec"),
        ),
        (
            ("spec", "template", "broadcastJobTemplate", "spec", "template", "metadata"),
            ("spec", "template", "broadcastJobTemplate", "spec", "template", "spec"),
        ),
    ),
    ("keda.sh", "ScaledJob"): (
        (("spec", "jobTargetRef", "template", "metadata"), ("spec", "jobTargetRef", "template", "spec")),
    ),
}
MAX_SEARCH_DEPTH = 12


@dataclass(frozen=True)
class Source:
    """One piece of checked content: its name and SHA-256 (an attestation subject)."""

    name: str
    sha256: str


def _mapping(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping (a manifest's metadata, say), else an empty one."""
    return value if isinstance(value, dict) else {}


class Peers:
    """The other objects checked alongside a pod, by kind and namespace (a pod's NetworkPolicies)."""

    def __init__(self, objects: Iterable[dict[str, Any]] = ()) -> None:
        self._by: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for obj in objects:
            meta = _mapping(obj.get("metadata"))
            key = (str(obj.get("kind")), str(meta.get("namespace") or "default"))
            self._by.setdefault(key, []).append(obj)

    def get(self, kind: str, namespace: str) -> list[dict[str, Any]]:
        return self._by.get((kind, namespace), [])


NO_PEERS = Peers()


@dataclass(frozen=True)
class PodUnderCheck:
    """A pod (or pod template) under check; also any other object a check `applies_to`, with
    `spec` the whole object then."""

    kind: str
    namespace: str | None
    name: str
    obj: dict[str, Any]
    metadata: dict[str, Any]
    spec: dict[str, Any]
    spec_path: str  # e.g. "spec.template.spec"
    metadata_path: str
    peers: Peers = NO_PEERS

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.namespace or '-'}/{self.name}"


@dataclass(frozen=True)
class Manifests:
    objects: list[dict[str, Any]]
    sources: list[Source]


def _loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_FLOW_DEPTH = 64
MAX_ALIAS_NODES = 10_000
"""How many nodes aliases may add to a stream in all: a manifest that uses anchors for shared env or
labels adds a few hundred; a 600-byte "billion laughs" adds billions."""


def _flow_depth(text: str) -> int:
    """Deepest nesting of [ and { (counting brackets inside strings too, so it can only
    overestimate). libyaml composes nodes recursively in C: thousands of levels overflow the
    stack of a worker thread and kill the process, so deep input is refused before parsing."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_FLOW_DEPTH:
                    break
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


# an alias token (*name) where YAML allows one: at the start of a line or after a space, [ { or ,
# (it may also match inside a quoted string: that only costs the event pass below)
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\]}]", re.MULTILINE)


def _alias_expansion(text: str, bound: int) -> int:
    """Nodes the aliases in `text` would add once expanded, counted from the parser's event stream
    (nothing is built) and stopping as soon as it passes `bound`. Each anchored node's expanded size
    is remembered, so an alias costs what it stands for, aliases inside anchors included."""
    import yaml

    sizes: dict[str, int] = {}
    frames: list[list[Any]] = [[None, 0]]  # [anchor, expanded node count] per open collection
    added = 0
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)  # an unknown anchor fails later, in the loader
            added += size
            frames[-1][1] += size
            if added > bound:
                return added
        elif isinstance(event, yaml.ScalarEvent):
            frames[-1][1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            frames.append([event.anchor, 1])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and len(frames) > 1:
            anchor, size = frames.pop()
            if anchor:
                sizes[anchor] = size
            frames[-1][1] += size
    return added


def parse_yaml(text: str, name: str) -> list[Any]:
    """All documents of `text`. Raises BadInput with the line and column of a syntax error
    (never a snippet of the content, which could hold secrets)."""
    import yaml

    if ("[" in text or "{" in text) and _flow_depth(text) > MAX_FLOW_DEPTH:
        raise BadInput(
            f"{name} nests [ ] or {{ }} more than {MAX_FLOW_DEPTH} levels deep; Kubernetes "
            "manifests never do.",
            "Send plain Kubernetes YAML.",
        )

    try:
        if _ALIAS.search(text) and _alias_expansion(text, MAX_ALIAS_NODES) > MAX_ALIAS_NODES:
            raise BadInput(
                f"{name} uses YAML aliases that would expand to more than {MAX_ALIAS_NODES} extra "
                "nodes; it was not read.",
                "Write the repeated parts out (kubectl and Helm output never use aliases).",
            )
        docs = list(yaml.load_all(text, Loader=_loader()))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "syntax error"
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        if not mark and isinstance(getattr(exc, "position", None), int):  # ReaderError: bad characters
            line = text.count("\n", 0, exc.position)
            where = (
                f" at line {line + 1}, column {exc.position - (text.rfind(chr(10), 0, exc.position) + 1) + 1}"
            )
        raise BadInput(
            f"{name} is not valid YAML: {problem}{where}.",
            "Fix the YAML there (a linter such as yamllint shows the same spot) and send it again.",
        ) from None
    except (ValueError, RecursionError):
        raise BadInput(
            f"{name} is not valid YAML (a value could not be read).", "Send plain Kubernetes YAML."
        ) from None
    return [d for d in docs if d is not None]


def _flatten(docs: list[Any], name: str) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for index, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            raise BadInput(
                f"{name}: document {index} is a {type(doc).__name__}, not a Kubernetes object.",
                "Each YAML document must be a mapping with apiVersion, kind and metadata.",
            )
        kind = doc.get("kind")
        if not isinstance(kind, str) or not kind:
            raise BadInput(
                f"{name}: document {index} has no `kind`.",
                "Each document must say which Kubernetes kind it is (kind: Deployment, ...).",
            )
        if kind.endswith("List") and isinstance(doc.get("items"), list):
            objects.extend(_flatten(doc["items"], f"{name} ({kind})"))
        else:
            objects.append(doc)
    return objects


def load_text(text: str, name: str = "manifest") -> Manifests:
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_TEXT_BYTES:
        raise BadInput(
            f"The manifests are {len(data)} bytes; the limit is {MAX_TEXT_BYTES}.",
            "Check them in smaller batches.",
        )
    objects = _flatten(parse_yaml(text, name), name)
    if len(objects) > MAX_DOCUMENTS:
        raise BadInput(
            f"{len(objects)} objects is more than the {MAX_DOCUMENTS} one check reads.",
            "Check them in smaller batches.",
        )
    return Manifests(objects, [Source(name, hashlib.sha256(data).hexdigest())])


def looks_like_path(text: str) -> bool:
    """Whether a one-line argument names a file rather than holding YAML: decided from its shape only,
    never by looking at the file system (which would tell a caller what exists)."""
    if "\n" in text or "\x00" in text or len(text) >= 4096 or not text.strip():
        return False
    text = text.strip()
    if text.startswith(("/", "./", "../", "~", "file:")) or text.lower().endswith(tuple(YAML_SUFFIXES)):
        return True
    return " " not in text and ":" not in text and "{" not in text and "[" not in text and "/" in text


def load_path(target: str, roots: list[Path]) -> Manifests:
    """A YAML/JSON file, or every *.yaml/*.yml/*.json file under a directory, read only under `roots`
    (shared.files: links out of them, missing files and files elsewhere get one and the same refusal)."""
    from shared.files import confine, read_confined, walk_confined

    text = target.strip()
    if text.startswith("file:"):
        from urllib.parse import unquote, urlparse

        text = unquote(urlparse(text).path)
    path = confine(text, roots, what="target")
    if path.is_dir():
        files = list(walk_confined(path, roots, suffixes=tuple(YAML_SUFFIXES), max_files=MAX_FILES))
        if not files:
            raise NotFound(
                f"No *.yaml, *.yml or *.json files under {text[:200]}.", "Point at a directory of manifests."
            )
    else:
        files = [path]
    objects: list[dict[str, Any]] = []
    sources: list[Source] = []
    total = 0
    for file in files:
        if total >= MAX_TEXT_BYTES:
            raise BadInput(
                f"The manifests under {text[:200]} exceed {MAX_TEXT_BYTES} bytes.",
                "Check them in smaller batches.",
            )
        data = read_confined(file, roots, max_bytes=MAX_TEXT_BYTES - total, what="target")
        total += len(data)
        shown = str(file.relative_to(path)) if file != path else text[:200]
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput(f"{shown} is not UTF-8 text.", "Send Kubernetes YAML or JSON files.") from None
        objects.extend(_flatten(parse_yaml(decoded, shown), shown))
        sources.append(Source(str(file), hashlib.sha256(data).hexdigest()))
    return Manifests(objects, sources)


def _dig(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _require_pod_shape(spec: dict[str, Any], what: str) -> None:
    """A pod without containers, or with containers that are not mappings, would pass every check
    vacuously; the API server rejects it, and so does this."""
    containers = spec.get("containers")
    if not isinstance(containers, list) or not containers:
        raise BadInput(
            f"{what} has no containers list in its pod spec.",
            "Send a complete manifest: spec.containers is a non-empty list of containers.",
        )
    for field in ("containers", "initContainers", "ephemeralContainers", "volumes"):
        items = spec.get(field)
        if items is not None and not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
            raise BadInput(f"{what}: {field} must be a list of mappings.", "Fix the manifest's pod spec.")


@dataclass(frozen=True)
class Unchecked:
    """A pod-bearing object the checks could not read: its verdict cannot be "pass"."""

    object: str  # kind/namespace/name
    reason: str


@dataclass(frozen=True)
class Workloads:
    pods: list[PodUnderCheck]
    skipped: dict[str, int]  # kinds that hold no pods: count
    unchecked: list[Unchecked]
    objects: list[PodUnderCheck]  # the objects of those kinds, for checks that apply to them


def _group(obj: dict[str, Any]) -> str:
    api_version = obj.get("apiVersion")
    return api_version.split("/", 1)[0] if isinstance(api_version, str) and "/" in api_version else ""


def _ref(kind: str, meta: dict[str, Any]) -> str:
    namespace = meta.get("namespace")
    return f"{kind[:60]}/{str(namespace)[:100] if namespace is not None else '-'}/{str(meta.get('name', '?'))[:100]}"


def _pod_spec_path(node: Any, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """Where something that runs in pods sits under `node`: a mapping with a `containers` list of
    mappings (a pod spec, or containers injected into pods) or a container-like mapping with an `image`
    (a Tekton step, an Argo Workflow template's container, an operator's `spec.image`), searched to a
    bounded depth; None when there is none."""
    if len(path) > MAX_SEARCH_DEPTH:
        return None
    if isinstance(node, dict):
        containers = node.get("containers")
        if isinstance(containers, list) and containers and all(isinstance(c, dict) for c in containers):
            return path
        if isinstance(node.get("image"), str) and path:
            return path
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                found = _pod_spec_path(value, (*path, str(key)[:60]))
                if found is not None:
                    return found
    elif isinstance(node, list):
        for index, value in enumerate(node[:1000]):
            found = _pod_spec_path(value, (*path, f"[{index}]"))
            if found is not None:
                return found
    return None


def _locations(obj: dict[str, Any], kind: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] | None:
    """Where this object keeps its pod template, or None for a kind with no known place."""
    group = _group(obj)
    crd = CRD_POD_LOCATIONS.get((group, kind))
    if crd is not None:
        return crd
    if group in BUILTIN_GROUPS and kind in POD_LOCATIONS:
        return (POD_LOCATIONS[kind],)
    return None


def _default(obj: dict[str, Any], kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    """The pod spec as the API server stores it, for the defaults that change a verdict
    (pod-security-admission evaluates the defaulted object). Copies only what it changes:
    - a volume with no source becomes an emptyDir (SetDefaults_Volume);
    - in a Pod with hostNetwork, a container port without hostPort gets hostPort = containerPort
      (SetDefaults_Pod; pod templates are no longer defaulted so since 1.28,
      feature gate DefaultHostNetworkHostPortsInPodTemplates off by default);
    - a container without imagePullPolicy gets Always for a :latest or untagged image, else
      IfNotPresent (SetDefaults_Container)."""
    volumes = spec.get("volumes")
    if isinstance(volumes, list) and any(isinstance(v, dict) and not set(v) - {"name"} for v in volumes):
        spec = {
            **spec,
            "volumes": [
                {**v, "emptyDir": {}} if isinstance(v, dict) and not set(v) - {"name"} else v for v in volumes
            ],
        }
    if kind == "Pod" and spec.get("hostNetwork") is True:
        for list_name in ("initContainers", "containers"):
            items = spec.get(list_name)
            if not isinstance(items, list):
                continue
            changed = [
                {
                    **c,
                    "ports": [
                        {**p, "hostPort": p.get("containerPort")}
                        if isinstance(p, dict) and not p.get("hostPort") and p.get("containerPort")
                        else p
                        for p in c["ports"]
                    ],
                }
                if isinstance(c, dict) and isinstance(c.get("ports"), list)
                else c
                for c in items
            ]
            spec = {**spec, list_name: changed}
    for list_name in ("initContainers", "containers", "ephemeralContainers"):
        items = spec.get(list_name)
        if isinstance(items, list) and any(
            isinstance(c, dict) and not c.get("imagePullPolicy") for c in items
        ):
            spec = {
                **spec,
                list_name: [
                    {**c, "imagePullPolicy": _default_pull_policy(c.get("image"))}
                    if isinstance(c, dict) and not c.get("imagePullPolicy")
                    else c
                    for c in items
                ],
            }
    return spec


def _default_pull_policy(image: Any) -> str:
    """What the API server sets: Always when the image's tag is latest (or it has neither tag nor
    digest, which means latest), else IfNotPresent (a digest without a tag counts as no tag)."""
    if not isinstance(image, str):
        return "IfNotPresent"
    name, _, digest = image.partition("@")
    last = name.rsplit("/", 1)[-1]
    tag = last.partition(":")[2] if ":" in last else ("" if digest else "latest")
    return "Always" if tag == "latest" else "IfNotPresent"


def pods_in(objects: list[dict[str, Any]]) -> Workloads:
    """The pods and pod templates in `objects`; the kinds that hold none; and the pod-bearing objects
    that cannot be read (a custom resource without a known pod-template path, or with its template
    elsewhere than expected): those make a check "incomplete", never "pass"."""
    out = Workloads([], {}, [], [])
    peers = Peers([o for o in objects if o.get("kind") == "NetworkPolicy"])
    present = {
        (
            str(o.get("kind")),
            str((o.get("metadata") or {}).get("namespace")),
            str((o.get("metadata") or {}).get("name")),
        )
        for o in objects
        if isinstance(o.get("metadata"), dict)
    }
    for obj in objects:
        kind = obj.get("kind")
        kind = kind if isinstance(kind, str) else str(kind)
        meta = _mapping(obj.get("metadata"))
        locations = _locations(obj, kind)
        if locations is None:
            _sort_podless(out, obj, kind, meta, peers)
        else:
            _sort_pod_bearing(out, obj, kind, meta, locations, present, peers)
    return out


def _sort_podless(out: Workloads, obj: dict[str, Any], kind: str, meta: dict[str, Any], peers: Peers) -> None:
    """An object of a kind with no known pod-template path: one that holds no pods is counted and
    kept for the checks that apply to it; one with containers somewhere is unchecked."""
    found = _pod_spec_path(obj)
    if found is not None:
        out.unchecked.append(
            Unchecked(
                _ref(kind, meta),
                f"{obj.get('apiVersion', '?')!s:.80} {kind[:60]} holds "
                f"containers (or an image to run) at {'.'.join(found)[:200]}, a place no check knows",
            )
        )
        return
    out.skipped[kind[:60]] = out.skipped.get(kind[:60], 0) + 1
    out.objects.append(
        PodUnderCheck(
            kind=kind,
            namespace=str(meta["namespace"]) if meta.get("namespace") is not None else None,
            name=str(meta.get("name", "?")),
            obj=obj,
            metadata=meta,
            spec=obj,
            spec_path="",
            metadata_path="metadata",
            peers=peers,
        )
    )


def _sort_pod_bearing(
    out: Workloads,
    obj: dict[str, Any],
    kind: str,
    meta: dict[str, Any],
    locations: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
    present: set[tuple[str, str, str]],
    peers: Peers,
) -> None:
    """An object of a pod-bearing kind: its pod goes to the checks, or it is unchecked (a reference
    to another workload, or a known custom resource without its template), or the input is bad."""
    where = next((w for w in locations if isinstance(_dig(obj, w[1]), dict)), None)
    if where is None:
        reference = _workload_ref(obj, kind, meta, present)
        if reference is not None:
            out.unchecked.extend([] if reference[1] else [Unchecked(_ref(kind, meta), reference[0])])
            return
        if (_group(obj), kind) in CRD_POD_LOCATIONS:
            out.unchecked.append(
                Unchecked(
                    _ref(kind, meta),
                    f"{kind} has no pod template at {' or '.join('.'.join(w[1]) for w in locations)}",
                )
            )
            return
        raise BadInput(
            f"{kind} {str(meta.get('name', '?'))[:60]} has no pod spec at {'.'.join(locations[0][1])}.",
            "Send a complete manifest (kubectl apply --dry-run=client -o yaml shows one).",
        )
    spec = _dig(obj, where[1])
    _require_pod_shape(spec, f"{kind} {str(meta.get('name', '?'))[:60]}")
    pod_meta = _dig(obj, where[0])
    out.pods.append(
        PodUnderCheck(
            kind=kind,
            namespace=str(meta["namespace"]) if meta.get("namespace") is not None else None,
            name=str(meta.get("name", "?")),
            obj=obj,
            metadata=pod_meta if isinstance(pod_meta, dict) else {},
            spec=_default(obj, kind, spec),
            spec_path=".".join(where[1]),
            metadata_path=".".join(where[0]),
            peers=peers,
        )
    )


def _workload_ref(
    obj: dict[str, Any], kind: str, meta: dict[str, Any], present: set[tuple[str, str, str]]
) -> tuple[str, bool] | None:
    """An Argo Rollout may take its pods from a Deployment (spec.workloadRef) instead of a template:
    (why, whether that Deployment is among the objects checked), or None when it names none."""
    ref = _dig(obj, ("spec", "workloadRef"))
    if (_group(obj), kind) != ("argoproj.io", "Rollout") or not isinstance(ref, dict):
        return None
    target = (str(ref.get("kind", "Deployment")), str(meta.get("namespace")), str(ref.get("name")))
    return (
        f"Rollout takes its pods from {target[0][:60]} {target[2][:100]} (spec.workloadRef), which is not "
        "among the objects checked",
        target in present,
    )
