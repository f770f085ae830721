"""Where tablets on the studio's network reach the client pages."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from feedback_desk.services.settings import Settings

WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})


def lan_address() -> str:
    """This PC's address on its main network (the one its default route leaves by).

    Connecting a UDP socket sends nothing: it only asks the system which interface it would use.
    Without any network, the loopback address.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
            address = str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return address if address != "0.0.0.0" else "127.0.0.1"


def reachable_host(host: str) -> str:
    """The host name a tablet should type for a server listening on *host*."""
    if host.strip() in WILDCARD_HOSTS:
        return lan_address()
    return host.strip()


def base_url(host: str, port: int) -> str:
    """``http://HOST:PORT`` as a tablet on the studio's network reaches it."""
    reachable = reachable_host(host)
    try:
        if ipaddress.ip_address(reachable).version == 6:
            reachable = f"[{reachable}]"
    except ValueError:
        pass  # a host name
    return f"http://{reachable}:{port}"


def kiosk_url(host: str, port: int) -> str:
    return f"{base_url(host, port)}/kiosk"


def pairing_url(host: str, port: int) -> str:
    return f"{base_url(host, port)}/pair"


@dataclass(frozen=True)
class PagesConfig:
    """The client pages' settings (``web.*``), as the window and the command line use them."""

    enabled: bool
    host: str
    port: int

    @property
    def kiosk_url(self) -> str:
        return kiosk_url(self.host, self.port)

    @property
    def pairing_url(self) -> str:
        return pairing_url(self.host, self.port)


def pages_config(settings: Settings) -> PagesConfig:
    return PagesConfig(
        enabled=settings.flag("web.enabled"),
        host=settings.text("web.host"),
        port=settings.integer("web.port"),
    )
