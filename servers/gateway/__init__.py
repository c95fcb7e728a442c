"""The suite as one HTTP service (`hdr serve`): see servers/gateway/app.py and docs/gateway.md."""

from servers.gateway.app import create_app
from servers.gateway.settings import LOOPBACK, GatewaySettings, SettingsError

__all__ = ["LOOPBACK", "GatewaySettings", "SettingsError", "create_app"]
