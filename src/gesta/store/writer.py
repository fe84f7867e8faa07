"""Pending rows of one batch and their atomic commit (one transaction per batch)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from gesta.document import Article
from gesta.errors import InputError, StoreError
from gesta.store import rows
from gesta.store.minhash import THRESHOLD, Signature, signature
from gesta.store.schema import MERGED_ID_SQL, refresh_merged_counts

if TYPE_CHECKING:
    from gesta.store.ingest import IngestSummary

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Candidate:
    article_hash: str
    group: str
    signature: Signature


@dataclass(slots=True)
class _Pending:
    articles: list[dict[str, Any]] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)


class BatchWriter:
    """Collects a batch of articles, events and rejects and commits them together."""

    def __init__(self, con: duckdb.DuckDBPyConnection, summary: IngestSummary) -> None:
        self.con = con
        self.summary = summary
        self.known = {row[0] for row in con.execute("SELECT article_hash FROM articles").fetchall()}
        self.known_rejects = {row[0] for row in con.execute("SELECT reject_key FROM rejects").fetchall()}
        self.article_seq = _next(con, "articles")
        self.event_seq = _next(con, "events")
        self.pending = _Pending()

    @property
    def pending_articles(self) -> int:
        return len(self.pending.articles)

    def key_of(self, article: Article) -> str:
        return rows.article_hash(article.text, article.title)

    def is_stored(self, key: str) -> bool:
        return key in self.known

    def add_reject(self, error: InputError) -> None:
        self.summary.rejects += 1
        self.summary.reject_messages.append(str(error))
        key = rows.reject_key(error.source, error.line, error.reason)
        if key in self.known_rejects:
            return
        self.known_rejects.add(key)
        self.summary.rejects_new += 1
        self.pending.rejects.append({"reject_key": key, "file": error.source, "line": error.line,
                                     "reason": error.reason, "first_seen": dt.datetime.now()})

    def add_article(self, article: Article, key: str, records: list[dict[str, Any]], now: dt.datetime) -> None:
        self.known.add(key)
        self.pending.articles.append(rows.article_row(article, key, self.article_seq, now))
        self.pending.signatures.append(signature(article.text))
        self.article_seq += 1
        self.pending.sentences.extend(rows.sentence_rows(key, records))
        for record in records:
            self.pending.events.append(rows.event_row(record, key, self.event_seq))
            self.event_seq += 1
        self.summary.articles_new += 1
        self.summary.events += len(records)

    def commit(self) -> None:
        """Write the pending batch in one transaction (nothing if it is empty)."""
        batch = self.pending
        if not (batch.articles or batch.rejects):
            return
        bands = self._assign_groups(batch)
        self.con.execute("BEGIN TRANSACTION")
        try:
            _insert(self.con, "articles", rows.ARTICLE_COLUMNS, batch.articles)
            _insert(self.con, "sentences", rows.SENTENCE_COLUMNS, batch.sentences)
            _insert(self.con, "events", rows.EVENT_COLUMNS, batch.events, ("merged_id", MERGED_ID_SQL))
            self._refresh_counts(batch)
            _insert(self.con, "article_bands", ("band_key", "article_hash"), bands)
            _insert(self.con, "rejects", rows.REJECT_COLUMNS, batch.rejects)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot write a batch to the store: {exc}") from exc
        self.summary.batches += 1
        log.info("committed batch %d: %d article(s), %d event(s), %d reject(s)", self.summary.batches,
                 len(batch.articles), len(batch.events), len(batch.rejects))
        self.pending = _Pending()

    def _refresh_counts(self, batch: _Pending) -> None:
        """The counts of the merged events this batch added mentions to, on all their mentions."""
        if not batch.events:
            return
        seqs = [batch.events[0]["seq"], batch.events[-1]["seq"]]
        merged = self.con.execute("SELECT DISTINCT merged_id, day FROM events WHERE seq BETWEEN ? AND ?", seqs).fetchall()
        refresh_merged_counts(self.con, [m for m, _day in merged], [day for _m, day in merged])

    def _assign_groups(self, batch: _Pending) -> list[dict[str, Any]]:
        """Set each new article's near-duplicate group; returns the LSH band rows to store."""
        keys = [sig.band_keys() for sig in batch.signatures]
        index = self._stored_candidates({k for ks in keys for k in ks})
        bands: list[dict[str, Any]] = []
        for row, sig, article_keys in zip(batch.articles, batch.signatures, keys, strict=True):
            best = _best_match(sig, (c for k in article_keys for c in index.get(k, ())))
            row["dup_group"] = best.group if best else row["article_hash"]
            row["minhash"] = sig.to_bytes()
            self.summary.near_duplicates += best is not None
            mine = _Candidate(row["article_hash"], row["dup_group"], sig)
            for key in article_keys:
                index.setdefault(key, []).append(mine)
                bands.append({"band_key": key, "article_hash": row["article_hash"]})
        return bands

    def _stored_candidates(self, keys: set[int]) -> dict[int, list[_Candidate]]:
        if not keys:
            return {}
        table = pa.table({"band_key": pa.array(sorted(keys), pa.uint64())})
        self.con.register("gesta_batch_keys", table)
        try:
            found = self.con.execute("""
                SELECT b.band_key, a.article_hash, a.dup_group, a.minhash
                FROM article_bands b JOIN articles a USING (article_hash)
                WHERE b.band_key IN (SELECT band_key FROM gesta_batch_keys)
                ORDER BY a.seq""").fetchall()
        finally:
            self.con.unregister("gesta_batch_keys")
        index: dict[int, list[_Candidate]] = {}
        for key, article_key, group, blob in found:
            index.setdefault(int(key), []).append(_Candidate(article_key, group, Signature.from_bytes(blob)))
        return index


def _best_match(sig: Signature, candidates: Any) -> _Candidate | None:
    best, best_score = None, THRESHOLD
    for candidate in candidates:
        score = sig.similarity(candidate.signature)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = candidate, score
    return best


def _next(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT coalesce(max(seq), -1) + 1 FROM {table}").fetchall()[0]  # table: a constant
    return int(row[0])


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], data: list[dict[str, Any]],
            extra: tuple[str, str] | None = None) -> None:
    if not data:
        return
    arrow = pa.Table.from_pylist(data).select(list(columns))
    con.register("gesta_batch", arrow)
    try:
        names = ", ".join(columns)
        target = f"{names}, {extra[0]}" if extra else names
        source = f"{names}, {extra[1]}" if extra else names
        con.execute(f"INSERT INTO {table} ({target}) SELECT {source} FROM gesta_batch")  # names: constants
    finally:
        con.unregister("gesta_batch")
