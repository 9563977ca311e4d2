// The timeline of one or several runs, played in the browser: no server round trip per frame.
//
// Role "bar" (bar.js): the controls and the frame tables. At every position it works out what
// each view draws there (run.js) and announces it on window; each losslab plot whose figure
// names the same channel applies its part with a cheap relayout (plot.js).
// Role "maths" (maths.js): listens like a plot and writes the numbers of the update shown.
// The last announcement per channel is kept on window so a view drawn later catches up.
import { Bar, EVENT, latest } from "./bar.js";
import { whenGone } from "./lifecycle.js";
import { mathsHtml } from "./maths.js";

const CSS = `
.ll-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 0.6rem;
  font-family: sans-serif; font-size: var(--ll-font, 15px); color: #111; }
.ll-bar .ll-buttons { display: inline-flex; gap: 0.3rem; }
.ll-bar button { font-size: inherit; min-width: 2.2em; min-height: 2em; padding: 0.2em 0.4em;
  cursor: pointer; border: 1px solid #bbb; border-radius: 0.45em; background: #fff; color: #111;
  display: inline-flex; align-items: center; justify-content: center; }
.ll-bar button:hover, .ll-bar button:focus-visible { border-color: #D55E00; }
.ll-bar button.ll-play { min-width: 3.4em; background: #D55E00; color: #fff; border-color: #D55E00; }
.ll-bar input[type=range] { flex: 1 1 12em; min-width: 6em; accent-color: #D55E00; height: 1.6em; }
.ll-bar select { font-size: 0.9em; padding: 0.15em; }
.ll-bar .ll-label { font-variant-numeric: tabular-nums; white-space: nowrap; }
.ll-bar .ll-options { display: inline-flex; gap: 0.3rem; }
.ll-maths { font-family: sans-serif; font-size: var(--ll-font, 15px); line-height: 1.5;
  color: #111; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.ll-maths .ll-m-head { font-weight: 700; font-size: 1.05em; }
.ll-maths .ll-m-sub { color: #444; margin-bottom: 0.2em; }
.ll-maths .ll-m-eq { padding-left: 0.8em; }
.ll-maths .ll-m-note { color: #444; font-size: 0.92em; margin-top: 0.2em; }
.ll-maths .ll-m-end { color: #444; }
.ll-bar.ll-compact { gap: 0.3rem 0.45rem; }
.ll-bar.ll-compact input[type=range] { flex-basis: 5em; }
.ll-bar.ll-compact select[data-role=unit] { display: none; }
@media (max-width: 640px) {
  .ll-bar .ll-label { order: 2; }
  .ll-bar input[type=range] { order: 3; flex-basis: 100%; }
  .ll-bar .ll-options { order: 4; }
}
`;

function ensureCss() {
  if (document.getElementById("losslab-timeline-css")) return;
  const style = document.createElement("style");
  style.id = "losslab-timeline-css";
  style.textContent = CSS;
  document.head.appendChild(style);
}

function renderMaths(el, detail) {
  const t = detail.tracks[el.__data.track || 0];
  el.innerHTML = t ? mathsHtml(t.run, t.rec, el.__data.words) : "";
  el.dataset.k = t ? String(t.k) : "";
}

function maths(parentElement, data) {
  let el = parentElement.querySelector(".ll-maths");
  if (!el) {
    el = document.createElement("div");
    el.className = "ll-maths";
    el.setAttribute("aria-live", "off");
    parentElement.appendChild(el);
    el.__listen = (event) => { if (event.detail.channel === el.__data.channel) renderMaths(el, event.detail); };
    window.addEventListener(EVENT, el.__listen);
  }
  el.__data = data;
  el.style.setProperty("--ll-font", `${data.font}px`);
  const last = latest()[data.channel];
  if (last) renderMaths(el, last);
  return whenGone(parentElement, () => window.removeEventListener(EVENT, el.__listen));
}


export default function (component) {
  const { parentElement, data, setStateValue } = component;
  ensureCss();
  if (data.role === "maths") return maths(parentElement, data);
  // one bar per element: a rerun calls this again with the same element and new data
  let bar = parentElement.__lossLabBar;
  if (!bar) {
    for (const stale of parentElement.querySelectorAll(".ll-bar")) stale.remove();
    bar = new Bar(parentElement);
    parentElement.__lossLabBar = bar;
    bar.onKey = (event) => bar.key(event);
    document.addEventListener("keydown", bar.onKey);
  }
  bar.setData(data, setStateValue);
  return whenGone(parentElement, () => {
    bar.destroy();
    document.removeEventListener("keydown", bar.onKey);
    delete parentElement.__lossLabBar;
  });
}
