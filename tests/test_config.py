"""The settings a public link relies on."""

import tomllib
from pathlib import Path

from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_config_for_public_hosting():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is False
    assert 0 < config["server"]["maxUploadSize"] <= 10
    assert config["client"]["showErrorDetails"] == "none"  # no traceback reaches a browser
    assert config["browser"]["gatherUsageStats"] is False


def test_no_full_garbage_collection_after_every_rerun():
    """Streamlit's default post-run gc.collect(2) costs 50-90 ms per slider move here."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_every_runtime_dependency_is_pinned_and_streamlit_is_past_known_advisories():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-e ./"):  # this repository's own component, installed from here
            assert (ROOT / line[3:] / "pyproject.toml").exists()
            continue
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line} is not pinned"
            pins[name.lower()] = Version(version)
    assert {"streamlit", "plotly", "numpy"} <= set(pins)
    assert pins["streamlit"] >= Version("1.54.0")  # CVE-2026-33682 fixed in 1.54.0


def test_no_user_text_is_rendered_as_html():
    """The only HTML the app injects is its own constant CSS."""
    sources = [p for p in ROOT.glob("**/*.py") if ".venv" not in p.parts and "tests" not in p.parts]
    for path in sources:
        text = path.read_text()
        assert "unsafe_allow_html=True" not in text, path
        if "st.html(" in text:
            assert path.name == "page_style.py", path
