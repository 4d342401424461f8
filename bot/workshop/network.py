"""Where a workshop server listens: this machine only (127.0.0.1) unless
the facilitator asks for the room's network, and then one LAN address,
never every interface (0.0.0.0)."""

import ipaddress
import socket

LOOPBACK = "127.0.0.1"


class AddressError(ValueError):
    """The address cannot be used; the message says why."""


def lan_address() -> str:
    """The address this machine uses on its local network. A UDP socket is
    'connected' only to pick the route: no packet is sent anywhere."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed to anyone
            address = probe.getsockname()[0]
        except OSError:
            address = ""
    if not address or ipaddress.ip_address(address).is_loopback or address == "0.0.0.0":
        raise AddressError("this machine has no local network address; join the room's Wi-Fi first, "
                           "or give the address with --lan ADDRESS")
    return address


def bind_address(lan: str | None) -> str:
    """None: loopback. "" (plain --lan): the LAN address found. Otherwise the
    address given, which must be a single local, private one."""
    if lan is None:
        return LOOPBACK
    if lan == "":
        return lan_address()
    try:
        address = ipaddress.ip_address(lan)
    except ValueError:
        raise AddressError(f"--lan {lan}: not an IP address") from None
    if address.is_unspecified:
        raise AddressError("--lan needs one address, not every interface (0.0.0.0 or ::)")
    if not (address.is_private or address.is_link_local or address.is_loopback):
        raise AddressError(f"--lan {lan}: not a private network address; a workshop stays in the room")
    return str(address)


def listen(host: str, port: int, tries: int = 10) -> socket.socket:
    """A listening socket on host: port, or the next free one of `tries`
    ports (port 0: any free port). OSError when none is free."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    last_error: OSError | None = None
    for candidate in [port + n for n in range(tries)] if port else [0]:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, candidate))
            sock.listen(256)
            sock.setblocking(False)
            return sock
        except OSError as err:
            sock.close()
            last_error = err
    raise last_error
