"""``antq serve``: antq's evaluations as a web API, for programs in any language.

The API is an optional extra (``pip install 'antq[serve]'``: Starlette and
uvicorn). :func:`create_app` makes the ASGI application; ``antq serve`` runs
it with uvicorn on one or several worker processes. Every answer is the JSON
of the matching ``antq ... --format json`` command, byte for byte. See
``docs/web-api.rst``.

This package imports neither Starlette nor uvicorn until they are needed, so
``import antq.serve`` works without the extra; :func:`create_app` then raises
:class:`ServeUnavailable`, which says what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from antq.serve.settings import ServeSettings, ServeUnavailable

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["ServeSettings", "ServeUnavailable", "create_app"]


def create_app(settings: ServeSettings | None = None) -> Starlette:
    """The ASGI application of the web API with ``settings`` (the defaults when None)."""
    # Starlette is the optional extra antq[serve]: imported only when the app is built.
    try:
        from antq.serve.app import build_app
    except ImportError as error:
        raise ServeUnavailable.missing(error) from None
    return build_app(settings or ServeSettings())
