"""The HTTP API and web dashboard of gesta (``gesta serve``).

:func:`create_app` builds the FastAPI application: a JSON API under ``/api`` (OpenAPI document
at ``/api/openapi.json``) and the dashboard (static files, no CDN) at ``/``. See ``docs/api.md``
and ``docs/dashboard.md``.
"""

from gesta.web.app import create_app

__all__ = ["create_app"]
