"""The partial plotly.js bundle (components/losslab_plot/bundle/): the same plotly.js version as
the plotly package the figures are built for, and every trace type any page draws registered."""

import re
from pathlib import Path

import plotly
import pytest

from tests.e2e.test_pages_browser import DRAWN

pytestmark = pytest.mark.browser

ASSETS = Path(__file__).resolve().parents[2] / "components" / "losslab_plot" / "losslab_plot"
BUNDLE = ASSETS / "assets" / "plotly-lab.min.js"
# (page, charts, a query that brings out another surface's traces)
PAGES = [
    ("", 5, ""),
    ("", 5, "?scenario=rosenbrock"),
    ("", 5, "?fit=neuron"),
    ("one_weight", 2, ""),
    ("parameters", 3, ""),
    ("compare", 3, ""),
    ("lessons", 2, ""),
    ("network", 8, "?pair=act"),
]
TYPES = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .flatMap(g => g._fullData.map(t => t.type))"""


def test_the_bundle_is_the_plotly_js_the_figures_are_built_for():
    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    wanted = re.search(rb"plotly\.js v(\d+\.\d+\.\d+)", full.read_bytes()[:500]).group(1)
    banner = BUNDLE.read_bytes()[:300]
    assert re.search(rb"plotly\.js v(\d+\.\d+\.\d+)", banner).group(1) == wanted
    assert BUNDLE.stat().st_size < full.stat().st_size / 2  # what a partial bundle is for


@pytest.mark.parametrize("path,charts,query", PAGES)
def test_every_trace_a_page_draws_is_in_the_bundle(
    page, app_url, console_errors, path, charts, query
):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/{path}{query}")
    page.wait_for_function(DRAWN, arg=charts, timeout=90_000)
    registered = set(page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)"))
    drawn = set(page.evaluate(TYPES))
    assert drawn and drawn <= registered, drawn - registered
    assert "bar" not in registered  # the partial bundle is what the page loaded
    assert console_errors == []
