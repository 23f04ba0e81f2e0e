"""The Host-header allow-list of ``marsad serve``: a defence against DNS rebinding.

A page on ``evil.example`` whose name is re-pointed at 127.0.0.1 can make the victim's browser send requests to a
server on loopback; the browser then treats the replies as same-origin for evil.example and lets the page read the
store and drive ``/v1/code``. Such a request still carries ``Host: evil.example``, so a server that answers only to
the names it is known by is out of reach. ``marsad serve`` answers to the loopback names (``localhost``,
``127.0.0.1``, ``[::1]``), the address it is bound to when that is a single address, and each ``--allowed-host``;
any other Host, or none, gets a 400 in the error envelope before any route runs. ``*`` turns the check off (for a
reverse proxy that checks the name itself). Imports only ``api.replies`` and ``errors``.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from ..errors import HostError
from .replies import envelope

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
_WILDCARD_BINDS = {"0.0.0.0", "::", ""}


def host_name(value: str) -> str:
    """The name of a Host header or an --allowed-host value, without port, brackets or a final dot, lower case:
    ``LOCALHOST:8000`` -> ``localhost``, ``[::1]:80`` -> ``::1``."""
    v = value.strip().lower()
    if v.startswith("["):
        v = v[1:].split("]", 1)[0]
    elif v.count(":") == 1:
        v = v.split(":", 1)[0]
    return v.rstrip(".")


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """What ``marsad serve --host BIND --allowed-host ...`` answers to: the loopback names, the bound address when
    it is one address (not 0.0.0.0 or ::), and ``extra``. A value that is no host name is an InputError (E105)."""
    names = list(LOOPBACK_HOSTS)
    if host_name(bind) not in _WILDCARD_BINDS:
        names.append(host_name(bind))
    for raw in extra:
        name = host_name(raw)
        if name != "*" and not _plausible(name):
            raise HostError(f"--allowed-host {raw!r} is not a host name or address (example.org, 10.0.0.5, ::1, "
                            "or * for any)")
        names.append(name)
    return tuple(dict.fromkeys(names))


def _plausible(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        labels = name.split(".")
        return bool(name) and all(0 < len(x) <= 63 and x.replace("-", "").isalnum() for x in labels)


class HostAllowList:
    """ASGI middleware: refuse (400, E105) an HTTP request whose Host header names none of ``hosts``."""

    def __init__(self, app, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) for h in hosts)
        self.any = "*" in self.hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.any:
            return await self.app(scope, receive, send)
        raw = dict(scope.get("headers") or []).get(b"host")
        name = host_name(raw.decode("latin-1")) if raw else ""
        if name in self.hosts:
            return await self.app(scope, receive, send)
        shown = repr(name) if name else "(none)"
        reply = envelope(400, HostError.code, f"Host {shown} is not a name this server answers to; start marsad "
                         f"serve with --allowed-host {name or 'NAME'} to allow it")
        return await reply(scope, receive, send)
