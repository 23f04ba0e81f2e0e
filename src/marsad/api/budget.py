"""What one ``POST /v1/code`` may cost: a budget of characters coded, a time limit, and a stop when the client goes.

Before every stage was made linear, some texts cost far more than their length (2 MB of news with ``explain``,
``ner`` and ``all_candidates`` took 72 CPU-seconds, one sentence repeated through 2 MB 84); now 2 MB coded whole costs
at most 7.5 CPU-seconds with every option (``bench/request_cost.py``, docs/api.md). The public route still codes at
most ``max_chars`` characters of a text (``marsad serve --max-chars``, 50,000 by default: about twenty-five news
articles), cut at the last sentence end (or space) in the budget's last fifth; the reply says so in ``truncated``
(``coded_chars``, ``chars``), and every offset stays an offset into the text as sent, since what is coded is its
beginning. The costliest 2 MB body found then costs 0.32 CPU-seconds. Coding runs in a worker thread asked to stop
(``code(..., should_stop=...)``, seen at the next stage, trigger or tagged sentence) when the client disconnects or
``max_seconds`` have passed (503, E410). ``POST /v1/documents`` (token holders) codes each document whole, each
within ``max_seconds``, and stops when its client leaves (``each_within``). Imports nothing of marsad; the route
passes ``code``.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import regex

DEFAULT_MAX_CHARS = 50_000
DEFAULT_MAX_SECONDS = 30.0
_END = regex.compile(r"[.!?؟۔。\n]\s*")
_SPACE = regex.compile(r"\s+")


def cut(text: str, max_chars: int) -> int:
    """Where to stop coding ``text``: its length when it fits, else the end of the last sentence (or space) inside
    the last fifth of the budget, else ``max_chars``."""
    if len(text) <= max_chars:
        return len(text)
    floor = max_chars - max_chars // 5
    ends = [m.end() for m in _END.finditer(text, floor, max_chars)] or \
           [m.end() for m in _SPACE.finditer(text, floor, max_chars)]
    return ends[-1] if ends else max_chars


def truncation(text: str, end: int) -> dict[str, Any] | None:
    """The ``truncated`` field of a reply: None when all of ``text`` was coded."""
    return None if end >= len(text) else {"coded_chars": end, "chars": len(text)}


def each_within(should_stop: Callable[[], bool], seconds: float) -> Callable[[], Callable[[], bool]]:
    """For work made of items (the documents of one POST /v1/documents): ``each()`` starts an item and gives its
    own stop question, yes when the request's ``should_stop`` says so or the item has taken ``seconds``."""
    def each() -> Callable[[], bool]:
        deadline = time.monotonic() + seconds
        return lambda: should_stop() or time.monotonic() > deadline
    return each


async def run_stoppable(work: Callable[[Callable[[], bool]], Any], is_disconnected, max_seconds: float,
                        poll: float = 0.1) -> Any:
    """Run ``work(should_stop)`` in a worker thread; ``should_stop`` turns true when ``is_disconnected()`` (an
    awaitable) says the client left, or ``max_seconds`` have passed. The work's CodingStopped propagates."""
    gone = threading.Event()
    deadline = time.monotonic() + max_seconds

    def should_stop() -> bool:
        return gone.is_set() or time.monotonic() > deadline

    result: dict[str, Any] = {}
    async with anyio.create_task_group() as tasks:
        async def watch() -> None:
            while True:
                await anyio.sleep(poll)
                if await is_disconnected():
                    gone.set()
                    return

        tasks.start_soon(watch)
        try:
            result["value"] = await anyio.to_thread.run_sync(work, should_stop)
        except Exception as exc:  # noqa: BLE001 - raised again below, outside the group (which would wrap it)
            result["error"] = exc
        finally:
            tasks.cancel_scope.cancel()
    if "error" in result:
        raise result["error"]
    return result["value"]
