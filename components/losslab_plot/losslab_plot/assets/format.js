// Numbers and words as people read them: the maths panel, the bar's label and the hover readout.

// 4 significant digits (kept, so 1.000 is not 0.99996 rounded away), a real minus sign, powers
// of ten when huge or tiny. ``html`` false gives plain text (for titles and hover boxes).
export function fmt(v, digits = 4, html = true) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  let s = (a >= 1e5 || a < 1e-3) ? v.toExponential(digits - 1) : v.toPrecision(digits);
  if (s.includes("e")) {
    const [m, e] = s.split("e");
    s = html ? `${m}×10<sup>${Number(e)}</sup>` : `${m}×10^${Number(e)}`;
  }
  return s.replace(/^-/, "−");
}

export const par = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));

// epochs: whole at a boundary, else two decimals (update 3 of 5 per epoch is epoch 0.60)
export const epochText = (k, upe) => (k % upe === 0 ? String(k / upe) : (k / upe).toFixed(2));

export const count = (k) => Number(k).toLocaleString("en-US");

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;",
                                                   '"': "&quot;", "'": "&#39;" })[c]);
}

// a text from ui/text.py with its {placeholders} filled (values are trusted HTML of our own)
export function say(words, key, values = {}) {
  let s = escapeHtml(words[key] ?? key);
  for (const [k, v] of Object.entries(values)) s = s.split(`{${k}}`).join(v);
  return s;
}
