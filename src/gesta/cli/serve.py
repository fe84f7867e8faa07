"""``gesta serve [--db FILE] [--host H] [--port N] [--token T]``: the HTTP API and dashboard."""

from __future__ import annotations

import argparse
import logging
import os

from gesta.errors import UsageError
from gesta.store import DEFAULT_DB

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the JSON API and the web dashboard")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, loopback)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--token", default=None, metavar="T",
                        help="require 'Authorization: Bearer T' for POST (default: $GESTA_TOKEN)")
    parser.add_argument("--no-warm", dest="warm", action="store_false",
                        help="load the coding pipeline on the first POST, not at startup")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1-65535 (got {args.port})")
    try:
        import uvicorn

        from gesta.web import create_app
    except ImportError as exc:
        raise UsageError(f"gesta serve needs fastapi and uvicorn ({exc.name} is missing)") from None
    token = args.token or os.environ.get("GESTA_TOKEN") or None
    if args.host not in ("127.0.0.1", "localhost", "::1") and not token:
        log.warning("listening on %s without a token: anyone who can reach it can POST articles", args.host)
    app = create_app(args.db, token=token, warm=args.warm, code_in_process=True)
    print(f"gesta: dashboard at http://{_url_host(args.host)}:{args.port}/  (API: /api, Ctrl-C to stop)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
