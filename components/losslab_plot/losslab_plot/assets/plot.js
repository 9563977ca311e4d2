// A Plotly chart that is created once and then updated in place (Plotly.react), so that a
// Streamlit rerun neither remounts it nor resets the 3D camera a teacher has chosen.
const PLOTLY_URL = new URL("./plotly.min.js", import.meta.url).href;
const CONFIG = { displaylogo: false, responsive: true,
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
  if (gd.__lossLabRev === data.rev) return;  // same figure: nothing to redraw
  const figure = JSON.parse(data.figure);
  gd.__lossLabRev = data.rev;
  gd.dataset.rev = data.rev;
  if (gd.layout) {
    await Plotly.react(gd, figure.data, mergeLayout(gd.layout, figure.layout), CONFIG);
  } else {
    await Plotly.newPlot(gd, figure.data, figure.layout, CONFIG);
    // from the first drag on, the camera is the user's
    gd.on("plotly_relayout", (event) => {
      if (Object.keys(event).some((k) => k.startsWith("scene.camera"))) {
        gd.layout.__lossLabCameraOwned = true;
      }
    });
  }
  gd.dataset.drawnRev = data.rev;
}
