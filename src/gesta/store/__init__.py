"""The event store: coded articles, evidence and events in an embedded DuckDB file.

``ingest`` codes and stores articles; ``query_events`` reads events back with filters;
``export`` writes GDELT, PLOVER, ACLED, Parquet, GeoJSON and CSV. See ``docs/store.md``.
"""

from gesta.store.db import DEFAULT_DB, open_store
from gesta.store.ingest import IngestSummary, ingest, store_coded
from gesta.store.query import EventFilter, query_events

__all__ = ["DEFAULT_DB", "EventFilter", "IngestSummary", "ingest", "open_store", "query_events", "store_coded"]
