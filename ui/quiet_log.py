"""One line, not a traceback, for a probe of a missing component asset.

Streamlit's component route answers a request for a file that is not there (a scanner's
``..%252f..`` or any other guess under the component's folder) with a 404, and logs the
FileNotFoundError with its full traceback, ten lines a probe: a scanner floods a public app's log.
This filter keeps the record at WARNING, without the traceback. Installed by app.py, so it holds
from the first session of the process on (before it, Streamlit's own logging applies; behind the
nginx of docs/hosting.md such paths do not reach Streamlit at all)."""

from __future__ import annotations

import logging

LOGGER = "streamlit.web.server.starlette.starlette_routes"
MESSAGE = "Error reading bidi component asset"


class _OneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith(MESSAGE):
            error = record.exc_info[1]
            record.msg = f"{MESSAGE} (refused: {type(error).__name__}): %s"
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def install() -> None:
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(f, _OneLine) for f in logger.filters):
        logger.addFilter(_OneLine())
