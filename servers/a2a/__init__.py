"""The suite as an A2A 1.0 agent: skills (the MCP tools) run as A2A tasks, on a2a-sdk's server side.
`install(app, ...)` adds the endpoints, signed cards and the JWKS to the gateway."""

from servers.a2a.endpoint import A2AEndpoint, install

__all__ = ["A2AEndpoint", "install"]
