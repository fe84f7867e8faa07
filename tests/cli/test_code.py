"""``gesta code``: formats, output files, options and exit codes, in-process and as a command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import gesta
import gesta.cli.code
from gesta.cli import main
from gesta.output import CSV_COLUMNS
from gesta.settings import Settings

GOOD = (
    "Kyiv summons envoy\n\n"
    "Separatist leaders in eastern Ukraine have asked Russian President Vladimir Putin for "
    "military assistance.\n\nThe EU and the US imposed far-reaching sanctions on Russia.\n"
)


def gesta_command(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gesta", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture
def fast_load(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs reuse the session pipeline when the settings are the defaults."""
    real = gesta.cli.code.load

    def load(settings: Settings | None = None) -> Any:
        return pipeline if settings in (None, Settings()) else real(settings)

    monkeypatch.setattr(gesta.cli.code, "load", load)


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# --- through the real entry point --------------------------------------------------------


@pytest.mark.usefixtures("fast_load")
def test_command_end_to_end(
    capsys: pytest.CaptureFixture[str], good_file: Path, tmp_path: Path, validate_record: Any
) -> None:
    """One run of the real command (loading the coder is the slow part): good file, standard
    input, a bad JSONL line and a missing path; then CSV in-process gives the same events."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Russia imposed sanctions on Ukraine."}\n{oops\n', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    done = gesta_command(
        "code", "--published", "2022-02-23", "--format", "jsonl", str(good_file), "-", str(bad), str(missing),
        stdin=GOOD.encode(),
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert f"{bad}:2: not valid JSON" in done.stderr
    assert f"{missing}: no such file" in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("gesta: 2 input(s) failed; 3 article(s) coded")
    everything = jsonl(done.stdout)
    for record in everything:
        validate_record(record)
        assert record["published"] == "2022-02-23"
    assert {r["article_id"] for r in everything} == {str(good_file), "-", "ok"}
    records = [r for r in everything if r["article_id"] == str(good_file)]
    piped = [r for r in everything if r["article_id"] == "-"]
    assert records and [r["cameo"]["code"] for r in piped] == [r["cameo"]["code"] for r in records]

    code, out, _ = run_main(capsys, "code", "--published", "2022-02-23", "--format", "csv", str(good_file))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in records]  # ids stable across processes
    assert [r["cameo_code"] for r in rows] == [r["cameo"]["code"] for r in records]
    assert [r["published"] for r in rows] == ["2022-02-23"] * len(records)


@pytest.mark.parametrize(
    "args",
    [
        ["code", "--no-such-option", "x.txt"],
        ["code", "--published", "23.02.2022", "x.txt"],
    ],
)
def test_command_usage_errors_exit_2(args: list[str]) -> None:
    done = gesta_command(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr, done.stderr
    assert "error" in done.stderr
    assert done.stdout == ""


@pytest.mark.usefixtures("fast_load")
@pytest.mark.parametrize("where", ["no/such/dir.jsonl", "."])
def test_unwritable_output_exit_2(
    capsys: pytest.CaptureFixture[str], good_file: Path, tmp_path: Path, where: str
) -> None:
    code, out, err = run_main(capsys, "code", str(good_file), "-o", str(tmp_path / where))
    assert code == 2
    assert "Traceback" not in err and "cannot write" in err


# --- in-process --------------------------------------------------------------------------


@pytest.mark.usefixtures("fast_load")
def test_formats_in_process(capsys: pytest.CaptureFixture[str], good_file: Path, validate_record: Any) -> None:
    code, out, err = run_main(capsys, "code", "--format", "jsonl", str(good_file))
    assert code == 0 and err == ""
    records = jsonl(out)
    assert records
    for record in records:
        validate_record(record)
        assert record["published"] is None
    code, out, _ = run_main(capsys, "code", "--format", "csv", str(good_file))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in records]
    code, out, _ = run_main(capsys, "code", "--format", "table", str(good_file))
    assert code == 0
    assert f"{len(records)} events" in out
    assert records[0]["cameo"]["code"] in out


@pytest.mark.usefixtures("fast_load")
@pytest.mark.parametrize(("name", "kind"), [("out.csv", "csv"), ("out.jsonl", "jsonl"), ("out.txt", "jsonl"),
                                            ("OUT.CSV", "csv")])
def test_output_file_suffix_picks_format(
    capsys: pytest.CaptureFixture[str], good_file: Path, tmp_path: Path, name: str, kind: str
) -> None:
    target = tmp_path / name
    code, out, _ = run_main(capsys, "code", str(good_file), "-o", str(target))
    assert code == 0 and out == ""
    written = target.read_text(encoding="utf-8")
    if kind == "csv":
        rows = list(csv.DictReader(io.StringIO(written)))
        assert rows and tuple(rows[0].keys()) == CSV_COLUMNS
    else:
        assert jsonl(written) and all("event_id" in r for r in jsonl(written))


@pytest.mark.usefixtures("fast_load")
def test_format_option_beats_suffix(capsys: pytest.CaptureFixture[str], good_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, _, _ = run_main(capsys, "code", "--format", "jsonl", str(good_file), "-o", str(target))
    assert code == 0
    assert jsonl(target.read_text(encoding="utf-8"))


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.usefixtures("fast_load")
def test_standard_input_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(GOOD.encode()))
    code, out, _ = run_main(capsys, "code", "--source", "piped", "-")
    assert code == 0
    records = jsonl(out)  # not a terminal: JSON Lines by default
    assert records and all(r["article_id"] == "-" and r["outlet"] == "piped" for r in records)


@pytest.mark.usefixtures("fast_load")
def test_published_and_source_options(capsys: pytest.CaptureFixture[str], good_file: Path) -> None:
    code, out, _ = run_main(capsys, "code", "--published", "2022-02-23", "--source", "wire", str(good_file))
    assert code == 0
    records = jsonl(out)
    assert records and all(r["published"] == "2022-02-23" and r["outlet"] == "wire" for r in records)


@pytest.mark.usefixtures("fast_load")
def test_seed_source_tag_unless_source_given(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    _, out, _ = run_main(capsys, "code", str(seed_path))
    assert {r["outlet"] for r in jsonl(out)} == {"site-3"}
    _, out, _ = run_main(capsys, "code", "--source", "given", str(seed_path))
    assert {r["outlet"] for r in jsonl(out)} == {"given"}


def _user_mistakes(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name -> (path to give, text the error line must contain)."""
    empty_dir = tmp_path / "emptydir"
    empty_dir.mkdir()
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": "a", "text": "Kyiv agreed."}\n\n[1, 2]\n', encoding="utf-8")
    return {
        "missing": (str(tmp_path / "missing.txt"), f"{tmp_path / 'missing.txt'}: no such file"),
        "empty_dir": (str(empty_dir), f"{empty_dir}: directory holds no article files"),
        "binary": (str(binary), f"{binary}: binary file"),
        "empty": (str(empty), f"{empty}: empty article"),
        "bad_jsonl": (str(bad_jsonl), f"{bad_jsonl}:3: "),
    }


@pytest.mark.usefixtures("fast_load")
@pytest.mark.parametrize("mistake", ["missing", "empty_dir", "binary", "empty", "bad_jsonl"])
def test_user_mistakes_exit_1_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good_file: Path, mistake: str
) -> None:
    path, message = _user_mistakes(tmp_path)[mistake]
    code, out, err = run_main(capsys, "code", str(good_file), path)
    assert code == 1
    assert "Traceback" not in err
    assert message in err
    assert err.strip().splitlines()[-1].startswith("gesta: 1 input(s) failed;")
    assert jsonl(out), "the good input is still coded"


@pytest.mark.usefixtures("fast_load")
def test_all_good_exit_0(capsys: pytest.CaptureFixture[str], good_file: Path, samples_dir: Path) -> None:
    code, out, err = run_main(capsys, "code", str(good_file), str(samples_dir / "articles.jsonl"))
    assert code == 0
    assert "failed" not in err
    assert len({r["article_id"] for r in jsonl(out)}) > 2


@pytest.mark.parametrize(
    "args",
    [
        ["code", "--bogus", "x.txt"],
        ["code", "--published", "2022-02-30", "x.txt"],
        ["code", "--published", "yesterday", "x.txt"],
        ["code", "--format", "xml", "x.txt"],
        ["code"],
        ["no-such-command"],
    ],
)
def test_usage_errors_in_process(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert "error" in err and "Traceback" not in err
    assert out == ""


def test_no_command_prints_help_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_missing_extra_dictionary_is_usage_error(capsys: pytest.CaptureFixture[str], good_file: Path) -> None:
    code, out, err = run_main(capsys, "code", "--actors", "/no/such/actors.yaml", str(good_file))
    assert code == 2
    assert "no such file" in err and out == ""


def test_csv_row_keeps_every_scalar_field(pipeline: Any) -> None:
    from gesta.output import flatten

    article = pipeline(GOOD)
    records = gesta.event_records(article, pipeline)
    assert records
    for record in records:
        row = flatten(record)
        assert set(row) == set(CSV_COLUMNS)
        nested = {"evidence", "source", "target", "cameo", "plover", "acled", "location", "attribution",
                  "modality", "gesta_version"}
        for name, value in record.items():
            if name not in nested:
                assert row[name] == value, name
