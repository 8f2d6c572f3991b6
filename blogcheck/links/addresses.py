"""Which URLs are never requested: `exclude` patterns, and hosts whose address
is link-local, a cloud metadata service, or (when asked) private or loopback.

A link in a post must not make blogcheck talk to 169.254.169.254 from a CI
runner. Host names are resolved first, so a name pointing at such an address is
caught too (a name that resolves differently a moment later is not: a link
checker is not a firewall)."""

from __future__ import annotations

import functools
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from blogcheck import regexes
from blogcheck.links.settings import LinkSettings

_METADATA_NAMES = {"metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"}
_METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")}
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address


def excluded_by_pattern(url: str, patterns: tuple[str, ...], written: str = "") -> str:
    """The first `exclude` regex found in the URL (its normal form), or in the URL as
    `written` without its #fragment, or ""."""
    forms = (url, written.strip().partition("#")[0]) if written else (url,)
    return next((p for p in patterns if any(regexes.search(_compiled(p), form, "the `exclude` pattern")
                                             for form in forms)), "")


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> regexes.Pattern[str]:
    return regexes.compile(pattern)


def written_local(url: str) -> str:
    """Why a link, as the post writes it, names the reader's own computer ("" when
    it does not): `localhost` (and any `*.localhost`, RFC 6761) or `0.0.0.0`. Such a
    link is an instruction ("open http://localhost:4000"), not a page to check.
    Loopback numbers (127.0.0.1) are checked: local mirrors and test servers use them."""
    try:
        host = host_name(urlsplit(url).hostname or "")
    except ValueError:  # `http://[`: not a URL, nobody's computer
        return ""
    if host == "localhost" or host.endswith(".localhost") or host == "0.0.0.0":
        return (f"`{host}` is the reader's own computer: the link works only where that service runs, so it "
                "is not requested; to show the address, write it as code")
    return ""


@dataclass(frozen=True)
class Screen:
    """What a host's addresses allow: `skip` (a reason not to ask), `broken`
    (the name does not exist), `unverified` (DNS failed for now), or all empty."""

    skip: str = ""
    broken: str = ""
    unverified: str = ""


def host_name(host: str) -> str:
    """The host as DNS and ipaddress read it: no IPv6 brackets, lower case, no root dot."""
    return host.strip("[]").lower().rstrip(".")


def is_dns_name(host: str) -> bool:
    """A name DNS is asked about: not an IP literal, not an RFC 6761 `.invalid` name."""
    name = host_name(host)
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return bool(name) and name != "invalid" and not name.endswith(".invalid")
    return False


def screen_host(host: str, settings: LinkSettings) -> Screen:
    """Resolve the host and check every address against the exclusions."""
    name = host_name(host)
    if name in _METADATA_NAMES and settings.exclude_link_local:
        return Screen(skip=f"{name} is a cloud metadata service: never requested")
    if name == "invalid" or name.endswith(".invalid"):  # RFC 6761: never resolves, ask no DNS server
        return Screen(broken=f"no such host: {name}")
    try:
        addresses = [ipaddress.ip_address(name)]
    except ValueError:
        found = _resolve(name)
        if isinstance(found, Screen):
            return found
        addresses = found
    for address in addresses:
        reason = _address_reason(address, settings)
        if reason:
            where = f"{name} is" if str(address) == name else f"{name} resolves to {address},"
            return Screen(skip=f"{where} {reason}")
    return Screen()


def _resolve(name: str) -> list[_IP] | Screen:
    try:
        infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            return Screen(broken=f"no such host: {name}")
        return Screen(unverified=f"DNS lookup of {name} failed: {exc.strerror or exc}")
    except (UnicodeError, OSError) as exc:
        return Screen(broken=f"invalid host name {name!r}: {exc}")
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _address_reason(address: _IP, settings: LinkSettings) -> str:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if settings.exclude_link_local and address in _METADATA_ADDRESSES:
        return "a cloud metadata address: never requested"
    if settings.exclude_link_local and address.is_link_local:
        return "a link-local address: never requested"
    if settings.exclude_loopback and address.is_loopback:
        return "a loopback address (exclude_loopback)"
    if settings.exclude_private and address.is_private and not (address.is_loopback or address.is_link_local):
        return "a private address (exclude_private)"
    return ""
