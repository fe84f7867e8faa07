"""Request shapes: event filters (query parameters) and articles (POST bodies)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException

from gesta.document import Article
from gesta.store import EventFilter
from gesta.web.limits import MAX_TEXT_CHARS

NUMBER = r"-?[0-9]+(\.[0-9]+)?"
NEAR_PATTERN = f"^{NUMBER},{NUMBER},{NUMBER}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def iso_date(name: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD parameter as a date (only that form: no timestamps, no "0")."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} is not a valid date (YYYY-MM-DD): {value[:20]!r}") from None


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of ``gesta events`` plus a text search ``q``."""

    store: EventFilter
    q: str | None = None


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,km`` to a tuple; 422 when malformed or out of range."""
    if not value:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(422, f"near must be LAT,LON,KM (got {value[:40]!r})") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise HTTPException(422, "near needs -90<=LAT<=90, -180<=LON<=180 and 0<KM<=20000")
    return lat, lon, km


async def event_filters(
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="events on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="events on or before this date (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(max_length=3, pattern="^[A-Za-z]{3}$",
                                         description="ISO 3166 alpha-3: source, target or location")] = None,
    actor: Annotated[str | None, Query(max_length=32, description="CAMEO actor code prefix")] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern="^[0-9]{1,4}$",
                                       description="CAMEO code or prefix (19 = root 19)")] = None,
    plover: Annotated[str | None, Query(max_length=32, description="PLOVER event type, e.g. ASSAULT")] = None,
    acled: Annotated[str | None, Query(max_length=64, description="ACLED event type, e.g. Battles")] = None,
    near: Annotated[str | None, Query(max_length=64, pattern=NEAR_PATTERN, description="LAT,LON,KM")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text search in evidence, actors, place")] = None,
    merged: Annotated[bool, Query(description="one row per merged event (its first mention)")] = False,
) -> Filters:
    """A FastAPI dependency reading the filter query parameters (async: no worker thread for this)."""
    first, last = iso_date("since", since), iso_date("until", until)
    if first and last and first > last:
        raise HTTPException(422, "since is after until")
    store = EventFilter(since=first, until=last, country=country or None, actor=actor or None,
                        cameo=cameo or None, plover=plover or None, acled=acled or None,
                        near=parse_near(near), merged=merged)
    return Filters(store=store, q=(q or "").strip().lower() or None)


class ArticleIn(BaseModel):
    """One article, with the fields of a JSON Lines input line."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{
        "id": "demo-1", "title": "Ministers meet in Nairobi", "published": "2024-04-03", "source": "example-wire",
        "text": "German Chancellor Olaf Scholz met Kenyan President William Ruto in Nairobi on Wednesday."}]})

    id: Annotated[str, Field(max_length=256)] | Annotated[int, Field(strict=True)] | None = None
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"\S")
    title: str | None = Field(default=None, max_length=2_000)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=256)
    url: str | None = Field(default=None, max_length=2_048)
    language: str | None = Field(default=None, max_length=16)

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date_only(cls, value: object) -> object:
        if value is not None and not isinstance(value, (str, dt.date)):
            raise ValueError("published must be an ISO date string (YYYY-MM-DD)")
        return value

    def to_article(self, position: int) -> Article:
        ident = None if self.id is None else str(self.id)
        return Article(id=ident or f"api:{position}", text=self.text, title=self.title or None,
                       published=self.published, source=self.source or None, url=self.url or None,
                       language=self.language or None, origin=f"api:{ident or position}")
