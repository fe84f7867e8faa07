"""Single-core pipeline benchmark (``gesta bench``) written to benchmarks/results/<date>-bench[-tag].json.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit 300] [--stage all] [--tag NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from pathlib import Path

from gesta.bench import BenchOptions, default_corpus, run_bench
from gesta.bench.report import render, write_json

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--stage", default="all")
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    result = run_bench(BenchOptions(args.corpus or default_corpus(), stage=args.stage,
                                    limit=args.limit, pin_core=None))
    result["load_average"] = os.getloadavg()
    render(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.tag}" if args.tag else ""
    write_json(result, RESULTS / f"{dt.date.today().isoformat()}-bench{suffix}.json")


if __name__ == "__main__":
    main()
