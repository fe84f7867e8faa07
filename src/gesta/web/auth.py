"""Bearer-token check for write endpoints (only when a token is configured)."""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException


def require_token(request: Request) -> None:
    """A FastAPI dependency: 401 unless the request carries ``Authorization: Bearer <token>``."""
    token: str | None = request.app.state.token
    if not token:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
