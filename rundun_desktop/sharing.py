"""Where the embedded server listens and how others reach it (Settings → Sharing), as a plain value.

Loopback only (the default: links work on this computer), the local network (listen on every interface;
links name this computer's LAN address, so a phone on the same Wi-Fi opens them), or a public URL the user
configured (a tunnel or reverse proxy in front of this computer). Kept light: no Qt, no server imports, so
the early boot can use it before the window exists.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from rundun_desktop.desktop_settings import LAN, PUBLIC, DesktopSettings

LOOPBACK_HOST = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
# The first start picks its port here (below the OS's ephemeral range, so that no outgoing connection takes it
# later; not 8750, `rundun-server serve`'s default), else any free port. `RUNDUN_FIRST_PORTS=9100-9149` moves
# the range (a machine where something else lives there; the test suite gives each of its workers its own).
DEFAULT_FIRST_PORTS = (8751, 8799)


def first_start_ports(setting: str | None = None) -> tuple[int, ...]:
    """The ports a first start tries, in order: `RUNDUN_FIRST_PORTS` ("LOW-HIGH") when valid, else 8751–8799."""
    low, high = DEFAULT_FIRST_PORTS
    text = os.environ.get("RUNDUN_FIRST_PORTS", "") if setting is None else setting
    try:
        a, b = (int(part) for part in text.split("-"))
        if 1024 <= a <= b <= 65535:
            low, high = a, b
    except ValueError:
        pass
    return tuple(range(low, high + 1))


def lan_address() -> str | None:
    """This computer's address on its local network (the one its default route leaves from), or None.

    A UDP socket "connected" to a documentation address sends nothing; it only makes the OS pick the
    outgoing interface, whose address is what a phone on the same network reaches."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith(("127.", "0.")) else address


@dataclass(frozen=True)
class Listen:
    """The embedded server's address, chosen by the caller (from the desktop's settings), so that the same
    choice can be handed to an in-thread server or, later, a child process."""

    port: int = 0  # 0: any free port (the first start; the caller keeps the one the OS gave)
    host: str = LOOPBACK_HOST  # ALL_INTERFACES: reachable from the local network
    public_url: str | None = None  # the base of run links; None: http://<LAN address or 127.0.0.1>:PORT
    first_choices: tuple[int, ...] = ()  # with port 0: tried in order before any free port

    def public_base(self, port: int) -> str:
        """The base URL of links once the real port is known."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = (lan_address() or LOOPBACK_HOST) if self.host == ALL_INTERFACES else self.host
        return f"http://{host}:{port}"


def listen_for(settings: DesktopSettings) -> Listen:
    """The desktop's choice: its kept port (or, the first time, one of `first_start_ports()`) and sharing."""
    port = settings.embedded_port
    choices = () if port else first_start_ports()
    if settings.sharing == LAN:
        return Listen(port, ALL_INTERFACES, first_choices=choices)
    if settings.sharing == PUBLIC and settings.public_url.strip():
        return Listen(port, LOOPBACK_HOST, settings.public_url.strip(), choices)
    return Listen(port, first_choices=choices)


def is_loopback_url(url: str) -> bool:
    """A link only this computer can open."""
    return (urlsplit(url).hostname or "") in LOOPBACK_NAMES


def bind_port(host: str, port: int) -> socket.socket:
    sock = socket.socket()
    # Not on Windows: there SO_REUSEADDR would let us take a port another program listens on.
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def bind_first(host: str, ports: list[int]) -> socket.socket:
    """The first of `ports` that is free, else any free port."""
    for port in ports:
        try:
            return bind_port(host, port)
        except OSError:
            continue
    return bind_port(host, 0)


def claim_port(listen: Listen) -> tuple[socket.socket, int | None]:
    """A bound socket on `listen.port` (or, with port 0, the first free of `listen.first_choices`, else any
    free port), and the port that was wanted when another program holds it (else None)."""
    wanted = [listen.port] if listen.port else list(listen.first_choices)
    sock = bind_first(listen.host, wanted)
    got = sock.getsockname()[1]
    return sock, (listen.port if listen.port and got != listen.port else None)
