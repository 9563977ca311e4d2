"""A Streamlit session driven over its own websocket protocol, without a browser: what the page's
JavaScript does, in ``streamlit.proto`` messages (used by bench/locustfile.py and a test).

Open ``/_stcore/stream`` (subprotocol "streamlit"), send a ``BackMsg.rerun_script`` with the
page's query string, and read ``ForwardMsg``s until ``script_finished``: the deltas of the run
carry every element, among them the learning-rate slider with its widget id and options. A move
is another rerun with that slider's ``WidgetState`` (a select_slider's value is the list of its
formatted options), as the browser sends when the slider is released.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import websocket  # websocket-client
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Run:
    seconds: float  # from sending the rerun to the script_finished message
    messages: int
    bytes: int
    elements: list = field(default_factory=list)  # every Element of the run's deltas


class StreamlitSession:
    def __init__(self, base_url: str, query: str = "", timeout: float = 120.0):
        url = base_url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.ws = websocket.create_connection(url, subprotocols=["streamlit"], timeout=timeout)
        self.query = query
        self.page_hash = ""
        self.widgets: dict[str, object] = {}  # widget id -> WidgetState sent with each rerun
        self.lr_id = ""
        self.lr_options: list[str] = []
        self.lr_index = 0

    def close(self) -> None:
        self.ws.close()

    def rerun(self) -> Run:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        for w in self.widgets.values():
            state.widget_states.widgets.append(w)
        t0 = time.perf_counter()
        self.ws.send_binary(msg.SerializeToString())
        run = Run(0.0, 0, 0)
        while True:
            data = self.ws.recv()
            if not isinstance(data, bytes):
                continue
            run.messages += 1
            run.bytes += len(data)
            fwd = ForwardMsg.FromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                run.elements.append(fwd.delta.new_element)
            elif kind == "ref_hash":
                raise RuntimeError("a cached message reference: set minCachedMessageSize high")
            elif kind == "script_finished":
                if fwd.script_finished != FINISHED:
                    raise RuntimeError(f"the run ended with status {fwd.script_finished}")
                run.seconds = time.perf_counter() - t0
                return run

    def open(self) -> Run:
        """The page's first run; finds the learning-rate slider (widget key ``lr``)."""
        run = self.rerun()
        for el in run.elements:
            if el.WhichOneof("type") == "slider" and el.slider.id.endswith("-lr"):
                sl = el.slider
                self.lr_id, self.lr_options = sl.id, list(sl.options)
                # the value the session holds (set from the link), else the default's index
                shown = sl.raw_value[0] if sl.raw_value else None
                self.lr_index = (
                    self.lr_options.index(shown) if shown in sl.options else int(sl.default[0])
                )
        if not self.lr_id:
            raise RuntimeError("the page has no learning-rate slider")
        return run

    def move_lr(self, index: int) -> Run:
        """Release the learning-rate slider at option ``index`` and wait for the rerun."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        w = WidgetState(id=self.lr_id)
        w.string_array_value.data.append(self.lr_options[index])
        self.widgets[self.lr_id] = w
        self.lr_index = index
        return self.rerun()
