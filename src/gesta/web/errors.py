"""Exception handlers: clear JSON errors for the client, never a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from gesta.errors import GestaError, InputError, StoreError, UsageError
from gesta.web.limits import error_body

log = logging.getLogger(__name__)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(UsageError, _client_error)  # type: ignore[arg-type]
    app.add_exception_handler(InputError, _client_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(GestaError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)


def _json(status: int, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, **extra), status_code=status, headers=headers)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    return _json(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [{"location": [str(p) for p in error.get("loc", ())], "message": str(error.get("msg", ""))}
               for error in exc.errors()]
    first = details[0] if details else {"location": [], "message": "invalid request"}
    where = ".".join(first["location"][1:] or first["location"])
    return _json(422, f"invalid request: {where}: {first['message']}", details=details)


async def _client_error(request: Request, exc: GestaError) -> JSONResponse:
    return _json(400, str(exc))


async def _store_error(request: Request, exc: GestaError) -> JSONResponse:
    log.error("store error on %s %s: %s", request.method, request.url.path, exc)
    return _json(503, "the event store is not available; see the server log")


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return _json(500, "internal server error; see the server log")
