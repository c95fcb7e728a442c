"""A small stateful stand-in for the Kubernetes API server, speaking its real wire protocol (JSON over
HTTP, the REST paths the official client uses): list across namespaces, get, strategic-merge PATCH and
PUT with optimistic concurrency (a stale metadata.resourceVersion gets 409 Conflict, as from a real
API server). Used because no real API server can run here."""

from __future__ import annotations

import copy
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from shared.cluster import merge_patch

RESOURCES = {"deployments": "Deployment", "statefulsets": "StatefulSet", "daemonsets": "DaemonSet",
             "horizontalpodautoscalers": "HorizontalPodAutoscaler", "poddisruptionbudgets": "PodDisruptionBudget",
             "pods": "Pod", "nodes": "Node"}
PATH = re.compile(r"^/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/([^/]+))?/([a-z]+)(?:/([^/?]+))?/?(?:\?.*)?$")


class StandInAPI:
    def __init__(self, objects: list[dict[str, Any]]) -> None:
        self.lock = threading.Lock()
        self.revision = 100
        self.objects: dict[tuple[str, str, str], dict[str, Any]] = {}
        for obj in objects:
            self._store(copy.deepcopy(obj))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _store(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.revision += 1
        meta = obj.setdefault("metadata", {})
        meta.setdefault("namespace", "default")
        meta["resourceVersion"] = str(self.revision)
        self.objects[(obj["kind"], meta["namespace"], meta["name"])] = obj
        return obj

    def edit(self, kind: str, namespace: str, name: str, patch: dict[str, Any]) -> None:
        """Someone else edits the object (kubectl edit)."""
        with self.lock:
            obj = self.objects[(kind, namespace, name)]
            merge_patch(obj, patch)
            self._store(obj)

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

            def _status(self, code: int, reason: str, message: str) -> None:
                self._send(code, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": message,
                                  "reason": reason, "code": code})

            def _route(self) -> tuple[str, str | None, str | None] | None:
                m = PATH.match(self.path)
                if not m or m.group(2) not in RESOURCES:
                    self._status(404, "NotFound", f"the server could not find the requested resource {self.path}")
                    return None
                return RESOURCES[m.group(2)], m.group(1), m.group(3)

            def _body(self) -> dict[str, Any]:
                return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

            def do_GET(self) -> None:
                route = self._route()
                if route is None:
                    return
                kind, ns, name = route
                with api.lock:
                    if name is None:
                        items = [copy.deepcopy(o) for (k, n, _), o in sorted(api.objects.items())
                                 if k == kind and ns in (None, n)]
                        self._send(200, {"kind": f"{kind}List", "apiVersion": "v1",
                                         "metadata": {"resourceVersion": str(api.revision)}, "items": items})
                        return
                    obj = api.objects.get((kind, ns, name))
                if obj is None:
                    self._status(404, "NotFound", f'{kind.lower()}s "{name}" not found')
                else:
                    self._send(200, obj)

            def _write(self, replace: bool) -> None:
                route = self._route()
                if route is None:
                    return
                kind, ns, name = route
                body = self._body()
                with api.lock:
                    obj = api.objects.get((kind, ns, name))
                    if obj is None:
                        self._status(404, "NotFound", f'{kind.lower()}s "{name}" not found')
                        return
                    wanted = (body.get("metadata") or {}).get("resourceVersion")
                    if wanted is not None and wanted != obj["metadata"]["resourceVersion"]:
                        self._status(409, "Conflict", f'Operation cannot be fulfilled on {kind.lower()}s "{name}": '
                                     "the object has been modified; please apply your changes to the latest version")
                        return
                    if replace:
                        new = copy.deepcopy(body)
                        new.setdefault("kind", kind)
                    else:
                        new = copy.deepcopy(obj)
                        merge_patch(new, {k: v for k, v in body.items() if k != "metadata"})
                    new["metadata"] = {**obj["metadata"], **{k: v for k, v in (body.get("metadata") or {}).items()
                                                             if k != "resourceVersion"}}
                    self._send(200, api._store(new))

            def do_PATCH(self) -> None:
                self._write(replace=False)

            def do_PUT(self) -> None:
                self._write(replace=True)

        return Handler

    def __enter__(self) -> StandInAPI:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def kubeconfig(self) -> str:
        return json.dumps({"apiVersion": "v1", "kind": "Config", "current-context": "standin",
                           "clusters": [{"name": "standin", "cluster": {"server": self.url}}],
                           "users": [{"name": "me", "user": {"token": "test-token"}}],
                           "contexts": [{"name": "standin", "context": {"cluster": "standin", "user": "me"}}]})
