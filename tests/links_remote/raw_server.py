"""A raw-socket HTTP server on 127.0.0.1 (port 0), for answers http.server cannot
write: interim 1xx answers, headers that trickle or stop short, repeated headers,
a HEAD left unanswered or reset.

Each route is a function (socket, request, server) -> keep the connection open?
Everything stops by itself: `with RawServer(...)` closes the listener on exit and
sets `stop`, which every waiting route watches; a connection idle for `idle`
seconds is closed."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    connection: int  # which TCP connection (1, 2, ...)


Route = Callable[[socket.socket, Request, "RawServer"], bool]


class RawServer:
    """`with RawServer({"/early": route}) as server:`; `server.url("/early?s=404")`.
    The route is chosen by the path without its query."""

    def __init__(self, routes: dict[str, Route], idle: float = 5.0) -> None:
        self.routes = routes
        self.idle = idle
        self.stop = threading.Event()
        self.log: list[Request] = []
        self.lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._count = 0

    def __enter__(self) -> RawServer:
        self._accepting.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._accepting.join(timeout=2)
        self._listener.close()

    def stop_listening(self) -> None:
        """Close the listening socket: new connections are refused (a host restarting)."""
        self._listener.shutdown(socket.SHUT_RDWR)  # at once, even while the accept thread waits on it
        self._listener.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str = "/") -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.path.startswith(path)]

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._count += 1
            threading.Thread(target=self._serve, args=(client, self._count), daemon=True).start()

    def _serve(self, client: socket.socket, number: int) -> None:
        client.settimeout(self.idle)
        reader = client.makefile("rb")
        try:
            while not self.stop.is_set():
                request = _read_request(reader, number)
                if request is None:
                    return
                with self.lock:
                    self.log.append(request)
                route = self.routes.get(request.path.partition("?")[0], not_found)
                if not route(client, request, self):
                    return
        except OSError:
            return
        finally:
            reader.close()
            client.close()


def _read_request(reader: object, number: int) -> Request | None:
    readline = reader.readline  # type: ignore[attr-defined]
    first = readline(65536).decode("latin-1").split()
    if len(first) < 2:
        return None
    headers: dict[str, str] = {}
    for _ in range(200):
        line = readline(65536)
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return Request(first[0], first[1], headers, number)


PAGE = b"<!doctype html><title>ok</title><p>fine</p>\n"


def answer(client: socket.socket, request: Request, status: str = "200 OK",
           headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html"),), body: bytes = PAGE) -> bool:
    """A whole answer with its Content-Length (no body to a HEAD); keeps the connection."""
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(body)}\r\n\r\n"
    client.sendall(head.encode("latin-1") + (b"" if request.method == "HEAD" else body))
    return True


def not_found(client: socket.socket, request: Request, server: RawServer) -> bool:
    return answer(client, request, "404 Not Found", body=b"no such route\n")


def ok(client: socket.socket, request: Request, server: RawServer) -> bool:
    return answer(client, request)


def status(client: socket.socket, request: Request, server: RawServer) -> bool:
    """`/status?s=451`: that status, with a page."""
    return answer(client, request, request.path.partition("s=")[2] + " Some Reason")


def reset(client: socket.socket) -> bool:
    """Close with a TCP reset (RST), not a FIN."""
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return False
