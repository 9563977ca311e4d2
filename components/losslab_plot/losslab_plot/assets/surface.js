// The loss surfaces of core/ (surface.py, functions.py, neuron.py), evaluated in the browser so
// that the hover readout, the cross-sections and the fitted curve are exact at any point, with
// no trip to the server. A test runs this module in Node against the Python at random points.
//
// A spec (ui/timeline.py, surface_spec) is one of
//   {kind: "quadratic", p, R (p*p, row-major, upper triangular), star (p), lmin}
//       L(theta) = lmin + |R (theta - star)|^2, the exact MSE of a linear model
//   {kind: "function", key}                      a test function of (x, y)
//   {kind: "neuron", x, y}                       mean((w2 tanh(w1 x) - y)^2) over the rows
// plus {model: "line" | "neuron" | null, scaler: {mean, std}} for predictions in original units.
import { typedArray } from "./typed.js";

const FUNCTIONS = {
  rosenbrock: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  himmelblau: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  beale: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2
    + (2.625 - x + x * y ** 3) ** 2,
  camel: (x, y) => (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2,
  saddle: (x, y) => x ** 4 / 4 - x ** 2 / 2 + y ** 2 / 2,
};

function array(v) {
  if (v && typeof v === "object" && typeof v.b64 === "string") return typedArray(v.b64, v.dtype);
  return v;
}

export function makeSurface(spec) {
  const scaler = spec.scaler || { mean: 0, std: 1 };
  const toZ = (x) => (x - scaler.mean) / scaler.std;
  let loss, batchLoss = null;
  if (spec.kind === "quadratic") {
    const p = spec.p, R = spec.R, star = spec.star, lmin = spec.lmin;
    loss = (theta) => {
      let total = 0;
      for (let a = 0; a < p; a++) {
        let u = 0;
        for (let c = a; c < p; c++) u += R[a * p + c] * (theta[c] - star[c]);
        total += u * u;
      }
      return lmin + total;
    };
  } else if (spec.kind === "function") {
    const f = FUNCTIONS[spec.key];
    loss = (theta) => f(theta[0], theta[1]);
  } else if (spec.kind === "neuron") {
    const x = array(spec.x), y = array(spec.y);
    const over = (theta, rows) => {
      let total = 0;
      const n = rows ? rows.length : x.length;
      for (let i = 0; i < n; i++) {
        const r = rows ? rows[i] : i;
        const e = theta[1] * Math.tanh(theta[0] * x[r]) - y[r];
        total += e * e;
      }
      return total / n;
    };
    loss = (theta) => over(theta, null);
    batchLoss = over;
  } else {
    throw new Error(`unknown surface ${spec.kind}`);
  }
  const predict = (theta, xs) => xs.map((x) => {
    const z = toZ(x);
    return spec.model === "neuron" ? theta[1] * Math.tanh(theta[0] * z) : theta[0] + theta[1] * z;
  });
  return { loss, batchLoss, predict, p: spec.p || 2 };
}
