// A Plotly chart that is created once and then updated in place (Plotly.react), so that a
// Streamlit rerun neither remounts it nor resets the 3D camera a teacher has chosen.
import { typedArray } from "./typed.js";

const PLOTLY_URL = new URL("./plotly.min.js", import.meta.url).href;
// 3D at the screen's own resolution (plotly.js renders WebGL at twice it by default: four times
// the pixels, which software WebGL, as on a laptop without a GPU, pays for in every frame)
const CONFIG = { displaylogo: false, responsive: true,
                 plotGlPixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
                 modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"] };

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__lossLabPlotly) {
    window.__lossLabPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = PLOTLY_URL;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => reject(new Error("plotly.js could not be loaded"));
      document.head.appendChild(script);
    });
  }
  return window.__lossLabPlotly;
}

// Copy the new layout into the one plotly.js holds (gd.layout), keeping the camera the user
// dragged to: plotly.js writes it into that object, and a fresh layout object would reset it.
function mergeLayout(held, fresh) {
  for (const key of Object.keys(held)) if (!(key in fresh)) delete held[key];
  for (const [key, value] of Object.entries(fresh)) {
    if (key === "scene" && held.scene && typeof value === "object") {
      const camera = held.scene.camera;
      for (const k of Object.keys(held.scene)) if (!(k in value)) delete held.scene[k];
      Object.assign(held.scene, value);
      if (camera && held.__lossLabCameraOwned) held.scene.camera = camera;
    } else {
      held[key] = value;
    }
  }
  return held;
}

// ---- the timeline (timeline.js) announces a position; a chart whose data names the same
// channel (and the run's rev) draws its part for its role: shapes by relayout (about a millisecond for
// 2D), the 3D marker by updating that one trace in the scene.
const EVENT = "losslab-timeline";

function timelineOf(gd) {
  return gd.__lossLabTimeline || null;
}

function catchUp(gd) {  // draw the last announced position, if it is for this chart's run
  const tl = timelineOf(gd);
  if (!tl) return;
  listen(gd);
  const last = (window.__lossLabTimeline || {})[tl.channel];
  if (last) applyTimeline(gd, last);
}

function move3dMarker(gd, point) {  // an empty point hides the marker
  const i = gd.data.findIndex((t) => t.meta === "tl-point");
  if (i < 0) return;
  const x = point.slice(0, 1), y = point.slice(1, 2), z = point.slice(2, 3);
  const held = gd._fullData[i] || {};
  const same = (a, b) => (a || []).length === b.length && b.every((v, j) => a[j] === v);
  if (same(held.x, x) && same(held.y, y) && same(held.z, z)) return;  // a 3D frame saved
  gd.data[i].x = x; gd.data[i].y = y; gd.data[i].z = z;
  try {  // straight to the scene: a restyle would rebuild the surface too (~100 ms)
    const scene = gd._fullLayout.scene._scene;
    const full = gd._fullData[i];
    const trace = scene.traces[full.uid];
    full.x = x; full.y = y; full.z = z;
    trace.update(full, gd.calcdata[i]);
    scene.glplot.redraw();
  } catch (err) {
    window.Plotly.restyle(gd, { x: [x], y: [y], z: [z] }, [i]);
  }
}

// An arrow as two shapes (shapes redraw in under a millisecond; annotations cost ~50 ms a
// relayout): the shaft in data units, the head a triangle in pixels, turned along the shaft as
// it looks on screen (the axes' scales differ).
function arrowShapes(gd, a) {
  const axis = (ref, letter) => gd._fullLayout[letter + "axis" + ref.slice(1)];
  const xa = axis(a.xref, "x"), ya = axis(a.yref, "y");
  if (!xa || !ya) return [];
  const dx = (a.x1 - a.x0) * Math.abs(xa._m), dy = (a.y1 - a.y0) * Math.abs(ya._m);
  const len = Math.hypot(dx, dy);
  if (!(len > 1)) return [];
  const ux = dx / len, uy = dy / len, head = Math.min(4 * a.width + 6, len), half = 0.45 * head;
  const px = (v) => v.toFixed(2);
  const bx = -head * ux, by = -head * uy;
  const shaft = { type: "line", xref: a.xref, yref: a.yref, x0: a.x0, y0: a.y0,
                  x1: a.x0 + (a.x1 - a.x0) * (1 - 0.8 * head / len),
                  y1: a.y0 + (a.y1 - a.y0) * (1 - 0.8 * head / len),
                  line: { color: a.color, width: a.width } };
  if (a.label) shaft.label = { text: a.label, textposition: "end", padding: 6, textangle: 0,
                               font: { size: a.font, color: a.color } };
  return [shaft, {
    type: "path", xref: a.xref, yref: a.yref, xsizemode: "pixel", ysizemode: "pixel",
    xanchor: a.x1, yanchor: a.y1, fillcolor: a.color, line: { width: 0, color: a.color },
    path: `M0,0L${px(bx - half * uy)},${px(by + half * ux)}L${px(bx + half * uy)},${px(by - half * ux)}Z`,
  }];
}

function applyTimeline(gd, detail) {
  const tl = timelineOf(gd);
  if (!tl || detail.channel !== tl.channel || detail.rev !== tl.rev) return;
  const part = detail.views[tl.role];
  if (!part) return;
  gd.dataset.timelineK = String(detail.k);
  if (part.point) {
    // software WebGL (a headless browser, a laptop without GPU) blocks ~130 ms per 3D update:
    // while playing, give the 3D view at most a fifth of the time so the other views stay smooth
    const now = performance.now();
    if (detail.playing && gd.__lossLabNext3d && now < gd.__lossLabNext3d) return;
    move3dMarker(gd, part.point);
    requestAnimationFrame(() => {
      const cost = performance.now() - now;
      gd.__lossLabNext3d = performance.now() + 4 * Math.max(0, cost - 17);
      gd.dataset.cost3d = String(Math.round(cost));
    });
    gd.dataset.markerK = String(detail.k);
    return;
  }
  let shapes = (gd.__lossLabShapes || []).concat(part.shapes || []);
  if (part.rings) {  // training rows, ringed at the points of the trace marked "tl-train"
    const i = gd.data.findIndex((t) => t.meta === "tl-train");
    const full = i >= 0 ? gd._fullData[i] : null;
    if (full) {
      const { size, color, width } = part.rings;
      for (const m of part.rings.rows) {
        shapes.push({ type: "circle", xref: "x", yref: "y", xsizemode: "pixel",
                      ysizemode: "pixel", xanchor: full.x[m], yanchor: full.y[m],
                      x0: -size / 2, x1: size / 2, y0: -size / 2, y1: size / 2,
                      line: { color, width }, fillcolor: "rgba(0,0,0,0)", layer: "above" });
      }
    }
  }
  for (const a of part.arrows || []) shapes = shapes.concat(arrowShapes(gd, a));
  window.Plotly.relayout(gd, { shapes });
  gd.dataset.markerK = String(detail.k);
}

function listen(gd) {
  if (gd.__lossLabListen) return;
  gd.__lossLabListen = (event) => applyTimeline(gd, event.detail);
  window.addEventListener(EVENT, gd.__lossLabListen);
}

// ---- a new run after a slider move changes only the paths: their traces are redrawn alone and
// the surface or contour, the same as before, is not rebuilt. In 3D a rebuild costs ~100 ms of
// JavaScript and a software-WebGL frame; in 2D a react recalculates and redraws the contour,
// its colour bar and axes (~70 ms) where the scatter layer alone takes a few. (Plotly.animate of
// the paths wipes a contour on the same axes: plotly.js drops every layer it was not given.)
function decoded(v) {  // a 1-D base64 typed array from Python as a typed array; others as they are
  if (!v || typeof v !== "object" || typeof v.bdata !== "string" || v.shape) return v;
  return typedArray(v.bdata, v.dtype) || v;
}

const DATA_KEYS = ["x", "y", "z"];

function keysOf(figure) {  // each trace whole and without its data arrays, and the layout
  return {
    layout: JSON.stringify(figure.layout),
    traces: figure.data.map((t) => JSON.stringify(t)),
    styles: figure.data.map((t) => JSON.stringify(t, (k, v) => (DATA_KEYS.includes(k) ? 0 : v))),
  };
}

// The traces that changed, if nothing but their x/y/z did and they are all scatter3d or all
// plain 2D scatter traces; otherwise null (the whole figure goes through react).
function dataOnlyChanges(gd, figure, keys) {
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
    if (!axis || axis.autorange !== false || axis.type !== "linear") return false;
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

function redrawn2d(gd, figure, changed) {  // false (then react) if anything was unexpected
  try {
    return redraw2dTraces(gd, figure, changed);
  } catch (err) {
    console.warn("losslab: path redraw fell back to a full redraw", err);
    return false;
  }
}

function redraw3dTraces(gd, figure, changed) {  // straight to the scene, one WebGL frame
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
// that back with a blocking readPixels. A surface that shows no hover gains nothing from it, and
// under software WebGL it is a second full surface render (~75 ms) per update: leave it out.
function surfacesUnpicked(gd) {
  const scene = gd._fullLayout && gd._fullLayout.scene && gd._fullLayout.scene._scene;
  if (!scene) return;
  for (const full of gd._fullData || []) {
    const trace = scene.traces[full.uid];
    if (full.type === "surface" && trace && trace.surface && /^(skip|none)$/.test(full.hoverinfo)) {
      trace.surface.drawPick = null;
    }
  }
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
      gd.__lossLabReadPicks();
    });
    gd.addEventListener("pointerleave", () => { gd.__lossLabOver = false; });
  }
}

export default async function (component) {
  const { parentElement, data } = component;
  const Plotly = await loadPlotly();
  let gd = parentElement.querySelector(".losslab-plot");
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "losslab-plot";
    gd.style.width = "100%";
    parentElement.appendChild(gd);
  }
  const cleanup = () => { if (gd.__lossLabListen) window.removeEventListener(EVENT, gd.__lossLabListen); };
  const tlChanged = JSON.stringify(gd.__lossLabTimeline || null) !== JSON.stringify(data.timeline || null);
  gd.__lossLabTimeline = data.timeline || null;
  if (gd.__lossLabRev === data.rev) {  // same figure: nothing to redraw
    if (tlChanged && gd.layout) catchUp(gd);  // but perhaps a new run to follow
    return cleanup;
  }
  const figure = JSON.parse(data.figure);
  gd.__lossLabRev = data.rev;
  gd.dataset.rev = data.rev;
  const started = performance.now();
  gd.dataset.receivedAt = String(started);
  const keys = keysOf(figure);
  const changed = gd.layout ? dataOnlyChanges(gd, figure, keys) : null;
  if (changed && changed.length && (figure.layout.scene ? redraw3dTraces(gd, figure, changed)
                                                        : redrawn2d(gd, figure, changed))) {
    gd.dataset.update = "paths";  // done: the paths moved, the surface or contour stayed
  } else if (gd.layout) {
    await Plotly.react(gd, figure.data, mergeLayout(gd.layout, figure.layout), CONFIG);
    gd.dataset.update = "react";
  } else {
    await Plotly.newPlot(gd, figure.data, figure.layout, CONFIG);
    gd.dataset.update = "new";
    // from the first drag on, the camera is the user's
    gd.on("plotly_relayout", (event) => {
      if (Object.keys(event).some((k) => k.startsWith("scene.camera"))) {
        gd.layout.__lossLabCameraOwned = true;
      }
    });
  }
  surfacesUnpicked(gd);
  gd.__lossLabKeys = keys;
  // the figure's own shapes; the timeline's are added on top of them
  gd.__lossLabShapes = (figure.layout.shapes || []).slice();
  catchUp(gd);
  gd.dataset.drawMs = String(Math.round(performance.now() - started));  // for bench/
  gd.dataset.drawnRev = data.rev;
  return cleanup;
}
