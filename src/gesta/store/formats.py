"""Values of one merged event in each export format's terms (see ``data/formats/*.csv``)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from gesta.resources import data_dir, read_csv

GROUP_SECTORS = frozenset({"IGO", "NGO", "REB", "INS", "IMG"})


@functools.lru_cache(maxsize=1)
def geo_types() -> dict[int, tuple[str, str]]:
    """gesta location precision -> (GDELT Geo_Type, ACLED geo_precision)."""
    path = data_dir() / "formats" / "geo_types.csv"
    rows = read_csv(path, ("precision", "gdelt_geo_type", "acled_geo_precision"))
    return {int(r["precision"]): (r["gdelt_geo_type"], r["acled_geo_precision"]) for _, r in rows}


def cell(value: Any) -> str:
    """A value as a text cell: empty for None, no tabs or newlines."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).replace("\t", " ").replace("\n", " ")


def global_event_id(merged_id: str) -> int:
    return int(merged_id[:15], 16)


def _actor(record: dict[str, Any], role: str, prefix: str) -> dict[str, Any]:
    actor = record.get(role) or {}
    sector = actor.get("sector")
    return {
        f"{prefix}_code": actor.get("code"),
        f"{prefix}_name": actor.get("name") or actor.get("text"),
        f"{prefix}_country": actor.get("country"),
        f"{prefix}_sector": sector,
        f"{prefix}_group": actor.get("code") if sector in GROUP_SECTORS else None,
    }


def _place(record: dict[str, Any]) -> dict[str, Any]:
    location = record.get("location") or {}
    parts = [location.get(k) for k in ("name", "admin1", "country")]
    precision = location.get("precision")
    types = geo_types().get(int(precision)) if precision else None
    return {
        "location_name": location.get("name"), "location_country": location.get("country"),
        "location_admin1": location.get("admin1"), "lat": location.get("lat"), "lon": location.get("lon"),
        "geo_fullname": ", ".join(p for p in parts if p) or None,
        "geo_type": types[0] if types else None, "geo_precision": types[1] if types else None,
    }


def gdelt_values(row: dict[str, Any]) -> dict[str, Any]:
    """Named values for the GDELT columns of ``data/formats/gdelt_events.csv``."""
    record, day = row["record"], row["day"]
    cameo = record["cameo"]
    values: dict[str, Any] = {
        "global_event_id": global_event_id(row["merged_id"]),
        "cameo_code": cameo["code"], "cameo_base": cameo["code"][:3], "cameo_root": cameo["root"],
        "quad_class": record["quad_class"], "goldstein": record["goldstein"],
        "num_mentions": row["num_mentions"], "num_sources": row["num_sources"],
        "num_articles": row["num_articles"],
        "is_root_event": int(record["section"] == "headline" or record["sentence_index"] <= 1),
        "date_added": row["ingested_at"].strftime("%Y%m%d%H%M%S") if row["ingested_at"] else None,
        "source_url": row["source_url"],
    }
    if day is not None:
        values.update(sqldate=day.strftime("%Y%m%d"), month_year=day.strftime("%Y%m"), year=day.year,
                      fraction_date=f"{day.year + day.timetuple().tm_yday / 365:.4f}")
    values.update(_actor(record, "source", "source"))
    values.update(_actor(record, "target", "target"))
    values.update(_place(record))
    return values


def _label(record: dict[str, Any], role: str) -> str | None:
    actor = record.get(role)
    if not actor:
        return None
    return f"{actor.get('name') or actor['text']} [{actor['code']}]"


def acled_values(row: dict[str, Any]) -> dict[str, Any]:
    """Named values for the ACLED columns of ``data/formats/acled.csv``."""
    record, day = row["record"], row["day"]
    acled = record.get("acled") or {}
    place = _place(record)
    country = place["location_country"] or (record.get("source") or {}).get("country")
    target = record.get("target") or {}
    stored = row["ingested_at"]
    return {
        **place,
        "acled_id": f"{country or 'XXX'}{global_event_id(row['merged_id'])}",
        "event_date": day.isoformat() if day else None, "year": day.year if day else None,
        "time_precision": 1 if record.get("date") else 2,
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "source_label": _label(record, "source"), "target_label": _label(record, "target"),
        "civilian_targeting": "Civilian targeting" if target.get("sector") == "CVL" else None,
        "country": country, "outlets": "; ".join(sorted({m["outlet"] or "" for m in row["mentions"]} - {""})),
        "evidence": record["evidence"]["text"], "fatalities": row["max_fatalities"] or 0,
        "tags": "disputed" if row["disputed"] else None,
        "timestamp": int(stored.replace(tzinfo=dt.UTC).timestamp()) if stored else None,
    }


def plover_event(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER/POLECAT-style event: type, mode, context, actors, place, mentions."""
    record, day = row["record"], row["day"]
    plover = record.get("plover") or {}
    return {
        "event_id": row["merged_id"], "event_date": day.isoformat() if day else None,
        "event_type": plover.get("type"), "event_mode": plover.get("mode"),
        "event_context": plover.get("context"), "cameo": record["cameo"]["code"],
        "actor": record.get("source"), "recipient": record.get("target"),
        "location": record.get("location"), "fatalities": row["max_fatalities"],
        "num_mentions": row["num_mentions"], "num_sources": row["num_sources"],
        "num_articles": row["num_articles"], "disputed": bool(row["disputed"]),
        "asserted_by": row["asserted_by"] or [], "denied_by": row["denied_by"] or [],
        "mentions": row["mentions"], "record": record,
    }


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON point feature, or None when the event has no coordinates."""
    record = row["record"]
    location = record.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return None
    properties = {k: v for k, v in plover_event(row).items() if k not in ("mentions", "record")}
    properties["cameo_name"] = record["cameo"]["name"]
    properties["evidence"] = record["evidence"]["text"]
    return {"type": "Feature", "id": row["merged_id"],
            "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
            "properties": properties}
