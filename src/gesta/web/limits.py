"""Request limits and the ASGI middleware that enforces the body size limit (413)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 4 * 1024 * 1024  # one request body (a batch of articles)
MAX_BATCH = 100  # articles per POST /api/articles
MAX_TEXT_CHARS = 500_000  # one article's text
MAX_PAGE = 500  # events per GET /api/events page
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
QUEUE_SIZE = 64  # ingest jobs waiting for the writer before POST answers 503
INGEST_TIMEOUT_S = 600.0


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


class BodyLimitMiddleware:
    """Answers 413 when a request body is larger than ``limit`` bytes.

    Checks ``Content-Length`` first, then counts streamed (chunked) bodies as they arrive.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await _reject(send, self.limit)
            return
        seen = 0
        exceeded = rejected = False

        async def limited_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # The app may turn BodyTooLarge into its own error answer (a 400): send 413 instead.
            nonlocal rejected
            if not exceeded:
                await send(message)
            elif message["type"] == "http.response.start" and not rejected:
                rejected = True
                await _reject(send, self.limit)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except BodyTooLarge:
            if not rejected:
                await _reject(send, self.limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _reject(send: Send, limit: int) -> None:
    body = json.dumps(error_body(413, f"request body too large (limit {limit} bytes)")).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON shape of every error answer: ``{"error": {"status": ..., "message": ...}}``."""
    return {"error": {"status": status, "message": message, **extra}}
