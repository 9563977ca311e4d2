"""Focused links (hide=): a teacher's link shows only what a lesson needs; hidden controls keep
the link's values, hidden views are not drawn, and the share box builds such a link."""

from tests.apptest_util import charts, figure, fresh_app


def test_hidden_views_are_not_drawn_and_the_link_keeps_hide():
    full = fresh_app()
    at = fresh_app(hide="cross,maths")
    assert not at.exception
    assert len(charts(at)) == len(charts(full)) - 1  # the cross-sections went
    assert at.query_params["hide"] == "maths,cross"  # one order, whatever the link's


def test_a_hidden_control_keeps_the_links_value():
    """batch=16 with the batch slider hidden: the run still takes mini-batches of 16."""
    at = fresh_app(batch="16", hide="batch,opt")
    assert not at.exception
    assert at.select_slider(key="batch").value == 16
    names = {t.get("name") for t in figure(at, "Loss against")["data"]}
    assert "mini-batch loss" in names  # drawn only for runs in mini-batches
    full = fresh_app(hide="batch,opt")
    assert "mini-batch loss" not in {t.get("name") for t in figure(full, "Loss against")["data"]}
    assert at.query_params["batch"] == "16" and at.query_params["hide"] == "batch,opt"


def test_an_unknown_name_in_hide_is_said_and_nothing_is_hidden():
    at = fresh_app(hide="batch,everything")
    assert not at.exception
    assert any("hide" in c.value and "ignored" in c.value for c in at.caption)
    assert "hide" not in at.query_params


def test_the_share_box_builds_the_focused_link():
    at = fresh_app(lr="0.2")
    at.multiselect(key="share_hide").set_value(["cross", "batch", "maths"]).run()
    links = [c.value for c in at.code]
    assert links[0].endswith("/?lr=0.2")  # this view, as it is
    assert links[1].endswith("/?lr=0.2&hide=batch,maths,cross")  # and the focused one
