// The timeline of one run, played in the browser: no server round trip per frame.
//
// Role "bar": play / pause / step / jump / scrub / speed / unit, keyboard, and the frame table.
// At every position it works out what each view draws there (markers, arrows, the fitted line,
// the mini-batch, the cross-sections) and announces it on window ("losslab-timeline"); each
// losslab plot whose figure names the same channel applies its part with a cheap relayout.
// Role "maths": listens like a plot and writes the numbers of the update at that position.
// The last announcement per channel is kept on window so a view drawn later catches up.

import { typedArray } from "./typed.js";

const EVENT = "losslab-timeline";
const FPS = 20;          // frames per second at speed 1x
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

function decode(array) {  // {dtype, b64} from ui/timeline.py
  return array == null ? null : typedArray(array.b64, array.dtype);
}

function latest() {
  if (!window.__lossLabTimeline) window.__lossLabTimeline = {};
  return window.__lossLabTimeline;
}

// Numbers as a teacher would write them: 4 significant digits (kept, so 1.000 is not 0.99996
// rounded away), a real minus sign, powers of ten when huge or tiny.
function fmt(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  let s = (a >= 1e5 || a < 1e-3) ? v.toExponential(digits - 1) : v.toPrecision(digits);
  if (s.includes("e")) {
    const [m, e] = s.split("e");
    s = `${m}×10<sup>${Number(e)}</sup>`;
  }
  return s.replace(/^-/, "−");
}
const par = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));
// epochs: whole at a boundary, else two decimals (update 3 of 5 per epoch is epoch 0.60)
const epochText = (k, upe) => (k % upe === 0 ? String(k / upe) : (k / upe).toFixed(2));

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;",
                                                   '"': "&quot;", "'": "&#39;" })[c]);
}

function say(words, key, values = {}) {
  let s = escapeHtml(words[key] ?? key);
  for (const [k, v] of Object.entries(values)) s = s.split(`{${k}}`).join(v);
  return s;
}

// ---------------------------------------------------------------- the model of one run
class Run {
  constructor(d) {
    this.d = d;
    this.pos = decode(d.positions);
    this.n = this.pos.length;
    this.col = {};
    for (const [name, array] of Object.entries(d.columns)) this.col[name] = decode(array);
    this.members = decode(d.members);
    this.offsets = decode(d.offsets);
    // frames at epoch boundaries, for stepping by epoch
    this.epochFrames = [];
    for (let i = 0; i < this.n; i++) if (this.pos[i] % d.upe === 0 || i === this.n - 1) this.epochFrames.push(i);
  }

  rec(i) {
    const r = { i, k: this.pos[i] };
    for (const name of Object.keys(this.col)) r[name] = this.col[name][i];
    return r;
  }

  clampPoint(b, w) {  // keep huge coordinates of a diverging run out of SVG
    const { b: wb, w: ww } = this.d.window;
    const sb = wb[1] - wb[0], sw = ww[1] - ww[0];
    return [Math.min(Math.max(b, wb[0] - 10 * sb), wb[1] + 10 * sb),
            Math.min(Math.max(w, ww[0] - 10 * sw), ww[1] + 10 * sw)];
  }

  // what each view draws at frame i
  views(i) {
    const d = this.d, r = this.rec(i), st = d.style;
    const hasNext = Number.isFinite(r.gb);
    // past the first update outside the plotted window the path stops, and so do the marks
    const inside = d.exit_k === null || d.exit_k === undefined || r.k < d.exit_k;
    const dot = (x, y, size, color, fill = "white", xref = "x", yref = "y", width = 3) => ({
      type: "circle", xref, yref, xsizemode: "pixel", ysizemode: "pixel", xanchor: x, yanchor: y,
      x0: -size / 2, x1: size / 2, y0: -size / 2, y1: size / 2,
      line: { color, width: width * st.line }, fillcolor: fill, layer: "above" });
    // from (x0, y0) to the head at (x1, y1); the plot turns it into shapes (plot.js)
    const arrow = (x0, y0, x1, y1, color, label = "", xref = "x", yref = "y") => ({
      x0, y0, x1, y1, color, label, xref, yref, width: 2.5 * st.line, font: st.font });

    // contour: the path so far, the current point, the gradient direction and the step taken
    let path = "";
    for (let j = 0; j <= i && (inside || this.pos[j] < d.exit_k); j++) {
      const [b, w] = this.clampPoint(this.col.b[j], this.col.w[j]);
      path += (j ? "L" : "M") + b.toPrecision(7) + "," + w.toPrecision(7);
    }
    const contourShapes = [
      { type: "path", path, xref: "x", yref: "y", line: { color: st.path, width: 3 * st.line } }];
    if (inside) contourShapes.push(dot(r.b, r.w, 16 * st.marker, st.black, st.path));
    const contourNotes = [];
    if (hasNext && inside) {
      const { b: wb, w: ww } = d.window;
      const half = 0.5 * (wb[1] - wb[0]);
      const gn = Math.hypot(r.gb, r.gw);
      if (gn > 0) {  // steepest descent, drawn a fixed length: its size is in the maths panel
        const len = 0.28 * half;
        contourNotes.push(arrow(r.b, r.w, r.b - len * r.gb / gn, r.w - len * r.gw / gn, st.black,
                                d.words.neg_grad));
      }
      let [nb, nw] = [r.nb, r.nw];
      const reach = Math.max(Math.abs(nb - r.b), Math.abs(nw - r.w));
      if (reach > 2 * half) {  // a step far out of the window: draw its first part
        const f = 2 * half / reach;
        nb = r.b + f * (nb - r.b); nw = r.w + f * (nw - r.w);
      }
      if (reach > 0) contourNotes.push(arrow(r.b, r.w, nb, nw, st.path));
    }

    // loss curve: where on the curve, in epochs
    const ex = r.k / d.upe;
    const curveShapes = [
      { type: "line", xref: "x", yref: "paper", x0: ex, x1: ex, y0: 0, y1: 1,
        line: { color: st.black, width: 1.5 * st.line, dash: "dot" } }];
    if (r.loss > 0 || !d.log_y) curveShapes.push(dot(ex, r.loss, 14 * st.marker, st.black, st.path));

    // data: the current line, and the rows of the next update's mini-batch
    const [x0, x1] = d.line_x;
    const dataShapes = [];
    // rows of the training split; the data plot rings them where its own points are
    const rings = (this.members && hasNext && r.batch_size < d.n_train)
      ? { rows: Array.from(this.members.subarray(this.offsets[i], this.offsets[i + 1])),
          size: 13 * Math.sqrt(st.marker), color: st.batch_ring, width: 1.6 * st.line } : null;
    dataShapes.push({ type: "line", xref: "x", yref: "y", x0, x1, y0: r.ob + r.ow * x0,
                      y1: r.ob + r.ow * x1, line: { color: st.path, width: 4 * st.line } });

    // cross-sections through (b, w): L(w | b) on the left (x, y), L(b | w) on the right (x2, y2)
    const cross = { shapes: [], arrows: [] };
    const section = (axis, t0, lo, hi, full, batch, slope, next, held) => {
      const xr = axis === 1 ? "x" : "x2", yr = axis === 1 ? "y" : "y2";
      const curve = (L0, g, a) => {
        let s = "";
        for (let j = 0; j <= 60; j++) {
          const t = lo + (hi - lo) * j / 60, dt = t - t0;
          const v = L0 + g * dt + a * dt * dt;
          s += (j ? "L" : "M") + t.toPrecision(7) + "," + Math.min(v, 1e12).toPrecision(7);
        }
        return s;
      };
      cross.shapes.push({ type: "path", path: curve(...full), xref: xr, yref: yr,
                          line: { color: st.black, width: 2.5 * st.line } });
      const tangentOn = batch || full;
      if (batch) cross.shapes.push({ type: "path", path: curve(...batch), xref: xr, yref: yr,
                                     line: { color: st.path, width: 2.5 * st.line, dash: "dash" } });
      if (Number.isFinite(slope)) {
        const span = 0.22 * (hi - lo), L0 = tangentOn[0];
        cross.shapes.push({ type: "line", xref: xr, yref: yr, x0: t0 - span, x1: t0 + span,
                            y0: L0 - slope * span, y1: L0 + slope * span,
                            line: { color: st.tangent, width: 2 * st.line } });
        if (!held && Number.isFinite(next) && next !== t0) {
          const reach = Math.max(lo - t0, Math.min(hi - t0, next - t0));
          cross.arrows.push(arrow(t0, L0, t0 + reach, L0 + slope * reach, st.path, "", xr, yr));
        }
      }
      if (batch) cross.shapes.push(dot(t0, batch[0], 12 * st.marker, st.path, "white", xr, yr));
      cross.shapes.push(dot(t0, full[0], 14 * st.marker, st.black, st.path, xr, yr));
    };
    const miniBatch = hasNext && r.batch_size < d.n_train;
    const bHeld = !d.train_b;  // w is always trained
    section(1, r.w, d.window.w[0], d.window.w[1], [r.loss, r.full_gw, d.full_ww],
            miniBatch ? [r.batch_loss, r.gw, r.batch_ww] : null,
            hasNext ? r.gw : r.full_gw, r.nw, !hasNext);
    section(2, r.b, d.window.b[0], d.window.b[1], [r.loss, r.full_gb, d.full_bb],
            miniBatch && !bHeld ? [r.batch_loss, r.gb, r.batch_bb] : null,
            hasNext && !bHeld ? r.gb : r.full_gb, r.nb, bHeld || !hasNext);

    return {
      surface: { point: inside ? [r.b, r.w, r.loss + d.lift] : [] },
      contour: { shapes: contourShapes, arrows: contourNotes },
      curve: { shapes: curveShapes },
      data: { shapes: dataShapes, rings },
      cross,
    };
  }
}

// ---------------------------------------------------------------- the maths panel
function mathsHtml(d, rec, words) {
  if (!rec) return "";
  const w = words, k = rec.k;
  let html = `<div class="ll-m-head">${say(w, "position", { k: k.toLocaleString("en-US"),
    K: d.K.toLocaleString("en-US"), epoch: epochText(k, d.upe) })}</div>`;
  html += `<div class="ll-m-row">${say(w, "at_point", { b: fmt(rec.b), w: fmt(rec.w),
    loss: fmt(rec.loss) })}</div>`;
  if (d.exit_k !== null && d.exit_k !== undefined && k >= d.exit_k) {
    html += `<div class="ll-m-row ll-m-end">${say(w, "outside", { k: d.exit_k.toLocaleString("en-US") })}</div>`;
  }
  if (!Number.isFinite(rec.gb)) {
    html += `<div class="ll-m-row ll-m-end">${say(w, d.status === "diverged" ? "end_diverged" : "end",
      { k: (d.K + 1).toLocaleString("en-US") })}</div>`;
    return html;
  }
  const m = rec.batch_size;
  const full = m >= d.n_train;
  html += `<div class="ll-m-sub">${say(w, "next_update", { k: (k + 1).toLocaleString("en-US") })} · ${
    full ? say(w, "batch_all", { m })
         : say(w, d.ringed ? "batch_some" : "batch_some_unringed", { m, n: d.n_train })}</div>`;
  const xs = d.scaled ? "z" : "x";
  html += `<div class="ll-m-row"><b>${say(w, "gradient")}</b></div>`;
  html += d.train_b ? `<div class="ll-m-eq">∂L/∂b = 2·mean(ŷ − y) = <b>${fmt(rec.gb)}</b></div>`
    : `<div class="ll-m-eq">∂L/∂b: ${say(w, "held_b")}</div>`;  // not used, so not shown as 0
  html += `<div class="ll-m-eq">∂L/∂w = 2·mean(${xs}·(ŷ − y)) = <b>${fmt(rec.gw)}</b></div>`;
  const gd = d.optimizer === "gd";
  const rule = gd ? "θ ← θ − η·∇L" : say(w, "rule_" + d.optimizer, { beta: String(d.beta),
                                                                   beta2: String(d.beta2) });
  const lr = String(d.lr);  // the slider's value, exactly
  html += `<div class="ll-m-row"><b>${say(w, "update", { lr })}</b>: ${rule}</div>`;
  for (const [name, v, g, nv, trained] of [["b", rec.b, rec.gb, rec.nb, d.train_b],
                                           ["w", rec.w, rec.gw, rec.nw, true]]) {
    if (!trained) {
      html += `<div class="ll-m-eq">${name} = ${fmt(v)} ${say(w, "held_b")}</div>`;
    } else if (gd) {
      html += `<div class="ll-m-eq">${name}: ${fmt(v)} − ${lr} × ${par(g)} = <b>${
        fmt(nv)}</b></div>`;
    } else {
      html += `<div class="ll-m-eq">${name}: ${fmt(v)} + ${par(nv - v)} = <b>${fmt(nv)}</b></div>`;
    }
  }
  html += `<div class="ll-m-row">${say(w, full ? "loss_all" : "loss_batch",
    { before: fmt(rec.batch_loss), after: fmt(rec.batch_loss_next) })}</div>`;
  if (!full) html += `<div class="ll-m-row">${say(w, "loss_all",
    { before: fmt(rec.loss), after: fmt(rec.loss_next) })}</div>`;
  return html;
}

function renderMaths(el, d, detail) {
  el.innerHTML = mathsHtml(detail.run, detail.rec, d.words);
  el.dataset.k = detail.rec ? String(detail.rec.k) : "";
}

// ---------------------------------------------------------------- the bar
const CSS = `
.ll-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.45rem;
  font-family: sans-serif; font-size: var(--ll-font, 15px); color: #111; }
.ll-bar button { font-size: inherit; min-width: 2em; padding: 0.25em 0.4em 0.1em; cursor: pointer;
  border: 1px solid #bbb; border-radius: 0.4em; background: #fff; color: #111; }
.ll-bar button:hover { border-color: #D55E00; }
.ll-bar button.ll-play { min-width: 3.6em; }
.ll-bar input[type=range] { flex: 1 1 10em; min-width: 4em; accent-color: #D55E00; }
.ll-bar select { font-size: inherit; }
.ll-bar .ll-label { font-variant-numeric: tabular-nums; white-space: nowrap; }
.ll-maths { font-family: sans-serif; font-size: var(--ll-font, 15px); line-height: 1.55;
  color: #111; font-variant-numeric: tabular-nums; }
.ll-maths .ll-m-head { font-weight: 700; font-size: 1.08em; }
.ll-maths .ll-m-sub { color: #444; margin-bottom: 0.2em; }
.ll-maths .ll-m-eq { padding-left: 0.8em; }
.ll-maths .ll-m-end { color: #444; }
`;

function ensureCss() {
  if (document.getElementById("losslab-timeline-css")) return;
  const style = document.createElement("style");
  style.id = "losslab-timeline-css";
  style.textContent = CSS;
  document.head.appendChild(style);
}

const ICONS = {
  start: "M6 5h2v14H6zM20 5v14L9 12z",
  back: "M18 5v14L7 12zM5 5h2v14H5z",
  play: "M7 4v16l13-8z",
  pause: "M6 4h4v16H6zM14 4h4v16h-4z",
  forward: "M6 5v14l11-7zM17 5h2v14h-2z",
  end: "M4 5v14l11-7zM16 5h2v14h-2z",
};

function icon(name) {
  return `<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true"><path d="${ICONS[name]}" fill="currentColor"/></svg>`;
}

function button(name, title, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.innerHTML = icon(name);
  b.dataset.action = name;
  b.title = title;
  b.setAttribute("aria-label", title);
  if (cls) b.className = cls;
  return b;
}

class Bar {
  constructor(root, setStateValue) {
    this.root = root;
    this.setStateValue = setStateValue;
    this.playing = false;
    this.speed = 1;
    this.unit = "update";
    this.idx = 0;
    this.el = document.createElement("div");
    this.el.className = "ll-bar";
    this.bStart = button("start", "start");
    this.bBack = button("back", "back");
    this.bPlay = button("play", "play", "ll-play");
    this.bFwd = button("forward", "forward");
    this.bEnd = button("end", "end");
    this.scrub = document.createElement("input");
    this.scrub.type = "range";
    this.scrub.min = "0";
    this.scrub.step = "1";
    this.label = document.createElement("span");
    this.label.className = "ll-label";
    this.speedSel = document.createElement("select");
    for (const s of SPEEDS) this.speedSel.add(new Option(`${s}×`, String(s), s === 1, s === 1));
    this.unitSel = document.createElement("select");
    this.unitSel.add(new Option("update", "update", true, true));
    this.unitSel.add(new Option("epoch", "epoch"));
    this.el.append(this.bStart, this.bBack, this.bPlay, this.bFwd, this.bEnd, this.scrub,
                   this.label, this.speedSel, this.unitSel);
    root.appendChild(this.el);
    this.bStart.onclick = () => this.go(0, true);
    this.bEnd.onclick = () => this.go(this.run.n - 1, true);
    this.bBack.onclick = () => this.step(-1);
    this.bFwd.onclick = () => this.step(1);
    this.bPlay.onclick = () => this.toggle();
    this.scrub.oninput = () => { this.pause(false); this.go(this.fromScrub(), false); };
    this.scrub.onchange = () => this.remember();
    this.speedSel.onchange = () => { this.speed = Number(this.speedSel.value); };
    this.unitSel.onchange = () => { this.unit = this.unitSel.value; this.syncScrub(); };
  }

  setData(d) {
    this.el.dataset.receivedAt = String(performance.now());  // for bench/
    const words = d.words;
    for (const [b, key] of [[this.bStart, "to_start"], [this.bBack, "back"], [this.bFwd, "forward"],
                            [this.bEnd, "to_end"]]) {
      b.title = words[key]; b.setAttribute("aria-label", words[key]);
    }
    this.unitSel.options[0].text = words.unit_update;
    this.unitSel.options[1].text = words.unit_epoch;
    this.unitSel.title = words.unit;
    this.speedSel.title = words.speed;
    this.scrub.setAttribute("aria-label", words.scrub);
    this.el.style.setProperty("--ll-font", `${d.style.font}px`);
    this.words = words;
    const sameRun = this.d && this.d.rev === d.rev;
    this.d = d;
    if (sameRun) {  // the same run in another language or style: redraw this position
      this.run.d = d;
      this.go(this.idx, false);
      return;
    }
    const wasEnd = this.run && this.idx === this.run.n - 1;
    const oldStep = this.run ? this.run.pos[this.idx] : null;
    this.run = new Run(d);
    // a new run (a slider moved): stay at the same update if there is one, else at the server's
    let idx = d.start;
    if (oldStep !== null) idx = wasEnd ? this.run.n - 1 : this.nearest(oldStep);
    this.pause(false);
    this.go(idx, false);
  }

  nearest(step) {
    const pos = this.run.pos;
    let lo = 0, hi = pos.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (pos[mid] < step) lo = mid + 1; else hi = mid; }
    if (lo > 0 && step - pos[lo - 1] <= pos[lo] - step) lo -= 1;
    return lo;
  }

  fromScrub() {
    const v = Number(this.scrub.value);
    return this.unit === "epoch" ? this.run.epochFrames[v] : v;
  }

  syncScrub() {
    const run = this.run;
    if (this.unit === "epoch") {
      this.scrub.max = String(run.epochFrames.length - 1);
      let e = 0;
      while (e + 1 < run.epochFrames.length && run.epochFrames[e + 1] <= this.idx) e++;
      this.scrub.value = String(e);
    } else {
      this.scrub.max = String(run.n - 1);
      this.scrub.value = String(this.idx);
    }
  }

  step(dir) {
    this.pause(false);
    const run = this.run;
    let idx = this.idx + dir;
    if (this.unit === "epoch") {
      const f = run.epochFrames;
      idx = dir > 0 ? (f.find((i) => i > this.idx) ?? run.n - 1)
                    : ([...f].reverse().find((i) => i < this.idx) ?? 0);
    }
    this.go(Math.min(Math.max(idx, 0), run.n - 1), true);
  }

  go(idx, remember) {
    this.idx = idx;
    const run = this.run, d = this.d, k = run.pos[idx];
    this.syncScrub();
    this.label.textContent = this.words.label.replace("{k}", k.toLocaleString("en-US"))
      .replace("{K}", d.K.toLocaleString("en-US")).replace("{epoch}", epochText(k, d.upe));
    this.el.dataset.k = String(k);
    this.el.dataset.idx = String(idx);
    this.el.dataset.playing = this.playing ? "1" : "0";
    const detail = { channel: d.channel, rev: d.rev, idx, k, playing: this.playing,
                     rec: run.rec(idx), run: { K: d.K, upe: d.upe, n_train: d.n_train,
                     status: d.status, scaled: d.scaled, ringed: d.ringed, exit_k: d.exit_k,
                     train_b: d.train_b, lr: d.lr,
                     optimizer: d.optimizer, beta: d.beta, beta2: d.beta2 },
                     views: run.views(idx) };
    latest()[d.channel] = detail;
    window.dispatchEvent(new CustomEvent(EVENT, { detail }));
    if (remember) this.remember();
  }

  remember() {  // the position goes into the link, once the user has stopped moving it
    clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(() => {
      if (this.playing) return;
      const k = this.run.pos[this.idx];
      this.setStateValue("step", this.idx === this.run.n - 1 ? -1 : k);
    }, 350);
  }

  toggle() { if (this.playing) this.pause(true); else this.play(); }

  play() {
    if (this.playing) return;
    if (this.idx >= this.run.n - 1) this.go(0, false);  // from the start again
    this.playing = true;
    this.bPlay.innerHTML = icon("pause");
    this.bPlay.title = this.words.pause;
    let last = performance.now(), carry = 0;
    const tick = (now) => {
      if (!this.playing) return;
      carry += (now - last) / 1000 * FPS * this.speed;
      last = now;
      const adv = Math.floor(carry);
      if (adv >= 1) {
        carry -= adv;
        const idx = Math.min(this.idx + adv, this.run.n - 1);
        if (idx === this.run.n - 1) { this.playing = false; this.go(idx, false); this.pause(true); return; }
        this.go(idx, false);
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.el.dataset.playing = "1";
    this.frame = requestAnimationFrame(tick);
  }

  pause(remember) {
    const was = this.playing;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.bPlay.innerHTML = icon("play");
    if (this.words) this.bPlay.title = this.words.play;
    this.el.dataset.playing = "0";
    if (was) this.go(this.idx, remember);  // a final, non-playing frame: every view catches up
  }

  key(event) {
    const t = event.target;
    const tag = (t && t.tagName) || "";
    if (t === this.scrub && event.key !== " ") return;  // the scrubber moves itself
    if (t !== document.body && !this.el.contains(t)) {
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || t.isContentEditable ||
          (t.getAttribute && t.getAttribute("role") === "slider")) return;  // theirs
      if (event.key === " " && (/^(BUTTON|A|SUMMARY)$/.test(tag) ||
          (t.getAttribute && t.getAttribute("role") === "button"))) return;  // space clicks it
    }
    const actions = { " ": () => this.toggle(), ArrowRight: () => this.step(1),
      ArrowDown: () => this.step(1), PageDown: () => this.step(1), ArrowLeft: () => this.step(-1),
      ArrowUp: () => this.step(-1), PageUp: () => this.step(-1),
      Home: () => this.go(0, true), End: () => this.go(this.run.n - 1, true) };
    const act = actions[event.key];
    if (!act || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    act();
  }
}

export default function (component) {
  const { parentElement, data, setStateValue } = component;
  ensureCss();
  if (data.role === "maths") {
    let el = parentElement.querySelector(".ll-maths");
    if (!el) {
      el = document.createElement("div");
      el.className = "ll-maths";
      parentElement.appendChild(el);
      el.__listen = (event) => { if (event.detail.channel === el.__data.channel) renderMaths(el, el.__data, event.detail); };
      window.addEventListener(EVENT, el.__listen);
    }
    el.__data = data;
    el.style.setProperty("--ll-font", `${data.font}px`);
    const last = latest()[data.channel];
    if (last) renderMaths(el, data, last);
    return () => window.removeEventListener(EVENT, el.__listen);
  }
  let bar = parentElement.__lossLabBar;
  if (!bar) {
    bar = new Bar(parentElement, setStateValue);
    parentElement.__lossLabBar = bar;
    bar.onKey = (event) => bar.key(event);
    document.addEventListener("keydown", bar.onKey);
  }
  bar.setStateValue = setStateValue;
  bar.setData(data);
  return () => {
    bar.pause(false);
    document.removeEventListener("keydown", bar.onKey);
    delete parentElement.__lossLabBar;
  };
}
