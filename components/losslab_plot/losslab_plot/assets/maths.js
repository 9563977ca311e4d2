// The maths panel: the next update written out with the numbers of the run at this position.
import { count, epochText, fmt, par, say } from "./format.js";

export function mathsHtml(d, r, w) {
  if (!r) return "";
  const k = r.k, names = d.names;
  const colon = w.colon || ": ";  // full width after Chinese words
  const clock = d.curve_x === "updates" ? "" : say(w, "epoch_of", { epoch: epochText(k, d.upe) });
  let html = `<div class="ll-m-head">${say(w, "position", { k: count(k), K: count(d.K) })}${clock}</div>`;
  const where = names.map((n, j) => `${n} = ${fmt(r.theta[j])}`).join(w.list_sep || ", ");
  html += `<div class="ll-m-row">${where}${say(w, "loss_here", { loss: fmt(r.loss) })}</div>`;
  if (d.exit_k !== null && d.exit_k !== undefined && k >= d.exit_k) {
    html += `<div class="ll-m-row ll-m-end">${say(w, "outside", { k: count(d.exit_k) })}</div>`;
  }
  if (!r.hasNext) {
    const end = d.status === "diverged" ? "end_diverged" : "end";
    html += `<div class="ll-m-row ll-m-end">${say(w, end, { k: count(d.K + 1) })}</div>`;
    return html;
  }
  const m = r.batch_size, full = m >= d.n_train;
  let batch;
  if (d.n_train === 0) batch = d.noise > 0 ? say(w, "noise", { sigma: String(d.noise) }) : "";
  else if (full) batch = say(w, "batch_all", { m: count(m) });
  else batch = say(w, d.ringed ? "batch_some" : "batch_some_unringed", { m: count(m), n: count(d.n_train) });
  html += `<div class="ll-m-sub">${say(w, "next_update", { k: count(k + 1) })}${batch ? " · " + batch : ""}</div>`;
  html += `<div class="ll-m-row"><b>${say(w, d.n_train && !full ? "gradient_batch" : "gradient")}</b></div>`;
  names.forEach((n, j) => {
    if (d.held[j]) {
      html += `<div class="ll-m-eq">∂L/∂${n}${colon}${say(w, "held", { name: n })}</div>`;
    } else {
      html += `<div class="ll-m-eq">∂L/∂${n} = ${d.formulas[j]} = <b>${fmt(r.grad[j])}</b></div>`;
    }
  });
  const gd = d.optimizer === "gd";
  const rule = gd ? "θ ← θ − η·∇L" : say(w, "rule_" + d.optimizer, { beta: String(d.beta),
                                                                   beta2: String(d.beta2) });
  // the slider's value, exactly; with a schedule this update's own η
  const lr = d.scheduled && Number.isFinite(r.lr) ? String(+r.lr.toPrecision(6)) : String(d.lr);
  html += `<div class="ll-m-row"><b>${say(w, "update", { lr })}</b>${colon}${rule}</div>`;
  if (d.scheduled) html += `<div class="ll-m-row ll-m-note">${say(w, "scheduled", { lr, base: String(d.lr) })}</div>`;
  names.forEach((n, j) => {
    if (d.held[j]) return;
    const v = r.theta[j], nv = r.next[j];
    html += gd ? `<div class="ll-m-eq">${n}: ${fmt(v)} − ${lr} × ${par(r.grad[j])} = <b>${fmt(nv)}</b></div>`
               : `<div class="ll-m-eq">${n}: ${fmt(v)} + ${par(nv - v)} = <b>${fmt(nv)}</b></div>`;
  });
  if (d.n_train && !full) {
    html += `<div class="ll-m-row">${say(w, "loss_batch", { before: fmt(r.batch_loss), after: fmt(r.batch_loss_next) })}</div>`;
  }
  // a test function has no training data: its own value, f
  html += `<div class="ll-m-row">${say(w, d.n_train ? "loss_all" : "loss_fn", { before: fmt(r.loss), after: fmt(r.loss_next) })}</div>`;
  const lim = 2 / r.lam_max;
  if (Number.isFinite(lim) && lim > 0) {
    html += `<div class="ll-m-row ll-m-note">${say(w, d.quadratic ? "limit_global" : "limit_local",
      { limit: fmt(lim, 3), lr })}</div>`;
  }
  return html;
}
