"""Links that reproduce a view: read and validate the URL once per session, then keep the URL
following the controls. Bad values never reach a widget."""

from __future__ import annotations

from urllib.parse import urlencode, urlparse

import streamlit as st

from ui import params
from ui.text import plain, t


def apply_once(schema=params.PARAMS) -> None:
    """On a session's first run, put valid link values into session state (before any widget
    exists); notices for what was ignored or clamped wait for :func:`show_notices`."""
    state = st.session_state
    if state.get("_link_applied"):
        return
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    values, notices = params.parse_query(raw, schema)
    for key, value in values.items():
        state[key] = value
    if "b0" in values or "w0" in values:
        state["start"] = "manual"
    state["_link_applied"] = True
    state["_link_notices"] = notices
    state["_link_values"] = dict(values)  # what the link asked for, for checks that need data
    # which page the link opened: ``step`` means a different thing on two pages
    state["_link_page"] = urlparse(st.context.url or "").path.strip("/").split("/")[-1]


def take_linked(key: str, value) -> bool:
    """True once if ``value`` is what the session's link gave for ``key`` (a check that can only
    be made once the data are known, such as a batch size against the training split, then
    says so with :func:`note`); later calls and other values give False."""
    linked = st.session_state.get("_link_values") or {}
    if key in linked and linked[key] == value:
        del linked[key]
        return True
    return False


def note(key: str, reason: str, kept=None) -> None:
    """Add a notice about link value ``key`` to the ones shown on this view."""
    st.session_state.setdefault("_link_notices", []).append(params.Notice(key, reason, kept))


def show_notices() -> None:
    """One small notice naming every ignored or clamped link parameter, on the first view."""
    notices = st.session_state.pop("_link_notices", None)
    if not notices:
        return
    parts = []
    for n in notices:
        code, *args = n.reason.split("|")
        reason = t(
            "reason." + code,
            args=", ".join(args),
            lo=args[0] if args else "",
            hi=args[-1] if args else "",
        )
        if n.kept is not None:
            parts.append(t("link_clamped", key=plain(n.key), reason=reason, value=n.kept))
        else:
            parts.append(t("link_ignored", key=plain(n.key), reason=reason))
    st.caption("⚠️ " + t("link_notice") + " " + "; ".join(parts) + ".")


def follow(query: dict[str, str]) -> str:
    """Make the browser's URL show ``query``; return the full shareable link."""
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    base = (st.context.url or "").split("?")[0]
    if urlparse(base).path == "":
        base += "/"
    return base + ("?" + urlencode(query, safe=",") if query else "")


def export_buttons(link: str, export) -> None:
    """The run as CSV and as a NumPy script (made when clicked, not on every rerun), and where
    the charts' images are."""
    from core import export as out

    spec, problem, run, traj = export
    st.markdown("**" + t("export_title") + "**")
    a, b = st.columns(2)
    a.download_button(
        "⬇ " + t("export_csv"),
        data=lambda: out.run_csv(problem, traj),
        file_name="losslab-run.csv",
        mime="text/csv",
        on_click="ignore",
        key="export_csv",
        help=t("export_csv_help"),
        width="stretch",
    )
    if out.scriptable(problem):
        b.download_button(
            "⬇ " + t("export_script"),
            data=lambda: out.script(spec, problem, run, link),
            file_name="losslab_run.py",
            mime="text/x-python",
            on_click="ignore",
            key="export_script",
            help=t("export_script_help"),
            width="stretch",
        )
    else:
        b.caption(t("export_script_none"))
    st.caption(t("export_images"))


def share_box(link: str, query: dict[str, str] | None = None, *, export=None) -> None:
    """The link of this view; with ``query`` (the explorer's), a focused variant too: the same
    view with the controls and views the user picks hidden (``hide=``); with ``export``, the
    run's export (:func:`export_buttons`)."""
    with st.popover("🔗 " + t("share"), width="stretch"):
        st.caption(t("share_help"))
        st.code(link, language=None, wrap_lines=True)
        if export is not None:
            export_buttons(link, export)
        if query is None:
            return
        hide = st.multiselect(
            t("share_hide"),
            params.HIDEABLE,
            default=list(st.session_state.get("hide") or ()),
            format_func=lambda n: t(f"hide.{n}"),
            help=t("share_hide_help"),
            key="share_hide",
        )
        focused = {k: v for k, v in query.items() if k != "hide"}
        if hide:
            focused["hide"] = ",".join(n for n in params.HIDEABLE if n in hide)
        if focused != query:
            st.caption(t("share_focused"))
            st.code(
                link.split("?")[0] + "?" + urlencode(focused, safe=","),
                language=None,
                wrap_lines=True,
            )
