"""Uploading in a real browser: a real file with a text column is drawn; a file the uploader
refuses (over the size cap) leaves nothing of the previous file active."""

import pytest

from tests.e2e.test_explorer_browser import ALL_DRAWN

pytestmark = pytest.mark.browser

IRIS = (
    b"sepal_length,sepal_width,petal_length,petal_width,species\n"
    + b"5.1,3.5,1.4,0.2,setosa\n7.0,3.2,4.7,1.4,versicolor\n6.3,3.3,6.0,2.5,virginica\n" * 50
)
TOO_BIG = b"x,y\n" + b"1,2\n" * 800_000  # 3.2 MB: over server.maxUploadSize = 2


def choose(page, name, content):
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
    )


def test_a_refused_file_does_not_leave_the_previous_one_active(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{app_url}/?scenario=upload")
    page.wait_for_selector("input[type=file]", state="attached", timeout=60_000)
    choose(page, "iris.csv", IRIS)
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    page.get_by_text("Left aside as text").wait_for(timeout=30_000)
    choose(page, "big.csv", TOO_BIG)
    # the refusal stays in view, the old file goes, and with it every chart of its data
    page.get_by_text("File must be 2.0MB or smaller").wait_for(timeout=30_000)
    page.get_by_text("Choose a CSV file, then").first.wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('.js-plotly-plot')", timeout=30_000)
    chips = page.locator('[data-testid="stFileChip"]')
    assert chips.count() == 1 and chips.first.get_attribute("aria-invalid") == "true"
