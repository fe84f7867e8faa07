"""The JSON API under ``/api``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import Field
from starlette.exceptions import HTTPException

from gesta.version import __version__
from gesta.web import meta, reads
from gesta.web.auth import require_token
from gesta.web.cache import MISSING, ReadCache, Validity
from gesta.web.limits import DEFAULT_PAGE, INGEST_TIMEOUT_S, MAX_BATCH, MAX_OFFSET, MAX_PAGE
from gesta.web.models import ArticleIn, Filters, event_filters
from gesta.web.pool import StorePool
from gesta.web.writer import StoreWriter, WriterBusy

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api")
FilterDep = Annotated[Filters, Depends(event_filters)]
ERRORS: dict[int | str, dict[str, Any]] = {422: {"description": "invalid parameters"}}


def _pool(request: Request) -> StorePool:
    pool: StorePool = request.app.state.pool
    return pool


def _cached(request: Request, filters: Filters,
            compute: Callable[[duckdb.DuckDBPyConnection], tuple[bytes, reads.Page | None]]) -> bytes:
    """The answer for this path and query string: cached until a commit adds events that change it."""
    cache: ReadCache = request.app.state.cache
    key = _cache_key(request)

    def run(con: duckdb.DuckDBPyConnection) -> tuple[bytes, Validity]:
        body, page = compute(con)
        merged_ids = page.merged_ids if page else frozenset()

        def matches(con: duckdb.DuckDBPyConnection, first: int, last: int, seqs: list[int] | None) -> bool:
            return reads.new_events_match(con, filters, first, last, merged_ids if seqs is None else None, seqs)

        return body, Validity(matches, filters.store.since, filters.store.until, merged_ids,
                              page.last_key if page else None)

    with _pool(request).reader() as con:
        body: bytes = cache.get_or_compute(key, con, run)
        return body


def _cache_key(request: Request) -> tuple[str, tuple[tuple[str, str], ...]]:
    return request.url.path, tuple(sorted(request.query_params.multi_items()))


async def _answer(request: Request, filters: Filters,
                  compute: Callable[[duckdb.DuckDBPyConnection], tuple[bytes, reads.Page | None]]) -> Response:
    """A cached answer known to be exact is sent from the event loop; anything else (a query) runs
    on a worker thread with a reader connection."""
    cache: ReadCache = request.app.state.cache
    body = cache.get_fast(_cache_key(request))
    if body is MISSING:
        body = await run_in_threadpool(_cached, request, filters, compute)
    return Response(body, media_type="application/json")


def _json(value: Any) -> bytes:
    """What FastAPI sends for a returned value (JSONResponse of its jsonable form)."""
    return bytes(JSONResponse(jsonable_encoder(value)).body)


@router.get("/health", summary="liveness, store size and writer state")
def get_health(request: Request) -> dict[str, Any]:
    pool = _pool(request)
    with pool.reader() as con:
        counts = reads.health(con)
    writer: StoreWriter = request.app.state.writer
    return {"status": "ok", "version": __version__, "db": pool.db_path.name, **counts,
            "writer": writer.status(), "cache": request.app.state.cache.stats(), "auth_required_for_writes": bool(request.app.state.token)}


@router.get("/events", summary="events matching filters, in stable order, paged", responses={
    200: {"description": "a page: events, count, limit, offset, next_cursor",
          "content": {"application/json": {"schema": {"type": "object"}}}}, **ERRORS})
async def get_events(
    request: Request,
    filters: FilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    cursor: Annotated[str | None, Query(max_length=512, description="next_cursor of the previous page")] = None,
) -> Response:
    def compute(con: duckdb.DuckDBPyConnection) -> tuple[bytes, reads.Page]:
        page = reads.events_page_json(con, filters, limit, offset, cursor)
        return page.body, page

    return await _answer(request, filters, compute)


@router.get("/events/{event_id}", summary="one event with its article, mentions, outlets and disputes",
            responses={404: {"description": "no such event"}})
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    if len(event_id) > 64:
        raise HTTPException(404, "no event with this id")
    with _pool(request).reader() as con:
        found = reads.event_detail(con, event_id)
    if found is None:
        raise HTTPException(404, "no event with this id")
    return found


@router.get("/stats", summary="counts by day and quad class, type, country and place", responses={
    200: {"description": "totals and counts", "content": {"application/json": {"schema": {"type": "object"}}}},
    **ERRORS})
async def get_stats(request: Request, filters: FilterDep) -> Response:
    return await _answer(request, filters, lambda con: (_json(reads.stats(con, filters)), None))


@router.get("/actors", summary="top actors and source-target dyads", responses={
    200: {"description": "actors, dyads, names", "content": {"application/json": {"schema": {"type": "object"}}}},
    **ERRORS})
async def get_actors(request: Request, filters: FilterDep,
                     top: Annotated[int, Query(ge=1, le=200)] = 30) -> Response:
    return await _answer(request, filters, lambda con: (_json(reads.actors(con, filters, top)), None))


@router.get("/meta", summary="names of CAMEO roots, PLOVER types and ACLED types (for filter menus)")
def get_meta() -> dict[str, Any]:
    return meta.vocabulary()


ArticleBody = Annotated[ArticleIn | Annotated[list[ArticleIn], Field(min_length=1)], Body(
    description=f"one article, or a list of at most {MAX_BATCH}")]


@router.post("/articles", summary="code articles, store them and return their events",
             dependencies=[Depends(require_token)],
             responses={400: {"description": "body is not JSON"}, 401: {"description": "token missing or wrong"},
                        413: {"description": "too large"}, 504: {"description": "ingest timed out"},
                        503: {"description": "ingest queue full"}, **ERRORS})
async def post_articles(request: Request, payload: ArticleBody) -> dict[str, Any]:
    items = payload if isinstance(payload, list) else [payload]
    if len(items) > MAX_BATCH:
        raise HTTPException(413, f"too many articles in one request ({len(items)}; limit {MAX_BATCH})")
    if not items:
        raise HTTPException(422, "no articles given")
    articles = [item.to_article(n) for n, item in enumerate(items)]
    writer: StoreWriter = request.app.state.writer
    try:
        future = await run_in_threadpool(writer.submit, articles)
    except WriterBusy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "5"}) from None
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), INGEST_TIMEOUT_S)
    except TimeoutError:
        raise HTTPException(504, "ingest took too long; the articles stay queued and will be stored") from None
