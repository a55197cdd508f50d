"""The HTTP side: a ThreadingHTTPServer on 127.0.0.1 with token check, rate limit and faults.

Order per request: latency (seeded jitter, before arrival is counted, like the network); count
it; rate limit (429 + `Retry-After`, no fault drawn); fault (state untouched);
`Api-Token` check (403); route; `state.hooks`; answer. Hooks run before the answer is sent, so
a change a hook makes is visible to every request the client sends after reading the answer.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from simulator import api_account, api_contacts, api_related
from simulator.api import ApiRequest, Router
from simulator.data import generate
from simulator.limits import FAULT_STATUS, Fault, FaultPlan, Latency, Limit, build_limiter
from simulator.render import Formatter, Json
from simulator.state import SimulatorState

HOST = "127.0.0.1"
API_PREFIX = "/api/3/"
ROUTER = Router([*api_account.ROUTES, *api_contacts.ROUTES, *api_related.ROUTES])


@dataclass
class ServerStats:
    """Counters since start: every request received, 429s sent, faults injected."""

    requests: int = 0
    rate_limited: int = 0
    faults: int = 0
    faults_by_kind: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def count_rate_limited(self) -> None:
        with self._lock:
            self.rate_limited += 1

    def count_fault(self, fault: Fault) -> None:
        with self._lock:
            self.faults += 1
            self.faults_by_kind[fault.value] = self.faults_by_kind.get(fault.value, 0) + 1


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold up shutdown

    def __init__(self, port: int, simulator: SimulatorServer) -> None:
        self.simulator = simulator
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """End idle keep-alive connections, so nothing is served after shutdown."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # skips HTTPServer's reverse DNS lookup
        self.server_name, self.server_port = HOST, int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes; without this, delayed ACKs add ~40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # do_<METHOD> is http.server's naming
    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: request lines would carry query values (emails)."""

    def _handle(self, method: str) -> None:
        sim = self.server.simulator
        length = self.headers.get("Content-Length", "0")
        raw = self.rfile.read(int(length) if length.isdigit() else 0)
        delay = sim.latency.draw()
        if delay > 0:
            time.sleep(delay)
        sim.stats.count_request()
        headers: dict[str, str] = {}
        if sim.limiter is not None:
            allowed, tokens = sim.limiter.take()
            headers = {
                "RateLimit-Limit": f"{sim.limiter.rate:g}",
                "RateLimit-Remaining": str(int(tokens)),
            }
            if not allowed:
                sim.stats.count_rate_limited()
                wait = sim.retry_after
                headers["Retry-After"] = str(
                    sim.limiter.retry_after(tokens) if wait is None else wait
                )
                self._send(429, {"message": "Too Many Requests"}, headers)
                return
        fault = sim.faults.draw()
        if fault is not None:
            sim.stats.count_fault(fault)
            self._fail(fault, sim.timeout_delay, headers)
            return
        if not hmac.compare_digest(self.headers.get("Api-Token", "").encode(), sim.token.encode()):
            self._send(403, {"message": "Forbidden"}, headers)
            return
        try:
            status, body = self._route(method, raw)
        except Exception:  # a bug or a failing test hook: answer 500, keep serving
            traceback.print_exc(file=sys.stderr)
            status, body = 500, {"message": "Internal Server Error"}
        endpoint = urlsplit(self.path).path[len(API_PREFIX) :].strip("/")
        hostile = sim.state.misbehaviours.answer(method, endpoint, status, body)
        if hostile is not None:
            self._send_raw(status, *hostile, headers)
            return
        self._send(status, body, headers)

    def _route(self, method: str, raw: bytes) -> tuple[int, Json]:
        sim = self.server.simulator
        parts = urlsplit(self.path)
        if not parts.path.startswith(API_PREFIX):
            return 404, {"message": "Not Found"}
        try:
            body = json.loads(raw) if raw.strip() else None
        except ValueError:
            return 400, {"message": "Body is not valid JSON"}
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        request = ApiRequest(method, parts.path[len(API_PREFIX) :].strip("/"), query, body)
        response = ROUTER.dispatch(sim.state, sim.formatter, request)
        for hook in list(sim.state.hooks):
            hook(method, parts.path)
        return response.status, response.body

    def _fail(self, fault: Fault, delay: float, headers: dict[str, str]) -> None:
        if fault is Fault.RESET:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()  # linger 0: the peer gets a TCP RST
            self.close_connection = True
            return
        if fault is Fault.SLOW:
            time.sleep(delay)
        status, message = FAULT_STATUS[fault]
        self._send(status, {"message": message}, headers)

    def _send(self, status: int, body: Json, headers: dict[str, str]) -> None:
        payload = json.dumps(body, ensure_ascii=False).encode()
        self._send_raw(status, payload, "application/json; charset=utf-8", headers)

    def _send_raw(
        self, status: int, payload: bytes, content_type: str, headers: dict[str, str]
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:  # the client gave up (e.g. timed out on a slow fault)
            self.close_connection = True


class SimulatorServer:
    """A running simulator: `.url`, `.stats`, `.state`, `.shutdown()`; a context manager."""

    def __init__(
        self,
        state: SimulatorState,
        *,
        port: int,
        token: str,
        rate: float,
        faults: float,
        seed: int,
        timeout_delay: float,
        limit: Limit | str = Limit.BUCKET,
        retry_after: int | None = None,
        latency: float = 0.0,
        jitter: float = 0.0,
    ) -> None:
        if not token:
            raise ValueError("token must not be empty")
        self.state = state
        self.token = token
        self.stats = ServerStats()
        self.limiter = build_limiter(rate, limit)
        # None: the bucket's own estimate; ActiveCampaign's docs show 30.
        self.retry_after = retry_after
        self.latency = Latency(latency, jitter, seed)
        self.faults = FaultPlan(faults, seed)
        self.timeout_delay = timeout_delay
        self._httpd = _HttpServer(port, self)
        self.port = int(self._httpd.server_address[1])
        self.url = f"http://{HOST}:{self.port}"
        self.formatter = Formatter(api=f"{self.url}/api/3", tz=state.timezone)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"ac-simulator-{self.port}",
            daemon=True,
        )
        self._stopped = False

    def start(self) -> None:
        self._thread.start()

    def shutdown(self) -> None:
        """Stop serving and close the socket; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()
        self._httpd.drop_connections()

    def __enter__(self) -> SimulatorServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()


def serve(
    state: SimulatorState,
    *,
    port: int = 0,
    token: str,
    rate: float = 5.0,
    faults: float = 0.0,
    seed: int = 0,
    timeout_delay: float = 2.0,
    limit: Limit | str = Limit.BUCKET,
    retry_after: int | None = None,
    latency: float = 0.0,
    jitter: float = 0.0,
) -> SimulatorServer:
    """Start serving `state` on 127.0.0.1:`port` (0 = any free port) in a daemon thread.

    `limit="window"` is the strict rolling second; `retry_after` fixes the 429's header;
    `latency` ± `jitter` seconds delay each request before it is counted (seeded by `seed`).
    """
    server = SimulatorServer(
        state,
        port=port,
        token=token,
        rate=rate,
        faults=faults,
        seed=seed,
        timeout_delay=timeout_delay,
        limit=limit,
        retry_after=retry_after,
        latency=latency,
        jitter=jitter,
    )
    server.start()
    return server


def run_forever(
    port: int,
    contacts: int,
    seed: int,
    rate: float,
    faults: float,
    token: str,
    *,
    anchor: datetime | None = None,
    limit: Limit | str = Limit.BUCKET,
    retry_after: int | None = None,
    latency: float = 0.0,
    jitter: float = 0.0,
    ignore_include: bool = False,
    ignored_filters: Iterable[str] = (),
    misbehave: Iterable[tuple[str, str, int]] = (),
) -> None:
    """What `rekisteri simulate` runs: print one line, serve until Ctrl-C.

    `misbehave` holds (name, endpoint, times) armed before serving (see misbehave.py).
    """
    state = generate(contacts=contacts, seed=seed, anchor=anchor or datetime.now(UTC))
    state.ignore_include = ignore_include
    state.ignored_filters = set(ignored_filters)
    for name, endpoint, times in misbehave:
        state.misbehave(name, endpoint=endpoint, times=times)
    options: dict[str, Any] = {
        "limit": limit,
        "retry_after": retry_after,
        "latency": latency,
        "jitter": jitter,
    }
    with serve(
        state, port=port, token=token, rate=rate, faults=faults, seed=seed, **options
    ) as server:
        print(
            f"ActiveCampaign simulator on {server.url} ({len(state.contacts)} contacts)", flush=True
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
