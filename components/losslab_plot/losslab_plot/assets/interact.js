// What a user does with a chart: read the exact loss under the pointer, click (or tap) to start
// the run there, put the 3D view back, scroll the page past a chart on a phone, and see the
// chart take the height the screen has.
//
// The figure's layout.meta.readout (ui/views.py) names the surface (surface.js), the two plotted
// parameters ``axes`` with the others held at ``fixed``, their ``names``, the loss's name and
// whether a click sets the start.
import { makeSurface } from "./surface.js";
import { fmt } from "./format.js";

export const COARSE = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

// ---- height: the charts of a page share the screen below the timeline bar
export function heightFor(gd, size) {
  if (!size) return null;
  const width = gd.clientWidth || gd.parentElement.clientWidth || 600;
  if (window.innerWidth < 700) {  // one chart a row: a height from the width
    return Math.round(Math.min(Math.max(width * (size.aspect || 0.9), size.min || 260), size.max || 900));
  }
  // every chart measures from the same place: the top of the page's first chart (or of its
  // placeholder), where the rows of charts begin
  const first = document.querySelector(".losslab-plot, .ll-loading");
  const top = first ? first.parentElement.getBoundingClientRect().top + window.scrollY : 160;
  const avail = (window.innerHeight - Math.min(top, 0.5 * window.innerHeight) - 8) / (size.rows || 1) - 18;
  // no taller than 1.25 widths: on a portrait tablet a tall narrow chart only crops the 3D scene
  const cap = Math.max(1.25 * width, size.min || 260);
  return Math.round(Math.min(Math.max(Math.min(avail, cap), size.min || 260), size.max || 900));
}

// ---- the exact loss under the pointer, in a box at the plot's top left corner
function box(gd) {
  let el = gd.parentElement.querySelector(".ll-readout");
  if (!el) {
    el = document.createElement("div");
    el.className = "ll-readout";
    gd.parentElement.style.position = "relative";
    gd.parentElement.appendChild(el);
  }
  return el;
}

function show(gd, ro, theta) {
  const el = box(gd), surface = gd.__lossLabSurface;
  const loss = surface.loss(theta);
  const [i, j] = ro.axes;
  el.textContent = `${ro.names[i]} = ${fmt(theta[i], 4, false)}, ${ro.names[j]} = ${
    fmt(theta[j], 4, false)} · ${ro.loss} = ${fmt(loss, 5, false)}`;
  if (ro.click) el.textContent += ` · ${ro.click_hint}`;
  el.dataset.loss = String(loss);
  el.dataset.theta = JSON.stringify(theta);
  const xa = gd._fullLayout.xaxis;
  el.style.left = `${(xa && !gd._fullLayout.scene ? xa._offset : 8) + 4}px`;
  el.style.top = `${(gd._fullLayout.margin.t || 0) + 4}px`;
  el.style.display = "block";
}

function hide(gd) {
  const el = gd.parentElement.querySelector(".ll-readout");
  if (el) el.style.display = "none";
}

function pointAt(gd, ro, clientX, clientY) {  // 2D: the parameters under a screen point
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const bb = gd.getBoundingClientRect();
  const px = clientX - bb.left - xa._offset, py = clientY - bb.top - ya._offset;
  if (px < 0 || py < 0 || px > xa._length || py > ya._length) return null;
  const theta = ro.fixed.slice();
  theta[ro.axes[0]] = xa.p2c(px);
  theta[ro.axes[1]] = ya.p2c(py);
  return theta;
}

// a click or tap at ``theta`` starts the run there (to two decimals, as the start sliders step)
function setStart(gd, theta) {
  const r = gd.__lossLabReadout;
  if (!r || !r.click || !gd.__lossLabSetState) return;
  const rounded = [r.axes[0], r.axes[1]].map((a) => Math.round(theta[a] * 100) / 100);
  gd.dataset.clicked = JSON.stringify(rounded);
  gd.__lossLabSetState("start", rounded);
}

export function interactive(gd, figure, component) {
  const ro = figure.layout.meta && figure.layout.meta.readout;
  gd.__lossLabReadout = ro || null;
  // a click is an event, not a state: the same point clicked twice starts there twice
  gd.__lossLabSetState = component.setTriggerValue || component.setStateValue;
  if (!ro) return;
  gd.__lossLabSurface = makeSurface(ro.surface);
  if (gd.__lossLabInteractive) return;  // the listeners, once per chart
  gd.__lossLabInteractive = true;
  if (figure.layout.scene) {
    gd.on("plotly_hover", (event) => {
      const pt = event.points && event.points[0];
      const r = gd.__lossLabReadout;
      if (!pt || !r || pt.data.type !== "surface") return;
      const theta = r.fixed.slice();
      theta[r.axes[0]] = pt.x; theta[r.axes[1]] = pt.y;
      gd.__lossLabHovered = theta;
      show(gd, r, theta);
    });
    gd.on("plotly_unhover", () => { gd.__lossLabHovered = null; hide(gd); });
  }
  const scene = () => !!(gd._fullLayout && gd._fullLayout.scene);
  let down = null;
  gd.addEventListener("pointermove", (event) => {
    if (scene()) return;
    const r = gd.__lossLabReadout, theta = r && pointAt(gd, r, event.clientX, event.clientY);
    if (theta) show(gd, r, theta); else hide(gd);
  });
  gd.addEventListener("pointerleave", () => { gd.__lossLabHovered = null; hide(gd); });
  gd.addEventListener("pointerdown", (event) => {
    down = [event.clientX, event.clientY, gd.__lossLabHovered];  // (3D: what was under it)
  });
  // (the click, not pointerup: plotly's drag layer covers the page while a button is down, so
  // the pointerup lands on that cover, not on the chart)
  gd.addEventListener("click", (event) => {
    if (!down || Math.hypot(event.clientX - down[0], event.clientY - down[1]) > 6) return;
    const hovered = down[2] || gd.__lossLabHovered;
    down = null;
    const r = gd.__lossLabReadout;
    if (!r) return;
    // 3D: the surface point under the pointer, as the hover found it (plotly's own click
    // needs the button held over a whole frame, so a quick click was lost)
    if (scene()) {
      if (hovered) setStart(gd, hovered);
      return;
    }
    const theta = pointAt(gd, r, event.clientX, event.clientY);
    if (theta) { show(gd, r, theta); setStart(gd, theta); }
  });
}

// ---- 3D: a visible way back to the opening view
export function resetButton(gd, figure, words) {
  if (!figure.layout.scene) return;
  let b = gd.parentElement.querySelector(".ll-reset-view");
  if (!b) {
    b = document.createElement("button");
    b.type = "button";
    b.className = "ll-reset-view";
    b.onclick = () => {
      gd.layout.__lossLabCameraOwned = false;
      window.Plotly.relayout(gd, { "scene.camera": JSON.parse(b.dataset.camera) });
    };
    gd.parentElement.style.position = "relative";
    gd.parentElement.appendChild(b);
  }
  b.textContent = "⟲ " + (words.reset_view || "Reset view");
  b.dataset.camera = JSON.stringify(figure.layout.scene.camera || {});
}

// ---- touch: a swipe over a chart scrolls the page; a tap on a map sets the start; the 3D view
// turns only after "Turn" is tapped (and again scrolls after "Done")
export function touchShield(gd, figure, words) {
  if (!COARSE) return;
  let shield = gd.parentElement.querySelector(".ll-shield");
  if (!shield) {
    shield = document.createElement("div");
    shield.className = "ll-shield";
    gd.parentElement.style.position = "relative";
    gd.parentElement.appendChild(shield);
    let down = null;
    shield.addEventListener("pointerdown", (e) => { down = [e.clientX, e.clientY, performance.now()]; });
    shield.addEventListener("pointerup", (e) => {
      if (!down || Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 8 ||
          performance.now() - down[2] > 500) return;
      const r = gd.__lossLabReadout;
      if (r && !figure.layout.scene) {
        const theta = pointAt(gd, r, e.clientX, e.clientY);
        if (theta) { show(gd, r, theta); setStart(gd, theta); }
      }
    });
  }
  if (figure.layout.scene) {
    let t = gd.parentElement.querySelector(".ll-turn");
    if (!t) {
      t = document.createElement("button");
      t.type = "button";
      t.className = "ll-turn";
      t.onclick = () => {
        const on = shield.style.display !== "none";
        shield.style.display = on ? "none" : "block";
        t.textContent = on ? "✓ " + t.dataset.done : "✋ " + t.dataset.turn;
      };
      gd.parentElement.appendChild(t);
    }
    t.dataset.turn = words.turn || "Turn";
    t.dataset.done = words.done || "Done";
    t.textContent = (shield.style.display === "none" ? "✓ " + t.dataset.done : "✋ " + t.dataset.turn);
  }
}

export const CSS = `
.ll-readout { position: absolute; z-index: 5; display: none; pointer-events: none;
  background: rgba(255,255,255,0.92); border: 1px solid #999; border-radius: 4px;
  padding: 2px 6px; font: 13px sans-serif; color: #111; font-variant-numeric: tabular-nums; }
.ll-reset-view, .ll-turn { position: absolute; z-index: 6; bottom: 6px; font: 13px sans-serif;
  padding: 3px 8px; border: 1px solid #888; border-radius: 5px; background: rgba(255,255,255,0.9);
  color: #111; cursor: pointer; }
.ll-reset-view { left: 6px; }
.ll-turn { left: 120px; }
.ll-shield { position: absolute; inset: 0; z-index: 4; touch-action: pan-y pinch-zoom; }
.ll-loading { display: flex; align-items: center; justify-content: center; color: #555;
  font: 15px sans-serif; background: repeating-linear-gradient(135deg, #f6f6f6 0 12px, #fafafa 12px 24px);
  border-radius: 6px; animation: ll-pulse 1.6s ease-in-out infinite; }
@keyframes ll-pulse { 50% { opacity: 0.55; } }
`;
