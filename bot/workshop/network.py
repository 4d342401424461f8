"""Where a workshop server listens: this machine only (127.0.0.1) unless
the facilitator asks for the room's network, and then one private LAN
address, never every interface (0.0.0.0) and never a public address,
whether the facilitator gave it or the routing table picked it."""

import ipaddress
import socket

from ..i18n import _

LOOPBACK = "127.0.0.1"


def _private() -> str:
    """The addresses a room's network uses, as the messages name them."""
    return _("a private network address (10.x, 172.16-31.x, 192.168.x, 169.254.x, fc00::/7 or fe80::/10)")


class AddressError(ValueError):
    """The address cannot be used; the message says why."""


def routed_address() -> str:
    """The address this machine would send from to the wider network, or
    "". A UDP socket is 'connected' only to pick the route: no packet is
    sent anywhere."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed to anyone
            return probe.getsockname()[0]
        except OSError:
            return ""


def _in_the_room(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_private or address.is_link_local


def lan_address() -> str:
    """This machine's address on its local network: the routed one, if private."""
    found = routed_address()
    address = ipaddress.ip_address(found) if found else None
    if address is None or address.is_loopback or address.is_unspecified:
        raise AddressError(_("this machine has no local network address; join the room's Wi-Fi first, "
                             "or give the address with --lan ADDRESS"))
    if not _in_the_room(address):
        raise AddressError(_("this machine's network address {address} is public, so the whole internet could "
                             "reach the workshop; join the room's own Wi-Fi, or give {private} with --lan ADDRESS"
                             ).format(address=found, private=_private()))
    return found


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
        raise AddressError(_("--lan {address}: not an IP address").format(address=lan)) from None
    if address.is_unspecified:
        raise AddressError(_("--lan needs one address, not every interface (0.0.0.0 or ::)"))
    if not (_in_the_room(address) or address.is_loopback):
        raise AddressError(_("--lan {address}: not a private network address; a workshop stays in the room: "
                             "give {private}").format(address=lan, private=_private()))
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
