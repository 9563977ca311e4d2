// A Plotly chart that is created once and then updated in place (Plotly.react), so that a
// Streamlit rerun neither remounts it nor resets the 3D camera a teacher has chosen.
//
// data (ui/charts.py): figure (Plotly JSON), rev (a hash of it), timeline ({channel, role, rev,
// track}: the timeline draws on this chart), size ({rows, min, max, aspect}: the chart's height
// from the screen), words (the chart's own buttons).
import { catchUp, unlisten } from "./marks.js";
import { dataOnlyChanges, keysOf, redraw3dTraces, redrawn2d, surfacesUnpicked } from "./paths.js";
import { COARSE, CSS, heightFor, interactive, resetButton, touchShield } from "./interact.js";
import { watchUploads } from "./upload.js";
import { whenGone } from "./lifecycle.js";

const PLOTLY_URL = new URL("./plotly-lab.min.js", import.meta.url).href;  // ../../bundle/build
// 3D at the screen's own resolution (plotly.js renders WebGL at twice it by default: four times
// the pixels, which software WebGL, as on a laptop without a GPU, pays for in every frame). The
// mouse wheel scrolls the page, never zooms a chart by surprise.
const CONFIG = { displaylogo: false, responsive: true, scrollZoom: false,
                 displayModeBar: COARSE ? false : "hover",  // a phone: the page's own buttons
                 plotGlPixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
                 modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"] };

// Images at projector size: the camera button saves 1280 x 720 at scale 1.5 (a 1920 x 1080 PNG,
// every font 1.5 times as large), a button beside it the same as SVG.
const IMAGE = { width: 1280, height: 720 };
function configFor(figure, words) {
  const title = ((figure.layout.title && figure.layout.title.text) || "").toLowerCase();
  const filename = "losslab-" + (title.replace(/<[^>]*>/g, "").replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "").slice(0, 40) || "chart");
  const png = {
    name: "save_png", title: words.save_png || "PNG", icon: window.Plotly.Icons.camera,
    click: (gd) => window.Plotly.downloadImage(gd, { format: "png", ...IMAGE, scale: 1.5, filename }),
  };
  const svg = {
    name: "save_svg", title: words.save_svg || "SVG",
    icon: { width: 1000, height: 1000, path: "M500 50 L850 400 H620 V750 H380 V400 H150 Z M150 850 H850 V950 H150 Z" },
    click: (gd) => window.Plotly.downloadImage(gd, { format: "svg", ...IMAGE, filename }),
  };
  return { ...CONFIG, modeBarButtonsToAdd: [png, svg],
           modeBarButtonsToRemove: [...CONFIG.modeBarButtonsToRemove, "toImage"] };
}

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

function ensureCss() {
  if (document.getElementById("losslab-plot-css")) return;
  const style = document.createElement("style");
  style.id = "losslab-plot-css";
  style.textContent = CSS;
  document.head.appendChild(style);
}

// Copy the new layout into the one plotly.js holds (gd.layout), keeping the camera the user
// dragged to: plotly.js writes it into that object, and a fresh layout object would reset it.
function mergeLayout(held, fresh) {
  for (const key of Object.keys(held)) if (!(key in fresh) && !key.startsWith("__")) delete held[key];
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

// A legend above the plot (viz/layout.py, legend_top) takes as many rows as the chart's width
// needs: the top margin is set to the title and the legend as drawn, so they never overlap.
function fitLegend(gd) {
  const full = gd._fullLayout, legend = full && full.legend;
  if (legend && legend.orientation === "v" && legend.x > 1) return fitColourBar(gd);
  if (!legend || !legend._height || full.showlegend === false || legend.yanchor !== "bottom" ||
      !(legend.y >= 1)) return Promise.resolve();
  const title = full.title && full.title.text ? full.title.font.size + 16 : 6;
  const needed = Math.round(title + legend._height + 4);
  if (Math.abs(needed - full.margin.t) <= 2) return Promise.resolve();
  return window.Plotly.relayout(gd, { "margin.t": needed });
}

// A legend in a column right of the plot (projector, viz/layout.py legend_side) shares it with
// the colour bar: the bar takes the room under the legend, and is left out where that room is
// too small to read (the surface's own colours and the hover still give the loss).
const MIN_BAR = 70;
function fitColourBar(gd) {
  const full = gd._fullLayout, legend = full.legend;
  const i = gd.data.findIndex((tr) => tr.colorbar && tr.showscale !== false);
  const j = i >= 0 ? i : gd.data.findIndex((tr) => tr.colorbar && tr.__llBarHidden);
  if (j < 0 || !legend._height || !full._size) return Promise.resolve();
  const room = Math.floor(full._size.h - legend._height - 12);
  const show = room >= MIN_BAR;
  gd.data[j].__llBarHidden = !show;
  const now = gd.data[j].showscale !== false;
  const len = gd.data[j].colorbar.len, mode = gd.data[j].colorbar.lenmode;
  if (now === show && (!show || (mode === "pixels" && Math.abs(len - room) < 4))) {
    return Promise.resolve();
  }
  return window.Plotly.restyle(gd, show
    ? { showscale: true, "colorbar.lenmode": "pixels", "colorbar.len": room }
    : { showscale: false }, [j]);
}

function placeholder(parentElement, size, words) {  // until plotly.js is loaded and has drawn
  let el = parentElement.querySelector(".ll-loading");
  if (!el && !parentElement.querySelector(".losslab-plot")) {
    el = document.createElement("div");
    el.className = "ll-loading";
    el.textContent = (words && words.loading) || "Loading the chart…";
    el.style.height = `${(size && size.height) || 400}px`;
    parentElement.appendChild(el);
  }
  return el;
}

export default async function (component) {
  const { parentElement, data } = component;
  ensureCss();
  const loading = placeholder(parentElement, data.size, data.words);
  const Plotly = await loadPlotly();
  let gd = parentElement.querySelector(".losslab-plot");
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "losslab-plot";
    gd.style.width = "100%";
    parentElement.appendChild(gd);
  }
  const cleanup = whenGone(parentElement, () => unlisten(gd));
  const tlChanged = JSON.stringify(gd.__lossLabTimeline || null) !== JSON.stringify(data.timeline || null);
  gd.__lossLabTimeline = data.timeline || null;
  if (gd.__lossLabRev === data.rev) {  // same figure: nothing to redraw
    if (tlChanged && gd.layout) catchUp(gd);  // but perhaps a new run to follow
    return cleanup;
  }
  const figure = JSON.parse(data.figure);
  gd.__lossLabRev = data.rev;
  gd.dataset.rev = data.rev;
  gd.__lossLabSize = data.size || null;
  const height = heightFor(gd, data.size);
  if (height) figure.layout.height = height;
  if (COARSE) figure.layout.dragmode = false;  // a finger scrolls the page (interact.js)
  const started = performance.now();
  gd.dataset.receivedAt = String(started);
  const keys = keysOf(figure);
  const changed = gd.layout ? dataOnlyChanges(gd, figure, keys) : null;
  if (changed && changed.length && (figure.layout.scene ? redraw3dTraces(gd, figure, changed)
                                                        : redrawn2d(gd, figure, changed))) {
    gd.dataset.update = "paths";  // done: the paths moved, the surface or contour stayed
  } else if (gd.layout) {
    await Plotly.react(gd, figure.data, mergeLayout(gd.layout, figure.layout), configFor(figure, data.words || {}));
    gd.dataset.update = "react";
  } else {
    await Plotly.newPlot(gd, figure.data, figure.layout, configFor(figure, data.words || {}));
    gd.dataset.update = "new";
    // from the first drag on, the camera is the user's
    gd.on("plotly_relayout", (event) => {
      if (Object.keys(event).some((k) => k.startsWith("scene.camera"))) {
        gd.layout.__lossLabCameraOwned = true;
      }
    });
    if (data.size) {  // the screen's height changes: so do the charts'
      window.addEventListener("resize", () => {
        const h = heightFor(gd, gd.__lossLabSize);
        if (h && gd.isConnected && Math.abs(h - (gd.layout.height || 0)) > 4) {
          Plotly.relayout(gd, { height: h }).then(() => fitLegend(gd));
        }
      });
    }
  }
  if (loading) loading.remove();
  await fitLegend(gd);
  surfacesUnpicked(gd);
  interactive(gd, figure, component);
  watchUploads();
  resetButton(gd, figure, data.words || {});
  touchShield(gd, figure, data.words || {});
  gd.__lossLabKeys = keys;
  // the figure's own shapes; the timeline's are added on top of them
  gd.__lossLabShapes = (figure.layout.shapes || []).slice();
  catchUp(gd);
  gd.dataset.drawMs = String(Math.round(performance.now() - started));  // for bench/
  gd.dataset.drawnRev = data.rev;
  return cleanup;
}
