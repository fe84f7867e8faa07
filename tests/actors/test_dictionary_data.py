"""The shipped actor dictionaries and their converter (tools/convert_actors.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from gesta.resources import data_dir, load_yaml

TOOL = Path(__file__).parents[2] / "tools" / "convert_actors.py"


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_actors", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("convert_actors", module)
    spec.loader.exec_module(module)
    return module


def test_no_person_goes_by_a_country_or_capital_name() -> None:
    # PETRARCH2 lists a country's towns under its block ("SAUDI_ARABIA_ [SAU] ... +JEDDAH_"):
    # read as a person, "Jeddah" and "Samoa" were elites of Saudi Arabia and the USA
    countries = load_yaml(data_dir() / "actors" / "countries.yaml", "countries").content["entries"]
    places = {n.lower() for c in countries for n in [c["name"], *c.get("names", []), *c.get("capitals", [])]}
    people = load_yaml(data_dir() / "actors" / "people.yaml", "people").content["entries"]
    clashes = [(p["name"], n) for p in people for n in p["names"] if n.lower() in places]
    assert not clashes, clashes[:10]


def test_a_country_or_territory_block_is_no_person() -> None:
    convert = _converter()

    def block(*lines: str) -> object:
        made = convert.Block(1)
        for line in lines:
            made.phrases.append(convert.CODE_RE.sub(" ", line))
            made.codes.extend(convert.parse_codes(line))
        return made

    names = {"american samoa", "faroe islands"}
    assert convert.is_country_block(block("SAUDI_ARABIA_ [SAU]", "+JEDDAH_"), names)
    assert convert.is_country_block(block("EASTERN_SAMOA_ [USAASM]", "+AMERICAN_SAMOA_"), names)
    assert not convert.is_country_block(block("FAYSAL_ [SAUGOV 641102-750325]"), names)


def test_bare_congo_is_the_democratic_republic_and_small_capitals_are_no_metonyms(pipeline) -> None:
    article = pipeline("Rebels attacked Congo. Douglas Alexander met Stanley Fischer in the Rift Valley. "
                       "The Republic of the Congo protested.", published="2024-07-31")
    codes = {m.actor.text: m.actor.code for m in article.mentions}
    assert codes.get("Congo") == "COD" and codes.get("Republic of the Congo") == "COG"
    assert not {"Douglas", "Stanley", "Valley"} & set(codes), codes  # not the Isle of Man, the Falklands, Anguilla
    place = pipeline.get_stage("places").gazetteer.lookup("Congo")[0]
    assert place.country == "COD"
