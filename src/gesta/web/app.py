"""The application factory: API routes, dashboard files, limits, errors, one writer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesta.version import __version__
from gesta.web.cache import CommitLog, ReadCache
from gesta.web.coding import PipelineFactory, ProcessCoder, ThreadCoder
from gesta.web.errors import install_handlers
from gesta.web.limits import MAX_BODY_BYTES, BodyLimitMiddleware
from gesta.web.pool import StorePool
from gesta.web.routes import router
from gesta.web.writer import StoreWriter

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


def static_dir() -> Path:
    return Path(str(resources.files("gesta.web") / "static"))


def default_pipeline() -> object:
    from gesta.api import load

    return load()


def create_app(db_path: str | Path, token: str | None = None,
               pipeline_factory: PipelineFactory = default_pipeline,  # type: ignore[assignment]
               readers: int = 8, warm: bool = False, code_in_process: bool = False) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``token``: when set, POST requests need ``Authorization: Bearer <token>``.
    ``pipeline_factory``: builds the pipeline (lazily, on the writer thread; tests inject one).
    ``warm``: build the pipeline at startup instead of on the first POST.
    ``code_in_process``: code in a child process (``pipeline_factory`` must then be picklable),
    so coding does not hold this process's GIL while queries are answered.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = StorePool(db_path, readers=readers)
        commits = CommitLog()
        coder = ProcessCoder(pipeline_factory) if code_in_process else ThreadCoder(pipeline_factory)
        writer = StoreWriter(pool.writer_connection, str(db_path), coder, commits=commits)
        writer.start(warm=warm)
        app.state.pool, app.state.writer, app.state.cache = pool, writer, ReadCache(commits)
        log.info("serving %s (%s)", db_path, "token required for POST" if token else "no token")
        try:
            yield
        finally:
            writer.stop()
            pool.close()

    app = FastAPI(title="gesta", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Political event data from news articles: query stored events, code new articles.")
    app.state.token = token or None
    install_handlers(app)
    app.include_router(router)
    _mount_dashboard(app)
    app.add_middleware(BodyLimitMiddleware, limit=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _mount_dashboard(app: FastAPI) -> None:
    folder = static_dir()
    app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(folder / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")


class SecurityHeadersMiddleware:
    """Adds a strict Content-Security-Policy (no inline script) and related headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)
