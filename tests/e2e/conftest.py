import os

import pytest

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Debian Chromium is missing at {CHROMIUM}: run scripts/test, which installs it"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="module")
def app_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture
def console_errors(page):
    errors = []

    def keep(msg):
        # a deep page URL asks for <page>/_stcore/health and host-config once: harmless 404s
        if msg.type == "error" and "404" not in msg.text:
            errors.append(msg.text)

    page.on("console", keep)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors
