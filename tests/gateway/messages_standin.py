"""A local stand-in for the Anthropic Messages API: POST /v1/messages answered in the real wire
format from a script. Each script step sees the request (tools, messages with tool_result blocks)
and returns the assistant's content blocks, so a scripted conversation reacts to real tool results."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Step = Callable[[dict[str, Any]], list[dict[str, Any]]]


def tool_use(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_use", "id": f"toolu_{uuid.uuid4().hex[:20]}", "name": name, "input": arguments}


def text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def last_tool_results(request: dict[str, Any]) -> list[dict[str, Any]]:
    """The tool_result blocks of the newest user message."""
    content = request["messages"][-1]["content"]
    return (
        [b for b in content if isinstance(b, dict) and b.get("type") == "tool_result"]
        if isinstance(content, list)
        else []
    )


def result_text(block: dict[str, Any]) -> str:
    content = block.get("content")
    if isinstance(content, str):
        return content
    return " ".join(c.get("text", "") for c in content or [] if isinstance(c, dict))


class MessagesStandIn:
    def __init__(self, script: list[Step]) -> None:
        self.script = script
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.failures: list[str] = []
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                standin.requests.append(body)
                standin.headers.append({k.lower(): v for k, v in self.headers.items()})
                if not self.path.startswith("/v1/messages"):
                    return self._send(
                        404, {"type": "error", "error": {"type": "not_found_error", "message": self.path}}
                    )
                turn = sum(1 for m in body["messages"] if m["role"] == "assistant")
                if turn >= len(standin.script):
                    return self._send(
                        400,
                        {
                            "type": "error",
                            "error": {
                                "type": "invalid_request_error",
                                "message": f"script has no turn {turn}",
                            },
                        },
                    )
                try:
                    content = standin.script[turn](body)
                except Exception as exc:  # a script assertion: reported to the test, answered as a 500
                    standin.failures.append(
                        f"turn {turn}: {type(exc).__name__}: {exc} (request keys {sorted(body)})"
                    )
                    return self._send(
                        500, {"type": "error", "error": {"type": "api_error", "message": "script failed"}}
                    )
                stop = "tool_use" if any(b["type"] == "tool_use" for b in content) else "end_turn"
                self._send(
                    200,
                    {
                        "id": f"msg_{uuid.uuid4().hex[:24]}",
                        "type": "message",
                        "role": "assistant",
                        "model": body["model"],
                        "content": content,
                        "stop_reason": stop,
                        "stop_sequence": None,
                        "usage": {"input_tokens": 100, "output_tokens": 20},
                    },
                )

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("request-id", f"req_{uuid.uuid4().hex[:16]}")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
