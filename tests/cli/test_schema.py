"""``gesta schema``: valid JSON, a valid Draft 2020-12 schema, the one the records follow."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator

from gesta.cli import main
from gesta.records import event_schema


def check(schema: dict) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"
    for name in ("event_id", "evidence", "source", "target", "cameo", "plover", "modality"):
        assert name in schema["required"]
        assert name in schema["properties"]


def test_schema_command() -> None:
    done = subprocess.run([sys.executable, "-m", "gesta", "schema"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    check(schema)
    assert schema == event_schema()


def test_schema_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    check(json.loads(out))


def test_schema_rejects_a_broken_record() -> None:
    validator = Draft202012Validator(event_schema())
    assert not validator.is_valid({})
    assert not validator.is_valid({"event_id": 5})


def test_schema_extra_argument_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["schema", "--nope"])
    assert stopped.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
