"""The event store: coded articles, evidence and events in an embedded DuckDB file.

``ingest`` codes and stores articles; ``query_events`` reads events back with filters;
``export`` writes GDELT, PLOVER, ACLED, Parquet, GeoJSON and CSV. See ``docs/store.md``.
"""

from gesta.store.db import DEFAULT_DB, open_store
from gesta.store.ingest import IngestSummary, ingest

__all__ = ["DEFAULT_DB", "IngestSummary", "ingest", "open_store"]
