// One run of a timeline (a "track"): its frame table, and what each view draws at a frame.
//
// The frame table is core/timeline.py's: per frame "loss", "loss_next", "batch_loss",
// "batch_loss_next", "batch_size", "lam_max", "lr" (the next update's η) and, per parameter j, "p{j}" (where the run is),
// "g{j}" (the gradient the next update uses), "n{j}" (where it lands), "fg{j}" (the full
// gradient) and "a{j}" (the next batch's curvature along j, quadratic surfaces). The track
// (ui/timeline.py, track) adds its schedule, the two plotted parameters ``axes``, the plotted
// ``window``, the surface spec (surface.js) and the original-unit line of the data view.
import { typedArray } from "./typed.js";
import { makeSurface } from "./surface.js";

const decode = (array) => (array == null ? null : typedArray(array.b64, array.dtype));

export class Track {
  constructor(d) {
    this.d = d;
    this.pos = decode(d.positions);
    this.clock = decode(d.clock);
    this.n = this.pos.length;
    this.col = {};
    for (const [name, array] of Object.entries(d.columns)) this.col[name] = decode(array);
    const nan = new Float64Array(this.n).fill(NaN);  // columns left out are all NaN
    for (const name of ["loss_next", "batch_loss", "batch_loss_next", "lam_max", "lr"]) this.col[name] ||= nan;
    for (let j = 0; j < d.names.length; j++) for (const kind of ["g", "n", "fg", "a"]) this.col[kind + j] ||= nan;
    this.members = decode(d.members);
    this.offsets = decode(d.offsets);
    this.surface = makeSurface(d.surface);
    this.p = d.names.length;
    this.epochFrames = [];  // frames at epoch boundaries, for stepping by epoch
    for (let i = 0; i < this.n; i++) {
      if (this.pos[i] % d.upe === 0 || i === this.n - 1) this.epochFrames.push(i);
    }
  }

  // the last frame at or before clock value c (the start when c is before it)
  frameAt(c) {
    let lo = 0, hi = this.n - 1;
    if (c >= this.clock[hi]) return hi;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.clock[mid] <= c) lo = mid; else hi = mid - 1; }
    return lo;
  }

  rec(i) {
    const r = { i, k: this.pos[i], theta: [], grad: [], next: [], full: [], a: [] };
    for (const name of ["loss", "loss_next", "batch_loss", "batch_loss_next", "batch_size",
                        "lam_max", "lr"]) r[name] = this.col[name][i];
    for (let j = 0; j < this.p; j++) {
      r.theta.push(this.col["p" + j][i]); r.grad.push(this.col["g" + j][i]);
      r.next.push(this.col["n" + j][i]); r.full.push(this.col["fg" + j][i]);
      r.a.push(this.col["a" + j][i]);
    }
    r.hasNext = Number.isFinite(r.grad[0]);
    r.rows = (this.members && r.hasNext && r.batch_size > 0 && r.batch_size < this.d.n_train)
      ? this.members.subarray(this.offsets[i], this.offsets[i + 1]) : null;
    return r;
  }

  clampPoint(u, v) {  // keep huge coordinates of a diverging run out of SVG
    const { x: wx, y: wy } = this.d.window;
    const sx = wx[1] - wx[0], sy = wy[1] - wy[0];
    return [Math.min(Math.max(u, wx[0] - 10 * sx), wx[1] + 10 * sx),
            Math.min(Math.max(v, wy[0] - 10 * sy), wy[1] + 10 * sy)];
  }

  // what each view draws at frame i (st: the style, words: the texts)
  views(i, st, words) {
    const d = this.d, r = this.rec(i), [ax, ay] = d.axes;
    const inside = d.exit_k === null || d.exit_k === undefined || r.k < d.exit_k;
    const dot = (x, y, size, color, fill = "white", xref = "x", yref = "y", width = 2.5) => ({
      type: "circle", xref, yref, xsizemode: "pixel", ysizemode: "pixel", xanchor: x, yanchor: y,
      x0: -size / 2, x1: size / 2, y0: -size / 2, y1: size / 2,
      line: { color, width: width * st.line }, fillcolor: fill, layer: "above" });
    // from (x0, y0) to the head at (x1, y1); the plot turns it into shapes (plot.js)
    const arrow = (x0, y0, x1, y1, color, label = "", xref = "x", yref = "y") => ({
      x0, y0, x1, y1, color, label, xref, yref, width: 2.5 * st.line, font: st.font,
      casing: st.casing });

    // contour: the path so far (on a white casing, so it reads on any colour), the current
    // point, the direction of steepest descent and the step the update takes
    let path = "";
    for (let j = 0; j <= i && (inside || this.pos[j] < d.exit_k); j++) {
      const [u, v] = this.clampPoint(this.col["p" + ax][j], this.col["p" + ay][j]);
      path += (j ? "L" : "M") + u.toPrecision(7) + "," + v.toPrecision(7);
    }
    const colour = d.colour || st.path;
    const contourShapes = [
      { type: "path", path, xref: "x", yref: "y", line: { color: st.casing, width: 6 * st.line } },
      { type: "path", path, xref: "x", yref: "y", line: { color: colour, width: 3 * st.line } }];
    if (inside) contourShapes.push(dot(r.theta[ax], r.theta[ay], 15 * st.marker, st.black, colour));
    const contourArrows = [];
    if (r.hasNext && inside && !d.quiet) {
      const { x: wx, y: wy } = d.window;
      const half = 0.5 * Math.min(wx[1] - wx[0], wy[1] - wy[0]);
      const gx = r.grad[ax], gy = r.grad[ay], gn = Math.hypot(gx, gy);
      if (gn > 0) {  // steepest descent, drawn a fixed length: its size is in the maths panel
        const len = 0.3 * half;
        contourArrows.push(arrow(r.theta[ax], r.theta[ay], r.theta[ax] - len * gx / gn,
                                 r.theta[ay] - len * gy / gn, st.black, words.neg_grad));
      }
      let nx = r.next[ax], ny = r.next[ay];
      const reach = Math.max(Math.abs(nx - r.theta[ax]), Math.abs(ny - r.theta[ay]));
      if (reach > 2 * half) {  // a step far out of the window: draw its first part
        const f = 2 * half / reach;
        nx = r.theta[ax] + f * (nx - r.theta[ax]); ny = r.theta[ay] + f * (ny - r.theta[ay]);
      }
      if (reach > 0) contourArrows.push(arrow(r.theta[ax], r.theta[ay], nx, ny, colour));
    }

    // loss curve: where on the curve, in the curve's x unit (epochs, or updates)
    const cx = d.curve_x === "clock" ? this.clock[i] : d.curve_x === "updates" ? r.k : r.k / d.upe;
    const curveShapes = [
      { type: "line", xref: "x", yref: "paper", x0: cx, x1: cx, y0: 0, y1: 1,
        line: { color: st.black, width: 1.5 * st.line, dash: "dot" } }];
    if (r.loss > 0 || !d.log_y) curveShapes.push(dot(cx, r.loss, 13 * st.marker, st.black, colour));
    // the local stable step along the path (test functions)
    const lim = 2 / r.lam_max;
    const limitShapes = [
      { type: "line", xref: "x", yref: "paper", x0: r.k, x1: r.k, y0: 0, y1: 1,
        line: { color: st.black, width: 1.5 * st.line, dash: "dot" } }];
    if (lim > 0 && Number.isFinite(lim)) limitShapes.push(dot(r.k, lim, 12 * st.marker, st.black, colour));

    // data: the model's prediction at this position, and the rows of the next mini-batch
    let data = null;
    if (d.line_x) {
      const ys = this.surface.predict(r.theta, d.line_x);
      let fit = "";
      d.line_x.forEach((x, j) => { fit += (j ? "L" : "M") + x.toPrecision(7) + "," + ys[j].toPrecision(7); });
      data = { shapes: [{ type: "path", path: fit, xref: "x", yref: "y",
                          line: { color: colour, width: 4 * st.line } }],
               rings: r.rows ? { rows: Array.from(r.rows), size: 13 * Math.sqrt(st.marker),
                                 color: st.batch_ring, width: 1.6 * st.line } : null };
    }

    // the 3D view's height of a loss: the loss, or on a log view log10 of its height above the
    // minimum (ui/views.py, surface_z)
    const z = d.z_log ? Math.log10(Math.max(r.loss - d.z_log.shift, d.z_log.least)) : r.loss;
    return {
      surface: { point: inside ? [r.theta[ax], r.theta[ay], z + d.lift] : [] },
      contour: { shapes: contourShapes, arrows: contourArrows },
      curve: { shapes: curveShapes },
      limit: { shapes: limitShapes },
      data,
      cross: this.sections(r, st, dot, arrow),
      // one weight: the loss along the second parameter on the chart's own axes
      curve1d: this.section(r, d.axes[1], "x", "y", d.window.y, st, dot, arrow),
      rec: r,
    };
  }

  // cross-sections through the current point along each plotted parameter: the whole
  // training loss (black), the next mini-batch's loss (dashed), the tangent whose slope is the
  // partial derivative the update uses and an arrow for the step along it. Left panel: the
  // second plotted parameter (x, y axes); right panel: the first (x2, y2).
  sections(r, st, dot, arrow) {
    const d = this.d, out = { shapes: [], arrows: [] };
    const [a0, a1] = d.axes;
    for (const [axis, xr, yr, range] of [[a1, "x", "y", d.window.y], [a0, "x2", "y2", d.window.x]]) {
      const one = this.section(r, axis, xr, yr, range, st, dot, arrow);
      out.shapes.push(...one.shapes);
      out.arrows.push(...one.arrows);
    }
    return out;
  }

  // the loss along parameter ``axis`` through the current point, on axes (xr, yr) over range
  section(r, axis, xr, yr, [lo, hi], st, dot, arrow) {
    const d = this.d, out = { shapes: [], arrows: [] }, s = this.surface;
    const colour = d.colour || st.path;
    const batch = r.rows || (r.hasNext && r.batch_size > 0 && r.batch_size < d.n_train);
    const held = (d.held || [])[axis];
    const t0 = r.theta[axis];
    const at = (t, f) => { const th = r.theta.slice(); th[axis] = t; return f(th); };
    const curve = (f) => {
      let path = "";
      for (let j = 0; j <= 60; j++) {
        const t = lo + (hi - lo) * j / 60;
        path += (j ? "L" : "M") + t.toPrecision(7) + "," + Math.min(at(t, f), 1e12).toPrecision(7);
      }
      return path;
    };
    out.shapes.push({ type: "path", path: curve(s.loss), xref: xr, yref: yr,
                      line: { color: st.black, width: 2.5 * st.line } });
    let batchLoss = null;  // the mini-batch's loss along this axis, exact
    if (batch && r.hasNext && !held) {
      if (Number.isFinite(r.a[axis])) {  // a quadratic form: L_B + g t + a t^2 exactly
        const L0 = r.batch_loss, g = r.grad[axis], a = r.a[axis];
        batchLoss = (th) => { const dt = th[axis] - t0; return L0 + g * dt + a * dt * dt; };
      } else if (s.batchLoss && r.rows) {
        batchLoss = (th) => s.batchLoss(th, r.rows);
      }
    }
    if (batchLoss) {
      out.shapes.push({ type: "path", path: curve(batchLoss), xref: xr, yref: yr,
                        line: { color: colour, width: 2.5 * st.line, dash: "dash" } });
    }
    const L0 = batchLoss ? r.batch_loss : r.loss;
    const slope = r.hasNext && !held ? r.grad[axis] : r.full[axis];
    if (Number.isFinite(slope)) {
      const span = 0.22 * (hi - lo);
      out.shapes.push({ type: "line", xref: xr, yref: yr, x0: t0 - span, x1: t0 + span,
                        y0: L0 - slope * span, y1: L0 + slope * span,
                        line: { color: st.tangent, width: 2 * st.line } });
      const next = r.next[axis];
      if (r.hasNext && !held && Number.isFinite(next) && next !== t0 && !d.quiet) {
        const reach = Math.max(lo - t0, Math.min(hi - t0, next - t0));
        out.arrows.push(arrow(t0, L0, t0 + reach, L0 + slope * reach, colour, "", xr, yr));
      }
    }
    if (batchLoss) out.shapes.push(dot(t0, r.batch_loss, 11 * st.marker, colour, "white", xr, yr));
    out.shapes.push(dot(t0, r.loss, 13 * st.marker, st.black, colour, xr, yr));
    return out;
  }
}
