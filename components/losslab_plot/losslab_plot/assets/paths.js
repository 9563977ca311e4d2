// A new run after a slider move changes only the paths: their traces are redrawn alone and the
// surface or contour, the same as before, is not rebuilt (plot.js decides, this does it).
import { typedArray } from "./typed.js";

// In 3D a rebuild costs ~100 ms of JavaScript and a software-WebGL frame; in 2D a react
// recalculates and redraws the contour, its colour bar and axes (~70 ms) where the scatter layer
// alone takes a few. (Plotly.animate of the paths wipes a contour on the same axes: plotly.js
// drops every layer it was not given.)
function decoded(v) {  // a 1-D base64 typed array from Python as a typed array; others as they are
  if (!v || typeof v !== "object" || typeof v.bdata !== "string" || v.shape) return v;
  return typedArray(v.bdata, v.dtype) || v;
}

const DATA_KEYS = ["x", "y", "z"];

export function keysOf(figure) {  // each trace whole and without its data arrays, and the layout
  return {
    layout: JSON.stringify(figure.layout),
    traces: figure.data.map((t) => JSON.stringify(t)),
    styles: figure.data.map((t) => JSON.stringify(t, (k, v) => (DATA_KEYS.includes(k) ? 0 : v))),
  };
}

// The traces that changed, if nothing but their x/y/z did and they are all scatter3d or all
// plain 2D scatter traces; otherwise null (the whole figure goes through react).
export function dataOnlyChanges(gd, figure, keys) {
  const prev = gd.__lossLabKeys;
  if (!prev || prev.layout !== keys.layout || prev.traces.length !== keys.traces.length) return null;
  const type = figure.layout.scene ? "scatter3d" : "scatter";
  const changed = [];
  for (let i = 0; i < keys.traces.length; i++) {
    if (prev.traces[i] === keys.traces[i]) continue;
    if (prev.styles[i] !== keys.styles[i] || figure.data[i].type !== type) return null;
    changed.push(i);
  }
  return changed;
}

// 2D: new calcdata for the changed traces and a redraw of the scatter layer of their axes
// (every scatter trace there: plotly.js's join removes the ones it is not given). Only for lines
// and markers on fixed axes, the layout unchanged; anything else goes through react.
function redraw2dTraces(gd, figure, changed) {
  const full = gd._fullData, layout = gd._fullLayout;
  const subplot = full[changed[0]] && full[changed[0]].xaxis + full[changed[0]].yaxis;
  const plotinfo = layout._plots && layout._plots[subplot];
  if (!plotinfo || !plotinfo.plot) return false;
  for (const axis of [plotinfo.xaxis, plotinfo.yaxis]) {
    if (!axis || axis.autorange !== false || !/^(linear|log)$/.test(axis.type)) return false;
  }
  const drawn = (t) => t.type === "scatter" && t.visible === true && t.xaxis + t.yaxis === subplot;
  const simple = (t) => t.fill === "none" && !t.stackgroup && !(t.error_x && t.error_x.visible)
    && !(t.error_y && t.error_y.visible);
  if (!changed.every((i) => drawn(full[i])) || !full.filter(drawn).every(simple)) return false;
  const layer = plotinfo.plot.select("g.scatterlayer");
  if (layer.empty()) return false;
  const module = full[changed[0]]._module;
  const fresh = changed.map((i) => {
    const x = decoded(figure.data[i].x), y = decoded(figure.data[i].y);
    return (x && y && x.length !== undefined && y.length !== undefined) ? [x, y] : null;
  });
  if (fresh.includes(null)) return false;
  changed.forEach((i, n) => {
    const [x, y] = fresh[n];
    const trace = full[i];
    gd.data[i].x = x; gd.data[i].y = y;
    for (const t of new Set([trace, trace._fullInput].filter(Boolean))) {
      t.x = x; t.y = y; t._length = Math.min(x.length, y.length);
    }
    const old = gd.calcdata[i];
    const cd = module.calc(gd, trace);
    if (!cd[0].t) cd[0].t = {};
    cd[0].trace = trace;
    for (const k of Object.keys(old[0])) if (!(k in cd[0])) cd[0][k] = old[0][k];  // legend's
    gd.calcdata[i] = cd;
  });
  module.plot(gd, plotinfo, gd.calcdata.filter((cd) => drawn(cd[0].trace)), layer);
  module.style(gd);
  return true;
}

export function redrawn2d(gd, figure, changed) {  // false (then react) if anything was unexpected
  try {
    return redraw2dTraces(gd, figure, changed);
  } catch (err) {
    console.warn("losslab: path redraw fell back to a full redraw", err);
    return false;
  }
}

export function redraw3dTraces(gd, figure, changed) {  // straight to the scene, one WebGL frame
  const scene = gd._fullLayout.scene && gd._fullLayout.scene._scene;
  if (!scene || !changed.every((i) => gd._fullData[i] && scene.traces[gd._fullData[i].uid])) {
    return false;
  }
  for (const i of changed) {
    const trace = figure.data[i], full = gd._fullData[i];
    const x = decoded(trace.x), y = decoded(trace.y), z = decoded(trace.z);
    Object.assign(gd.data[i], { x, y, z });
    full.x = x; full.y = y; full.z = z;
    scene.traces[full.uid].update(full, gd.calcdata[i]);
  }
  scene.glplot.redraw();
  return true;
}

// gl-plot3d draws every object a second time into a picking buffer after each change and reads
// that back with a blocking readPixels. Under software WebGL that is a second full surface
// render (~75 ms) per update, and it only answers hover: the surface (whose hover is our own
// readout, interact.js) is left out of it while the pointer is elsewhere, put back when it comes.
export function surfacesUnpicked(gd) {
  const scene = gd._fullLayout && gd._fullLayout.scene && gd._fullLayout.scene._scene;
  if (!scene) return;
  const surfaces = [];
  for (const full of gd._fullData || []) {
    const trace = scene.traces[full.uid];
    if (full.type === "surface" && trace && trace.surface && /^(skip|none)$/.test(full.hoverinfo)) {
      if (!trace.surface.__lossLabPick) trace.surface.__lossLabPick = trace.surface.drawPick;
      surfaces.push(trace.surface);
    }
  }
  gd.__lossLabPickSurfaces = (on) => {
    for (const s of surfaces) {
      s.drawPick = on && s.__lossLabPick ? s.__lossLabPick : null;
      // gl-plot3d redraws its pick buffers only when the camera moved or an object is dirty
      // (redraw() alone repaints the screen): without this the surface never answers a hover
      if (on) s.dirty = true;
    }
  };
  gd.__lossLabPickSurfaces(!!gd.__lossLabOver);
  deferPickReads(gd, scene.glplot);
}

// The read of that picking buffer (gl-select-static, 1 ms after each frame) waits for the GPU to
// finish the whole frame: ~100 ms of the page's main thread per 3D update under software WebGL,
// while the other views wait to be drawn (with software compositing the next commit still waits
// for the frame: blocked ~130 instead of ~200 ms, measured). The buffer only answers hover, so it
// is read when the pointer comes over the chart (at once while it is there); the default
// framebuffer (a PNG download) is always read at once.
function deferPickReads(gd, glplot) {
  const gl = glplot && glplot.gl;
  if (!gl || gl.__lossLabDeferred) return;
  gl.__lossLabDeferred = true;
  const read = gl.readPixels.bind(gl);
  const pending = new Map();  // picking framebuffer -> the arguments of its latest read
  gl.readPixels = (...args) => {
    const target = gl.getParameter(gl.FRAMEBUFFER_BINDING);
    if (gd.__lossLabOver || !target) return read(...args);
    pending.set(target, args);
    return undefined;
  };
  // the scene's WebGL context (a rebuilt scene brings a new one) reads what it put off
  gd.__lossLabReadPicks = () => {
    if (!pending.size || gl.isContextLost()) return;
    const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING);
    for (const [target, args] of pending) {
      if (!gl.isFramebuffer(target)) continue;
      gl.bindFramebuffer(gl.FRAMEBUFFER, target);
      read(...args);
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
    pending.clear();
  };
  if (gd.__lossLabOver === undefined) {  // the pointer's listeners, once per chart
    gd.__lossLabOver = gd.matches(":hover");
    gd.addEventListener("pointerenter", () => {
      gd.__lossLabOver = true;
      if (gd.__lossLabPickSurfaces) {  // the surface into the pick buffer: one frame redrawn
        gd.__lossLabPickSurfaces(true);
        const scene = gd._fullLayout.scene && gd._fullLayout.scene._scene;
        if (scene) scene.glplot.redraw();
      }
      gd.__lossLabReadPicks();
    });
    gd.addEventListener("pointerleave", () => {
      gd.__lossLabOver = false;
      if (gd.__lossLabPickSurfaces) gd.__lossLabPickSurfaces(false);
    });
  }
}

