"""Merging across articles, near-duplicate sources and disputed events."""

from __future__ import annotations

from pathlib import Path

from store_helpers import WIRE_TEXT, check_records, make_article, make_record

from gesta.store import EventFilter, open_store, query_events, store_coded
from gesta.store.minhash import signature


def _merged(db: Path) -> list[dict]:
    records = list(query_events(db, EventFilter(merged=True)))
    check_records(records)
    return records


def test_same_event_from_two_articles_merges(tmp_path: Path) -> None:
    a = make_article("a", "site-1")
    b = make_article("b", "Wire Two", text="Kyiv said Russian troops attacked its soldiers near Kharkiv. " * 4)
    db = tmp_path / "s.duckdb"
    store_coded([(a, [make_record(a)]), (b, [make_record(b)])], db)
    [merged] = _merged(db)
    assert (merged["num_mentions"], merged["num_articles"], merged["num_sources"]) == (2, 2, 2)
    assert merged["disputed"] is False
    con = open_store(db, read_only=True)
    mentions = con.execute("SELECT article_id, outlet, evidence FROM mentions ORDER BY seq").fetchall()
    assert [m[:2] for m in mentions] == [("a", "site-1"), ("b", "Wire Two")]
    assert all("attacked" in m[2] for m in mentions)


def test_different_place_or_day_does_not_merge(tmp_path: Path) -> None:
    a, b, c = (make_article(x, "o", text=f"Report {x}: an attack near Kharkiv. " * 4) for x in "abc")
    other_place = {**make_record(b)["location"], "name": "Sumy", "admin1": "Sumy Oblast"}
    db = tmp_path / "s.duckdb"
    store_coded([(a, [make_record(a)]), (b, [make_record(b, location=other_place)]),
                 (c, [make_record(c, date="2024-03-06")])], db)
    assert len(_merged(db)) == 3


def test_syndicated_copy_counts_once_as_source(tmp_path: Path) -> None:
    original = make_article("dpa", "site-1", title="Attack near Kharkiv")
    copy = make_article("copy", "site-3", text=WIRE_TEXT.replace("the army said", "the army said (dpa)") + "© dpa",
                        title="Kharkiv: Russian attack")
    other = make_article("own", "Wire Two", text="Ukraine's army reported a Russian assault near Kharkiv. " * 4)
    assert signature(original.text).similarity(signature(copy.text)) >= 0.8
    db = tmp_path / "s.duckdb"
    store_coded([(original, [make_record(original)]), (copy, [make_record(copy)]),
                           (other, [make_record(other)])], db)
    [merged] = _merged(db)
    assert (merged["num_articles"], merged["num_sources"], merged["num_mentions"]) == (3, 2, 3)
    con = open_store(db, read_only=True)
    groups = dict(con.execute("SELECT article_id, dup_group FROM articles").fetchall())
    assert groups["copy"] == groups["dpa"] != groups["own"]


def test_near_duplicate_found_across_batches(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = make_article("dpa", "site-1")
    store_coded([(first, [make_record(first)])], db)
    copy = make_article("copy", "site-3", text=WIRE_TEXT + " Photo: dpa")
    store_coded([(copy, [make_record(copy)])], db)
    [merged] = _merged(db)
    assert (merged["num_articles"], merged["num_sources"]) == (2, 1)


def test_assertion_and_denial_are_disputed(tmp_path: Path) -> None:
    a = make_article("a", "site-1")
    b = make_article("b", "Wire Two", text="The Kremlin denied that its forces attacked anyone near Kharkiv. " * 3)
    c = make_article("c", "Daily", text="Moscow said the report was false and nobody attacked Kharkiv. " * 3)
    kyiv = {"speaker": {"text": "Kyiv", "code": "UKR", "country": "UKR", "sector": None, "name": None},
            "via": None, "cue": "said"}
    kremlin = {"speaker": {"text": "Kremlin", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "name": None},
               "via": None, "cue": "denied"}
    moscow = {"speaker": {"text": "Moscow", "code": "RUS", "country": "RUS", "sector": None, "name": None},
              "via": None, "cue": "said"}
    negated = {"negated": True, "hypothetical": False, "future": False}
    db = tmp_path / "s.duckdb"
    store_coded([(a, [make_record(a, attribution=kyiv)]), (b, [make_record(b, attribution=kremlin)]),
                 (c, [make_record(c, attribution=moscow, modality=negated)])], db)
    [merged] = _merged(db)
    assert merged["disputed"] is True
    assert merged["asserted_by"] == ["Kyiv"]
    assert sorted(merged["denied_by"]) == ["Kremlin", "Moscow"]


def test_agreeing_reports_are_not_disputed(tmp_path: Path) -> None:
    a, b = make_article("a", "x"), make_article("b", "y", text="Another text entirely about the same attack. " * 3)
    db = tmp_path / "s.duckdb"
    store_coded([(a, [make_record(a)]), (b, [make_record(b)])], db)
    assert _merged(db)[0]["disputed"] is False


def test_every_mention_carries_its_merged_events_counts_across_batches(tmp_path: Path) -> None:
    """The writer refreshes the counts of earlier mentions when a later batch adds one."""
    db = tmp_path / "s.duckdb"
    first = make_article("a", "site-1")
    store_coded([(first, [make_record(first)])], db)
    second = make_article("b", "Wire Two", text="Kyiv said Russian troops attacked its soldiers near Kharkiv. " * 4)
    store_coded([(second, [make_record(second)])], db)
    con = open_store(db, read_only=True)
    names = "num_mentions, num_sources, num_articles, disputed, asserted_by"
    stored = con.execute(f"SELECT {names} FROM events ORDER BY seq").fetchall()
    view = con.execute(f"SELECT {names} FROM merged_events").fetchall()
    assert [s[:4] for s in stored] == [(2, 2, 2, False)] * 2
    assert [(*s[:4], sorted(s[4])) for s in stored] == [(*v[:4], sorted(v[4])) for v in view] * 2
