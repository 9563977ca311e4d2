// plotly.js with the traces the lab draws and nothing else (viz/ builds scatter, contour,
// surface and scatter3d figures); tests/e2e check the list against the figures.
var Plotly = require("plotly.js/lib/core");

Plotly.register([
  require("plotly.js/lib/contour"),
  require("plotly.js/lib/surface"),
  require("plotly.js/lib/scatter3d"),
]);

module.exports = Plotly;
