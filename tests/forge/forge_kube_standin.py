"""A stateful stand-in for the Kubernetes API server, speaking its real wire protocol (JSON over HTTP,
the REST paths, query parameters, content types and Status bodies the official client uses), used
because no real API server can run here. It models what forge's live path depends on:

- `metadata.resourceVersion` moves on every write (spec, metadata or status); `metadata.generation`
  moves only when `spec` changes; a write carrying a stale `metadata.resourceVersion` gets 409.
- server-side apply (`application/apply-patch+yaml`, `fieldManager`, `force`) with managedFields
  (FieldsV1): fields another manager owns with a different value are a 409 FieldManagerConflict
  unless forced; fields an applier stops applying are removed when nobody else owns them. Other
  writes (strategic-merge PATCH, PUT) are `Update` operations owned by their field manager.
- `dryRun=All`: admission runs, the answer is the object as it would be, nothing is stored.
- admission rules (e.g. a LimitRange maximum) answering 422 / 403 like a real admission chain.
- `limit`/`continue` pagination and `labelSelector` on lists; namespaced and cluster-wide lists.
- RBAC: bearer tokens bound to Role/ClusterRole rules; anything else is 403 Forbidden with the
  message a real API server sends.
- controllers: after a spec change the workload controller writes status (observedGeneration,
  updated/ready/available replicas) a moment later, from the status subresource; a Deployment's
  template change makes a new ReplicaSet and new pods (new names) with ownerReferences.
  `fail_rollout(kind, ns, name)` makes a workload's next rollouts stall (ProgressDeadlineExceeded).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# resource (plural) -> (kind, group, version, namespaced)
RESOURCES: dict[str, tuple[str, str, str, bool]] = {
    "deployments": ("Deployment", "apps", "v1", True),
    "statefulsets": ("StatefulSet", "apps", "v1", True),
    "daemonsets": ("DaemonSet", "apps", "v1", True),
    "replicasets": ("ReplicaSet", "apps", "v1", True),
    "horizontalpodautoscalers": ("HorizontalPodAutoscaler", "autoscaling", "v2", True),
    "poddisruptionbudgets": ("PodDisruptionBudget", "policy", "v1", True),
    "cronjobs": ("CronJob", "batch", "v1", True),
    "jobs": ("Job", "batch", "v1", True),
    "pods": ("Pod", "", "v1", True),
    "nodes": ("Node", "", "v1", False),
    "namespaces": ("Namespace", "", "v1", False),
    # what compliance's live check lists besides (every pod-bearing kind, what its hardening checks read)
    "replicationcontrollers": ("ReplicationController", "", "v1", True),
    "podtemplates": ("PodTemplate", "", "v1", True),
    "services": ("Service", "", "v1", True),
    "networkpolicies": ("NetworkPolicy", "networking.k8s.io", "v1", True),
    "roles": ("Role", "rbac.authorization.k8s.io", "v1", True),
    "rolebindings": ("RoleBinding", "rbac.authorization.k8s.io", "v1", True),
    "clusterroles": ("ClusterRole", "rbac.authorization.k8s.io", "v1", False),
    "clusterrolebindings": ("ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", False),
    "customresourcedefinitions": ("CustomResourceDefinition", "apiextensions.k8s.io", "v1", False),
    "rollouts": ("Rollout", "argoproj.io", "v1alpha1", True),
    "workflows": ("Workflow", "argoproj.io", "v1alpha1", True),
    "certificates": ("Certificate", "cert-manager.io", "v1", True),
}
PLURAL = {kind: plural for plural, (kind, *_rest) in RESOURCES.items()}
WORKLOADS = ("Deployment", "StatefulSet", "DaemonSet")
Key = tuple[str, str, str]  # kind, namespace ('' when cluster-scoped), name
Path_ = tuple[str, ...]  # a field path in FieldsV1 notation: ('f:spec', 'f:replicas')


# -- field paths (the managedFields model) ----------------------------------------------------------


def _item_key(item: dict[str, Any]) -> str:
    return "k:" + json.dumps({"name": item["name"]}, separators=(",", ":"))


def _keyed(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) and "name" in i for i in value)


def leaves(obj: Any, prefix: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every leaf field of `obj` with its value; lists of named items are keyed by name (as
    containers are), other lists are atomic."""
    for k, v in obj.items():
        p = prefix + (f"f:{k}",)
        if isinstance(v, dict) and v:
            yield from leaves(v, p)
        elif _keyed(v):
            for item in v:
                yield from leaves(item, p + (_item_key(item),))
        else:
            yield p, v


def tracked(obj: dict[str, Any]) -> dict[Path_, Any]:
    """The fields field managers own: spec, metadata labels and annotations."""
    out: dict[Path_, Any] = {}
    meta = obj.get("metadata") or {}
    for section in ("labels", "annotations"):
        if meta.get(section):
            out.update(leaves({section: meta[section]}, ("f:metadata",)))
    if isinstance(obj.get("spec"), dict):
        out.update(leaves({"spec": obj["spec"]}))
    return out


def _child(node: Any, step: str, create: bool) -> Any:
    if step.startswith("f:"):
        name = step[2:]
        if create and name not in node:
            node[name] = {}
        return node.get(name) if isinstance(node, dict) else None
    wanted = json.loads(step[2:])["name"]
    for item in node if isinstance(node, list) else []:
        if isinstance(item, dict) and item.get("name") == wanted:
            return item
    if create:
        item = {"name": wanted}
        node.append(item)
        return item
    return None


def delete_path(obj: dict[str, Any], path: Path_) -> None:
    parents = [obj]
    for step in path[:-1]:
        nxt = _child(parents[-1], step, False)
        if nxt is None:
            return
        parents.append(nxt)
    last = path[-1]
    if last.startswith("f:") and isinstance(parents[-1], dict):
        parents[-1].pop(last[2:], None)
    # prune containers left empty by the removal (a map with no fields is dropped, as SSA does)
    for depth in range(len(parents) - 1, 0, -1):
        node, parent, step = parents[depth], parents[depth - 1], path[depth - 1]
        if isinstance(node, dict) and (not node or (step.startswith("k:") and set(node) == {"name"})):
            if step.startswith("f:"):
                parent.pop(step[2:], None)
            else:
                parent.remove(node)


def merge(target: dict[str, Any], patch: dict[str, Any]) -> None:
    """Strategic-merge semantics for the shapes used here: maps merge, lists of named items merge by
    name, null deletes, anything else replaces."""
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        elif isinstance(v, dict) and isinstance(target.get(k), dict):
            merge(target[k], v)
        elif _keyed(v) and _keyed(target.get(k)):
            for item in v:
                existing = next((i for i in target[k] if i.get("name") == item["name"]), None)
                if existing is None:
                    target[k].append(copy.deepcopy(item))
                else:
                    merge(existing, item)
        else:
            target[k] = copy.deepcopy(v)


def fields_v1(paths: set[Path_]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for path in paths:
        node = tree
        for step in path:
            node = node.setdefault(step, {})
            if step.startswith("k:"):
                node.setdefault(".", {})
    return tree


def _field_text(path: Path_) -> str:
    out = ""
    for step in path:
        out += f".{step[2:]}" if step.startswith("f:") else f'[name="{json.loads(step[2:])["name"]}"]'
    return out


class Dropped(Exception):
    """The connection is dropped without an answer (the client was killed)."""


class APIError(Exception):
    def __init__(self, code: int, reason: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code, self.reason, self.message, self.details = code, reason, message, details


# -- the API server ---------------------------------------------------------------------------------


class StandInAPI:
    def __init__(
        self, objects: list[dict[str, Any]], *, controller_delay: float = 0.05, nodes: int = 2
    ) -> None:
        self.lock = threading.RLock()
        self.revision = 100
        self.objects: dict[Key, dict[str, Any]] = {}
        self.managed: dict[Key, dict[str, dict[str, Any]]] = {}  # manager -> {operation, fields}
        self.controller_delay = controller_delay
        self.failing: set[Key] = set()
        self.admission: list[Callable[[dict[str, Any]], APIError | None]] = []
        self.grants: dict[str, list[tuple[list[dict[str, Any]], str | None]]] | None = None
        self.requests: list[tuple[str, str]] = []  # (method, path with query) as received
        self.events: list[str] = []  # requests and controller status writes, in order
        self._timers: list[threading.Timer] = []
        self.on_write: Callable[[str, int], None] | None = None
        """Called as ("before", n) when the n-th committed write is attempted and ("after", n) once it is
        committed, before the answer is sent (tests kill a client process there)."""
        self.commits = 0
        for i in range(nodes):
            self._create(
                {
                    "apiVersion": "v1",
                    "kind": "Node",
                    "metadata": {"name": f"node-{i}"},
                    "status": {"allocatable": {"cpu": "8", "memory": "32Gi"}},
                },
                "kubelet",
            )
        for obj in objects:
            self._create(copy.deepcopy(obj), "kubectl-client-side-apply")
        for key in [k for k in self.objects if k[0] in WORKLOADS]:
            self._reconcile(key)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # -- storage ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @staticmethod
    def key(kind: str, namespace: str | None, name: str) -> Key:
        return kind, namespace or "", name

    def _bump(self, obj: dict[str, Any]) -> None:
        self.revision += 1
        obj["metadata"]["resourceVersion"] = str(self.revision)

    def _create(self, obj: dict[str, Any], manager: str) -> dict[str, Any]:
        meta = obj.setdefault("metadata", {})
        namespaced = RESOURCES[PLURAL[obj["kind"]]][3]
        if namespaced:
            meta.setdefault("namespace", "default")
        meta.setdefault("uid", str(uuid.uuid4()))
        meta.setdefault("creationTimestamp", "2026-01-01T00:00:00Z")
        meta["generation"] = 1
        self._bump(obj)
        key = self.key(obj["kind"], meta.get("namespace"), meta["name"])
        self.objects[key] = obj
        self.managed[key] = {manager: {"operation": "Update", "fields": set(tracked(obj))}}
        return obj

    def get_object(self, kind: str, namespace: str, name: str) -> dict[str, Any]:
        with self.lock:
            return copy.deepcopy(self.objects[self.key(kind, namespace, name)])

    def managers(self, kind: str, namespace: str, name: str) -> dict[str, set[Path_]]:
        with self.lock:
            return {m: set(e["fields"]) for m, e in self.managed[self.key(kind, namespace, name)].items()}

    def edit(
        self, kind: str, namespace: str, name: str, patch: dict[str, Any], manager: str = "kubectl-edit"
    ) -> None:
        """Someone else edits the object (kubectl edit): an Update by `manager`."""
        with self.lock:
            key = self.key(kind, namespace, name)
            self._commit(key, self._updated(key, patch, replace=False), manager, "Update")

    def fail_rollout(self, kind: str, namespace: str, name: str) -> None:
        """From now on, rollouts of this workload stall: new pods never become available."""
        self.failing.add(self.key(kind, namespace, name))

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Until the controllers have written every pending status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not any(t.is_alive() for t in self._timers):
                    return
            time.sleep(0.01)

    # -- writes -----------------------------------------------------------------------------

    def _updated(self, key: Key, body: dict[str, Any], replace: bool) -> dict[str, Any]:
        old = self.objects[key]
        if replace:
            new = copy.deepcopy(body)
            new["kind"] = key[0]
            new["status"] = copy.deepcopy(old.get("status"))
            new["metadata"] = {
                **old["metadata"],
                **{k: v for k, v in (body.get("metadata") or {}).items() if k in ("labels", "annotations")},
            }
            for section in ("labels", "annotations"):
                if section not in (body.get("metadata") or {}):
                    new["metadata"].pop(section, None)
        else:
            new = copy.deepcopy(old)
            merge(
                new, {k: v for k, v in body.items() if k not in ("metadata", "status", "kind", "apiVersion")}
            )
            for section in ("labels", "annotations"):
                if section in (body.get("metadata") or {}):
                    new["metadata"].setdefault(section, {})
                    merge(new["metadata"][section], body["metadata"][section] or {})
        return new

    def _admit(self, new: dict[str, Any]) -> None:
        for rule in self.admission:
            error = rule(new)
            if error is not None:
                raise error

    def _commit(
        self, key: Key, new: dict[str, Any], manager: str, operation: str, owned: set[Path_] | None = None
    ) -> dict[str, Any]:
        """Store `new` as the object: generation moves when spec changed, resourceVersion when
        anything did; `manager` owns what it changed (or, for Apply, exactly `owned`)."""
        old = self.objects[key]
        before, after = tracked(old), tracked(new)
        managed = self.managed[key]
        changed = {p for p, v in after.items() if before.get(p, object()) != v}
        for m in list(managed):
            entry = managed[m]
            entry["fields"] = {p for p in entry["fields"] if p in after}
            if m != manager:
                entry["fields"] -= changed if owned is None else (changed & owned)
            if not entry["fields"] and m != manager:
                del managed[m]
        mine = managed.setdefault(manager, {"operation": operation, "fields": set()})
        mine["operation"] = operation
        mine["fields"] = set(owned) if owned is not None else (mine["fields"] | changed)
        if new == old:
            return new
        if new.get("spec") != old.get("spec"):
            new["metadata"]["generation"] = int(old["metadata"].get("generation", 1)) + 1
        self._bump(new)
        self.objects[key] = new
        if key[0] in WORKLOADS and new.get("spec") != old.get("spec"):
            self._schedule(key)
        return new

    def _apply(self, key: Key, body: dict[str, Any], manager: str, force: bool, dry: bool) -> dict[str, Any]:
        """Server-side apply of `body` by `manager`."""
        current = self.objects[key]
        config = tracked(body)
        managed = self.managed[key]
        now = tracked(current)
        conflicts = [
            (m, p)
            for m, e in managed.items()
            if m != manager
            for p in e["fields"]
            if p in config and now.get(p, object()) != config[p]
        ]
        if conflicts and not force:
            causes = [
                {
                    "type": "FieldManagerConflict",
                    "message": f'conflict with "{m}" using apps/v1',
                    "field": _field_text(p),
                }
                for m, p in sorted(conflicts)
            ]
            text = "; ".join(
                f'conflict with "{m}" using apps/v1: {_field_text(p)}' for m, p in sorted(conflicts)
            )
            raise APIError(
                409,
                "Conflict",
                f"Apply failed with {len(conflicts)} conflict(s): {text}",
                {"name": key[2], "kind": PLURAL[key[0]], "causes": causes},
            )
        new = copy.deepcopy(current)
        previously = (
            (managed.get(manager) or {}).get("fields", set())
            if (managed.get(manager) or {}).get("operation") == "Apply"
            else set()
        )
        others = (
            set().union(*[e["fields"] for m, e in managed.items() if m != manager])
            if len(managed) > 1
            else set()
        )
        if force:
            others -= set(config)
        for p in sorted(previously - set(config) - others, key=len, reverse=True):
            delete_path(new, p)
        patch = {k: v for k, v in body.items() if k in ("spec",)}
        merge(new, patch)
        for section in ("labels", "annotations"):
            if (body.get("metadata") or {}).get(section):
                new["metadata"].setdefault(section, {})
                merge(new["metadata"][section], body["metadata"][section])
        self._admit(new)
        if dry:
            return new
        if force:
            for m, e in managed.items():
                if m != manager:
                    e["fields"] -= set(config)
        return self._commit(key, new, manager, "Apply", owned=set(config))

    # -- controllers ------------------------------------------------------------------------

    def _schedule(self, key: Key) -> None:
        timer = threading.Timer(self.controller_delay, self._controller, (key,))
        timer.daemon = True
        self._timers = [t for t in self._timers if t.is_alive()] + [timer]
        timer.start()

    def _controller(self, key: Key) -> None:
        with self.lock:
            if key in self.objects:
                self._reconcile(key)

    def _pods_of(self, uid: str) -> list[Key]:
        return [
            k
            for k, o in self.objects.items()
            if k[0] in ("Pod", "ReplicaSet")
            and any(r.get("uid") == uid for r in o["metadata"].get("ownerReferences") or [])
        ]

    def _reconcile(self, key: Key) -> None:
        """The workload controller: pods for the current template, then status (a status write:
        resourceVersion moves, generation does not)."""
        obj = self.objects[key]
        kind, ns, name = key
        spec = obj.get("spec") or {}
        template = spec.get("template") or {}
        digest = hashlib.sha256(json.dumps(template, sort_keys=True).encode()).hexdigest()
        want = (
            int(spec.get("replicas", 1))
            if kind != "DaemonSet"
            else sum(1 for k in self.objects if k[0] == "Node")
        )
        failing = key in self.failing and int(obj["metadata"]["generation"]) > 1
        owner = {
            "apiVersion": "apps/v1",
            "kind": kind,
            "name": name,
            "uid": obj["metadata"]["uid"],
            "controller": True,
            "blockOwnerDeletion": True,
        }
        pod_owner = owner
        if kind == "Deployment":
            rs_name = f"{name}-{_suffix(digest, 10)}"
            for rs_key in [k for k in self._pods_of(obj["metadata"]["uid"]) if k[0] == "ReplicaSet"]:
                if rs_key[2] != rs_name and not failing:
                    for pod in self._pods_of(self.objects[rs_key]["metadata"]["uid"]):
                        self.objects.pop(pod, None)
                        self.managed.pop(pod, None)
            rs_key = ("ReplicaSet", ns, rs_name)
            if rs_key not in self.objects:
                self._create(
                    {
                        "apiVersion": "apps/v1",
                        "kind": "ReplicaSet",
                        "metadata": {
                            "name": rs_name,
                            "namespace": ns,
                            "ownerReferences": [owner],
                            "labels": {
                                **((template.get("metadata") or {}).get("labels") or {}),
                                "pod-template-hash": _suffix(digest, 10),
                            },
                        },
                        "spec": {"replicas": want, "template": template},
                    },
                    "kube-controller-manager",
                )
            rs = self.objects[rs_key]
            pod_owner = {
                "apiVersion": "apps/v1",
                "kind": "ReplicaSet",
                "name": rs_name,
                "uid": rs["metadata"]["uid"],
                "controller": True,
                "blockOwnerDeletion": True,
            }
        elif not failing:
            for pod in self._pods_of(obj["metadata"]["uid"]):
                if self.objects[pod]["metadata"].get("annotations", {}).get("template-hash") != digest:
                    self.objects.pop(pod, None)
                    self.managed.pop(pod, None)
        existing = [k for k in self._pods_of(pod_owner["uid"]) if k[0] == "Pod"]
        pods_wanted = 1 if failing else want
        for i in range(len(existing), pods_wanted):
            pod_name = {
                "Deployment": f"{pod_owner['name']}-{_suffix(digest + str(i), 5)}",
                "StatefulSet": f"{name}-{i}",
            }.get(kind, f"{name}-{_suffix(digest + str(i), 5)}")
            self._create(
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {
                        "name": pod_name,
                        "namespace": ns,
                        "ownerReferences": [pod_owner],
                        "labels": dict((template.get("metadata") or {}).get("labels") or {}),
                        "annotations": {"template-hash": digest},
                    },
                    "spec": copy.deepcopy(template.get("spec") or {}),
                    "status": {"phase": "Pending" if failing else "Running"},
                },
                "kubelet",
            )
        updated = 1 if failing else want
        available = want - 1 if failing else want
        generation = int(obj["metadata"]["generation"])
        if kind == "DaemonSet":
            status = {
                "observedGeneration": generation,
                "desiredNumberScheduled": want,
                "currentNumberScheduled": want,
                "updatedNumberScheduled": updated,
                "numberAvailable": available,
                "numberReady": available,
            }
        else:
            status = {
                "observedGeneration": generation,
                "replicas": want,
                "updatedReplicas": updated,
                "readyReplicas": available,
                "availableReplicas": available,
            }
        if kind == "Deployment":
            status["conditions"] = [
                {
                    "type": "Progressing",
                    "status": "False" if failing else "True",
                    "reason": "ProgressDeadlineExceeded" if failing else "NewReplicaSetAvailable",
                }
            ]
        if obj.get("status") != status:
            obj["status"] = status
            self._bump(obj)  # a status write: resourceVersion only
            self.events.append(f"status {kind}/{ns}/{name} generation {generation}")

    def pdb_status(self, pdb: dict[str, Any]) -> dict[str, Any]:
        ns = pdb["metadata"]["namespace"]
        wanted = ((pdb.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
        pods = [
            o
            for (k, n, _), o in self.objects.items()
            if k == "Pod"
            and n == ns
            and wanted
            and all((o["metadata"].get("labels") or {}).get(a) == b for a, b in wanted.items())
        ]
        healthy = sum(1 for p in pods if (p.get("status") or {}).get("phase") == "Running")
        spec = pdb.get("spec") or {}
        if "minAvailable" in spec:
            allowed = healthy - int(spec["minAvailable"])
        else:
            allowed = int(spec.get("maxUnavailable", 1)) - (len(pods) - healthy)
        return {
            "currentHealthy": healthy,
            "expectedPods": len(pods),
            "disruptionsAllowed": max(0, allowed),
            "observedGeneration": pdb["metadata"].get("generation", 1),
        }

    # -- RBAC -------------------------------------------------------------------------------

    def grant(self, token: str, rules: list[dict[str, Any]], namespace: str | None = None) -> None:
        """Bind a Role's `rules` (namespace) or a ClusterRole's (namespace None) to `token`."""
        if self.grants is None:
            self.grants = {}
        self.grants.setdefault(token, []).append((rules, namespace))

    def _authorize(
        self, token: str, verb: str, plural: str, subresource: str | None, ns: str | None, name: str | None
    ) -> None:
        if self.grants is None:
            return
        group = RESOURCES[plural][1]
        resource = plural + (f"/{subresource}" if subresource else "")
        for rules, scope in self.grants.get(token, []):
            if scope is not None and scope != ns:
                continue
            for rule in rules:
                if (
                    group in rule.get("apiGroups", [])
                    and (resource in rule.get("resources", []) or "*" in rule.get("resources", []))
                    and (verb in rule.get("verbs", []) or "*" in rule.get("verbs", []))
                ):
                    return
        qualified = plural + (f".{group}" if group else "")
        subject = f'{qualified} "{name}"' if name else qualified
        where = f'in the namespace "{ns}"' if ns else "at the cluster scope"
        raise APIError(
            403,
            "Forbidden",
            f'{subject} is forbidden: User "{token}" cannot {verb} resource '
            f'"{resource}" in API group "{group}" {where}',
        )

    # -- HTTP -------------------------------------------------------------------------------

    def _render(self, key: Key, obj: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(obj)
        kind = key[0]
        _, group, version, _ = RESOURCES[PLURAL[kind]]
        out["apiVersion"] = f"{group}/{version}" if group else version
        out["kind"] = kind
        out["metadata"]["managedFields"] = [
            {
                "manager": m,
                "operation": e["operation"],
                "apiVersion": out["apiVersion"],
                "fieldsType": "FieldsV1",
                "fieldsV1": fields_v1(e["fields"]),
                "time": "2026-01-01T00:00:00Z",
            }
            for m, e in sorted(self.managed.get(key, {}).items())
        ]
        if kind == "PodDisruptionBudget":
            out["status"] = self.pdb_status(obj)
        return out

    def _list(self, kind: str, ns: str | None, query: dict[str, str]) -> dict[str, Any]:
        selector = {}
        for term in filter(None, (query.get("labelSelector") or "").split(",")):
            if "=" not in term:
                raise APIError(400, "BadRequest", f"unable to parse requirement: {term}")
            a, b = term.split("=", 1)
            selector[a.rstrip("=").rstrip("!")] = b
        keys = sorted(
            k
            for k, o in self.objects.items()
            if k[0] == kind
            and ns in (None, k[1])
            and all((o["metadata"].get("labels") or {}).get(a) == b for a, b in selector.items())
        )
        start = 0
        if query.get("continue"):
            try:
                start = int(json.loads(base64.b64decode(query["continue"]))["start"])
            except (ValueError, KeyError, TypeError):
                raise APIError(400, "BadRequest", "continue key is not valid") from None
        limit = int(query.get("limit") or 0)
        page = keys[start : start + limit] if limit > 0 else keys[start:]
        meta: dict[str, Any] = {"resourceVersion": str(self.revision)}
        if limit > 0 and start + limit < len(keys):
            meta["continue"] = base64.b64encode(json.dumps({"start": start + limit}).encode()).decode()
            meta["remainingItemCount"] = len(keys) - start - limit
        return {
            "kind": f"{kind}List",
            "apiVersion": "v1",
            "metadata": meta,
            "items": [self._render(k, self.objects[k]) for k in page],
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, code: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _fail(self, error: APIError) -> None:
                body = {
                    "kind": "Status",
                    "apiVersion": "v1",
                    "metadata": {},
                    "status": "Failure",
                    "message": error.message,
                    "reason": error.reason,
                    "code": error.code,
                }
                if error.details:
                    body["details"] = error.details
                self._send(error.code, body)

            def _handle(self, method: str) -> None:
                api.requests.append((method, self.path))
                api.events.append(f"{method} {self.path}")
                try:
                    self._send(200, self._dispatch(method))
                except APIError as error:
                    self._fail(error)
                except (Dropped, OSError):
                    self.close_connection = True  # the client is gone

            def _dispatch(self, method: str) -> dict[str, Any]:
                url = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                parts = [p for p in url.path.split("/") if p]
                if parts[:2] == ["api", "v1"]:
                    rest = parts[2:]
                elif parts[:1] == ["apis"] and len(parts) >= 3:
                    rest = parts[3:]
                else:
                    raise APIError(404, "NotFound", "the server could not find the requested resource")
                ns = None
                if rest[:1] == ["namespaces"] and len(rest) >= 3:
                    ns, rest = rest[1], rest[2:]
                if not rest or rest[0] not in RESOURCES:
                    raise APIError(404, "NotFound", "the server could not find the requested resource")
                plural, name = rest[0], (rest[1] if len(rest) > 1 else None)
                sub = rest[2] if len(rest) > 2 else None
                kind = RESOURCES[plural][0]
                auth = self.headers.get("Authorization", "")
                token = auth.removeprefix("Bearer ").strip()
                verb = {"GET": "list" if name is None else "get", "PATCH": "patch", "PUT": "update"}[method]
                api._authorize(token, verb, plural, sub, ns, name)
                with api.lock:
                    if name is None:
                        if method != "GET":
                            raise APIError(405, "MethodNotAllowed", "the server does not allow this method")
                        return api._list(kind, ns, query)
                    key = api.key(kind, ns, name)
                    if key not in api.objects:
                        raise APIError(404, "NotFound", f'{plural}.{RESOURCES[plural][1]} "{name}" not found')
                    if method == "GET":
                        return api._render(key, api.objects[key])
                    body = self._body()
                    wanted = (body.get("metadata") or {}).get("resourceVersion")
                    if wanted and wanted != api.objects[key]["metadata"]["resourceVersion"]:
                        raise APIError(
                            409,
                            "Conflict",
                            f"Operation cannot be fulfilled on {plural}."
                            f'{RESOURCES[plural][1]} "{name}": the object has been modified; please '
                            "apply your changes to the latest version and try again",
                        )
                    dry = query.get("dryRun") == "All"
                    if "dryRun" in query and not dry:
                        raise APIError(400, "BadRequest", f"invalid dry run option: {query['dryRun']}")
                    if not dry and api.on_write is not None:
                        api.on_write("before", api.commits + 1)
                    version = api.objects[key]["metadata"]["resourceVersion"]
                    manager = (
                        query.get("fieldManager") or self.headers.get("User-Agent", "unknown").split("/")[0]
                    )
                    ctype = self.headers.get("Content-Type", "")
                    if method == "PATCH" and ctype == "application/apply-patch+yaml":
                        if not query.get("fieldManager"):
                            raise APIError(
                                400,
                                "BadRequest",
                                "PatchOptions.meta.k8s.io is invalid: fieldManager: "
                                "Required value: is required for apply patch",
                            )
                        new = api._apply(key, body, manager, query.get("force") == "true", dry)
                    elif method == "PATCH" and ctype not in (
                        "application/strategic-merge-patch+json",
                        "application/merge-patch+json",
                    ):
                        raise APIError(
                            415,
                            "UnsupportedMediaType",
                            f"the body of the request was in an unknown "
                            f"format - accepted media types include: application/apply-patch+yaml, "
                            f"application/strategic-merge-patch+json ({ctype})",
                        )
                    elif sub == "status":
                        new = copy.deepcopy(api.objects[key])
                        new["status"] = body.get("status")
                        if not dry:
                            api._bump(new)
                            api.objects[key] = new
                    else:
                        new = api._updated(key, body, replace=method == "PUT")
                        api._admit(new)
                        if not dry:
                            new = api._commit(key, new, manager, "Update")
                    if not dry and new["metadata"]["resourceVersion"] != version:
                        api.commits += 1
                        if api.on_write is not None:
                            api.on_write("after", api.commits)
                    return api._render(key, new)

            def _body(self) -> dict[str, Any]:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    import yaml

                    body = yaml.safe_load(raw) if raw else {}
                except Exception:
                    raise APIError(400, "BadRequest", "the request body is not valid YAML/JSON") from None
                if not isinstance(body, dict):
                    raise APIError(400, "BadRequest", "the request body must be an object")
                return body

            def do_GET(self) -> None:
                self._handle("GET")

            def do_PATCH(self) -> None:
                self._handle("PATCH")

            def do_PUT(self) -> None:
                self._handle("PUT")

        return Handler

    def __enter__(self) -> StandInAPI:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        for t in self._timers:
            t.cancel()
        self.server.shutdown()
        self.server.server_close()

    def kubeconfig(self, token: str = "test-token") -> str:
        return json.dumps(
            {
                "apiVersion": "v1",
                "kind": "Config",
                "current-context": "standin",
                "clusters": [{"name": "standin", "cluster": {"server": self.url}}],
                "users": [{"name": "me", "user": {"token": token}}],
                "contexts": [{"name": "standin", "context": {"cluster": "standin", "user": "me"}}],
            }
        )


def _suffix(text: str, n: int) -> str:
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    digest = hashlib.sha256(text.encode()).digest()
    return "".join(alphabet[b % len(alphabet)] for b in digest[:n])
