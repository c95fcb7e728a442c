"""Reading Kubernetes manifests and finding the pods in them.

Manifests come as YAML text, a file, or a directory of *.yaml/*.yml/*.json files; files may
hold several documents (and `kind: List`). Parsing uses PyYAML's safe loader (libyaml when
available), so no YAML tag can construct Python objects. Each workload is reduced to a
`PodUnderCheck`: the pod spec and metadata the checks read, where they sit in the object
(`spec.template.spec` in a Deployment, ...), and the object's identity for findings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.errors import BadInput, NotFound

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_FILES = 5_000
MAX_DOCUMENTS = 20_000
YAML_SUFFIXES = {".yaml", ".yml", ".json"}

# where each workload kind keeps its pod template: (metadata path, spec path)
POD_LOCATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Pod": (("metadata",), ("spec",)),
    "PodTemplate": (("template", "metadata"), ("template", "spec")),
    "Deployment": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "ReplicaSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "ReplicationController": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "StatefulSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "DaemonSet": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "Job": (("spec", "template", "metadata"), ("spec", "template", "spec")),
    "CronJob": (("spec", "jobTemplate", "spec", "template", "metadata"),
                ("spec", "jobTemplate", "spec", "template", "spec")),
}


@dataclass(frozen=True)
class Source:
    """One piece of checked content: its name and SHA-256 (an attestation subject)."""

    name: str
    sha256: str


@dataclass(frozen=True)
class PodUnderCheck:
    kind: str
    namespace: str | None
    name: str
    obj: dict[str, Any]
    metadata: dict[str, Any]
    spec: dict[str, Any]
    spec_path: str  # e.g. "spec.template.spec"
    metadata_path: str

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


def parse_yaml(text: str, name: str) -> list[Any]:
    """All documents of `text`. Raises BadInput with the line and column of a syntax error
    (never a snippet of the content, which could hold secrets)."""
    import yaml

    if ("[" in text or "{" in text) and _flow_depth(text) > MAX_FLOW_DEPTH:
        raise BadInput(f"{name} nests [ ] or {{ }} more than {MAX_FLOW_DEPTH} levels deep; Kubernetes "
                       "manifests never do.", "Send plain Kubernetes YAML.")

    try:
        docs = list(yaml.load_all(text, Loader=_loader()))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "syntax error"
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        if not mark and isinstance(getattr(exc, "position", None), int):  # ReaderError: bad characters
            line = text.count("\n", 0, exc.position)
            where = f" at line {line + 1}, column {exc.position - (text.rfind(chr(10), 0, exc.position) + 1) + 1}"
        raise BadInput(f"{name} is not valid YAML: {problem}{where}.",
                       "Fix the YAML there (a linter such as yamllint shows the same spot) and send it again.") from None
    except (ValueError, RecursionError):
        raise BadInput(f"{name} is not valid YAML (a value could not be read).", "Send plain Kubernetes YAML.") from None
    return [d for d in docs if d is not None]


def _flatten(docs: list[Any], name: str) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for index, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            raise BadInput(f"{name}: document {index} is a {type(doc).__name__}, not a Kubernetes object.",
                           "Each YAML document must be a mapping with apiVersion, kind and metadata.")
        kind = doc.get("kind")
        if not isinstance(kind, str) or not kind:
            raise BadInput(f"{name}: document {index} has no `kind`.",
                           "Each document must say which Kubernetes kind it is (kind: Deployment, ...).")
        if kind.endswith("List") and isinstance(doc.get("items"), list):
            objects.extend(_flatten(doc["items"], f"{name} ({kind})"))
        else:
            objects.append(doc)
    return objects


def load_text(text: str, name: str = "manifest") -> Manifests:
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_TEXT_BYTES:
        raise BadInput(f"The manifests are {len(data)} bytes; the limit is {MAX_TEXT_BYTES}.",
                       "Check them in smaller batches.")
    objects = _flatten(parse_yaml(text, name), name)
    if len(objects) > MAX_DOCUMENTS:
        raise BadInput(f"{len(objects)} objects is more than the {MAX_DOCUMENTS} one check reads.",
                       "Check them in smaller batches.")
    return Manifests(objects, [Source(name, hashlib.sha256(data).hexdigest())])


def load_path(path: Path) -> Manifests:
    """A YAML/JSON file, or every *.yaml/*.yml/*.json file under a directory."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in YAML_SUFFIXES)
        if not files:
            raise NotFound(f"No *.yaml, *.yml or *.json files under {path}.", "Point at a directory of manifests.")
        if len(files) > MAX_FILES:
            raise BadInput(f"{path} holds {len(files)} manifest files; the limit is {MAX_FILES}.",
                           "Check a smaller directory.")
    elif path.is_file():
        files = [path]
    else:
        raise NotFound(f"{path} does not exist.", "Send a path to a manifest file or directory, or YAML text.")
    objects: list[dict[str, Any]] = []
    sources: list[Source] = []
    total = 0
    for file in files:
        data = file.read_bytes()
        total += len(data)
        if total > MAX_TEXT_BYTES:
            raise BadInput(f"The manifests under {path} exceed {MAX_TEXT_BYTES} bytes.", "Check them in smaller batches.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput(f"{file} is not UTF-8 text.", "Send Kubernetes YAML or JSON files.") from None
        objects.extend(_flatten(parse_yaml(text, str(file)), str(file)))
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
        raise BadInput(f"{what} has no containers list in its pod spec.",
                       "Send a complete manifest: spec.containers is a non-empty list of containers.")
    for field in ("containers", "initContainers", "ephemeralContainers", "volumes"):
        items = spec.get(field)
        if items is not None and not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
            raise BadInput(f"{what}: {field} must be a list of mappings.", "Fix the manifest's pod spec.")


def pods_in(objects: list[dict[str, Any]]) -> tuple[list[PodUnderCheck], dict[str, int]]:
    """The pods and pod templates in `objects`, and a count of the kinds that hold none."""
    pods: list[PodUnderCheck] = []
    skipped: dict[str, int] = {}
    for obj in objects:
        kind = obj.get("kind")
        where = POD_LOCATIONS.get(kind) if isinstance(kind, str) else None
        if where is None:
            key = str(kind)[:60]
            skipped[key] = skipped.get(key, 0) + 1
            continue
        meta = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
        spec = _dig(obj, where[1])
        if not isinstance(spec, dict):
            raise BadInput(f"{kind} {str(meta.get('name', '?'))[:60]} has no pod spec at {'.'.join(where[1])}.",
                           "Send a complete manifest (kubectl apply --dry-run=client -o yaml shows one).")
        _require_pod_shape(spec, f"{kind} {str(meta.get('name', '?'))[:60]}")
        pod_meta = _dig(obj, where[0])
        pods.append(PodUnderCheck(
            kind=kind, namespace=str(meta["namespace"]) if meta.get("namespace") is not None else None,
            name=str(meta.get("name", "?")), obj=obj, metadata=pod_meta if isinstance(pod_meta, dict) else {},
            spec=spec, spec_path=".".join(where[1]), metadata_path=".".join(where[0])))
    return pods, skipped
