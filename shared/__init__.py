"""The library every HDR Empire server uses: configuration, state store, audit log,
vector memory, embeddings and the tool conventions. It knows nothing of any one server."""

from shared.errors import BadInput, Conflict, HDRError, NotFound, Refused, Unavailable

__all__ = ["HDRError", "BadInput", "NotFound", "Conflict", "Refused", "Unavailable"]
