// The timeline's marks on a chart: a chart whose data names a timeline channel (and its run's
// rev) draws its part of each announced position for its role: shapes by relayout (about a
// millisecond for 2D), the 3D marker by updating that one trace in the scene.
export const EVENT = "losslab-timeline";

export function catchUp(gd) {  // draw the last announced position, if it is for this chart's run
  const tl = gd.__lossLabTimeline;
  if (!tl) return;
  listen(gd);
  const last = (window.__lossLabTimeline || {})[tl.channel];
  if (last) applyTimeline(gd, last);
}

export function listen(gd) {
  if (gd.__lossLabListen) return;
  gd.__lossLabListen = (event) => applyTimeline(gd, event.detail);
  window.addEventListener(EVENT, gd.__lossLabListen);
}

export function unlisten(gd) {
  if (gd.__lossLabListen) window.removeEventListener(EVENT, gd.__lossLabListen);
  delete gd.__lossLabListen;
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

// a casing (a wider white line under the shaft) keeps an arrow readable on any colour
function casedArrowShapes(gd, a) {
  const shapes = arrowShapes(gd, a);
  if (!a.casing || !shapes.length) return shapes;
  const under = { ...shapes[0], line: { color: a.casing, width: a.width + 3 } };
  delete under.label;
  return [under, ...shapes];
}

// the parts of the chart's tracks at this position: its one track (``track``), or several
// (``tracks``, each with its run's rev; ``panels``: the n-th track on the n-th subplot)
function partsOf(tl, detail) {
  const members = tl.tracks || [tl.track || 0];
  const revs = tl.revs || [tl.rev];
  const out = [];
  members.forEach((m, n) => {
    const track = detail.tracks[m];
    if (!track || track.rev !== revs[n] || !track.views[tl.role]) return;
    out.push({ track, part: track.views[tl.role], ref: tl.panels && n > 0 ? String(n + 1) : "" });
  });
  return out;
}

function retarget(shape, ref) {  // onto subplot ``ref`` (x2/y2, ...)
  if (!ref) return shape;
  const out = { ...shape };
  if (out.xref === "x") out.xref = "x" + ref;
  if (out.yref === "y") out.yref = "y" + ref;
  return out;
}

export function applyTimeline(gd, detail) {
  const tl = gd.__lossLabTimeline;
  if (!tl || detail.channel !== tl.channel) return;
  const parts = partsOf(tl, detail);
  if (!parts.length) return;
  const { track, part } = parts[0];
  gd.dataset.timelineK = String(track.k);
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
    gd.dataset.markerK = String(track.k);
    return;
  }
  let shapes = (gd.__lossLabShapes || []).slice();
  for (const { part: p, ref } of parts) {
    for (const s of p.shapes || []) shapes.push(retarget(s, ref));
    for (const a of p.arrows || []) shapes = shapes.concat(casedArrowShapes(gd, retarget(a, ref)));
  }
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
  window.Plotly.relayout(gd, { shapes });
  gd.dataset.markerK = String(track.k);
}
