// The timeline bar: play / pause / step / jump / scrub / speed / unit and the keyboard, over
// one clock shared by every run (track) it drives. It announces each position on window
// ("losslab-timeline"); every chart whose figure names the same channel draws its part.
import { Track } from "./run.js";
import { count, epochText } from "./format.js";

export const EVENT = "losslab-timeline";
// Playback is paced in decades: at 1x every tenfold of updates takes this long (the first 10
// updates, then the next 90, the next 900...), so the first steps can be followed and a long
// run does not take minutes.
export const SECONDS_PER_DECADE = 3;
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];
const MAX_POSITIONS = 3000;

export function latest() {
  if (!window.__lossLabTimeline) window.__lossLabTimeline = {};
  return window.__lossLabTimeline;
}

const ICONS = {
  start: "M6 5h2v14H6zM20 5v14L9 12z",
  back: "M18 5v14L7 12zM5 5h2v14H5z",
  play: "M7 4v16l13-8z",
  pause: "M6 4h4v16H6zM14 4h4v16h-4z",
  forward: "M6 5v14l11-7zM17 5h2v14h-2z",
  end: "M4 5v14l11-7zM16 5h2v14h-2z",
};

function icon(name) {
  return `<svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true"><path d="${ICONS[name]}" fill="currentColor"/></svg>`;
}

function button(name, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.innerHTML = icon(name);
  b.dataset.action = name;
  if (cls) b.className = cls;
  return b;
}

// the positions of the shared clock: every track's own, merged (thinned when there are many)
function mergedClock(tracks) {
  if (tracks.length === 1) return tracks[0].clock;
  const all = Array.from(new Set(tracks.flatMap((t) => Array.from(t.clock)))).sort((a, b) => a - b);
  if (all.length <= MAX_POSITIONS) return Float64Array.from(all);
  const keep = new Set(all.slice(0, 200));
  for (let j = 0; j < MAX_POSITIONS - 200; j++) keep.add(all[Math.round(j * (all.length - 1) / (MAX_POSITIONS - 201))]);
  return Float64Array.from([...keep].sort((a, b) => a - b));
}

export class Bar {
  constructor(root) {
    this.playing = false;
    this.speed = 1;
    this.unit = "update";
    this.idx = 0;
    this.el = document.createElement("div");
    this.el.className = "ll-bar";
    this.bStart = button("start");
    this.bBack = button("back");
    this.bPlay = button("play", "ll-play");
    this.bFwd = button("forward");
    this.bEnd = button("end");
    this.scrub = document.createElement("input");
    this.scrub.type = "range";
    this.scrub.min = "0";
    this.scrub.step = "1";
    this.label = document.createElement("span");
    this.label.className = "ll-label";
    this.speedSel = document.createElement("select");
    for (const s of SPEEDS) this.speedSel.add(new Option(`${s}×`, String(s), s === 1, s === 1));
    this.unitSel = document.createElement("select");
    this.unitSel.dataset.role = "unit";
    this.unitSel.add(new Option("update", "update", true, true));
    this.unitSel.add(new Option("epoch", "epoch"));
    const buttons = document.createElement("span");
    buttons.className = "ll-buttons";
    buttons.append(this.bStart, this.bBack, this.bPlay, this.bFwd, this.bEnd);
    const options = document.createElement("span");
    options.className = "ll-options";
    options.append(this.speedSel, this.unitSel);
    this.el.append(buttons, this.scrub, this.label, options);
    root.appendChild(this.el);
    this.bStart.onclick = () => this.go(0, true);
    this.bEnd.onclick = () => this.go(this.C.length - 1, true);
    this.bBack.onclick = () => this.step(-1);
    this.bFwd.onclick = () => this.step(1);
    this.bPlay.onclick = () => this.toggle();
    this.scrub.oninput = () => { this.pause(false); this.go(this.fromScrub(), false); };
    this.scrub.onchange = () => this.remember();
    this.speedSel.onchange = () => { this.speed = Number(this.speedSel.value); };
    this.unitSel.onchange = () => { this.unit = this.unitSel.value; this.syncScrub(); };
  }

  setData(d, setStateValue) {
    this.setStateValue = setStateValue;
    this.el.dataset.receivedAt = String(performance.now());  // for bench/
    const w = d.words;
    for (const [b, key] of [[this.bStart, "to_start"], [this.bBack, "back"], [this.bPlay, "play"],
                            [this.bFwd, "forward"], [this.bEnd, "to_end"]]) {
      b.title = w[key]; b.setAttribute("aria-label", w[key]);
    }
    this.unitSel.options[0].text = w.unit_update;
    this.unitSel.options[1].text = w.unit_epoch;
    this.unitSel.title = w.unit;
    this.unitSel.hidden = d.tracks.every((t) => t.upe === 1);  // no epochs on a test function
    this.speedSel.title = w.speed;
    this.speedSel.setAttribute("aria-label", w.speed);
    this.scrub.setAttribute("aria-label", w.scrub);
    this.el.style.setProperty("--ll-font", `${d.style.font}px`);
    this.el.classList.toggle("ll-compact", !!d.style.compact);
    this.words = w;
    const sameRun = this.d && this.d.rev === d.rev;
    const old = this.C ? { c: this.C[this.idx], end: this.idx === this.C.length - 1 } : null;
    this.d = d;
    if (sameRun) {  // the same run in another language or style: redraw this position
      for (const [t, track] of this.tracks.entries()) track.d = d.tracks[t];
      this.go(this.idx, false);
      return;
    }
    this.tracks = d.tracks.map((t) => new Track(t));
    this.C = mergedClock(this.tracks);
    this.unitFrames = this.tracks[0].epochFrames.map((f) => this.nearest(this.tracks[0].clock[f]));
    // a new run (a slider moved): stay where the old one was, at the end if it was at the end;
    // a first run opens where the server says (the start, or a link's step)
    let idx = d.start;
    if (old && this.keep) idx = old.end ? this.C.length - 1 : this.nearest(old.c);
    this.keep = true;
    // playing on: a run that lands while playing (a slider moved, or the click that set the
    // start still arriving when play was pressed) plays on from the same place
    const wasPlaying = this.playing;
    this.pause(false);
    this.go(Math.min(Math.max(idx, 0), this.C.length - 1), false);
    if (wasPlaying) this.play();
  }

  nearest(c) {
    const C = this.C;
    let lo = 0, hi = C.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (C[mid] < c) lo = mid + 1; else hi = mid; }
    if (lo > 0 && c - C[lo - 1] <= C[lo] - c) lo -= 1;
    return lo;
  }

  fromScrub() {
    const v = Number(this.scrub.value);
    return this.unit === "epoch" ? this.unitFrames[v] : v;
  }

  syncScrub() {
    if (this.unit === "epoch") {
      this.scrub.max = String(this.unitFrames.length - 1);
      let e = 0;
      while (e + 1 < this.unitFrames.length && this.unitFrames[e + 1] <= this.idx) e++;
      this.scrub.value = String(e);
    } else {
      this.scrub.max = String(this.C.length - 1);
      this.scrub.value = String(this.idx);
    }
  }

  step(dir) {
    this.pause(false);
    let idx = this.idx + dir;
    if (this.unit === "epoch") {
      const f = this.unitFrames;
      idx = dir > 0 ? (f.find((i) => i > this.idx) ?? this.C.length - 1)
                    : ([...f].reverse().find((i) => i < this.idx) ?? 0);
    }
    this.go(Math.min(Math.max(idx, 0), this.C.length - 1), true);
  }

  labelText(track, i) {
    const w = this.words, t = track.d, k = track.pos[i];
    if (this.tracks.length > 1) {
      const c = this.C[this.idx];
      return t.clock_unit === "epoch"
        ? w.label_epochs.replace("{c}", epochText(Math.round(c * t.upe), t.upe)).replace("{E}", String(t.epochs))
        : w.label_updates.replace("{c}", count(c)).replace("{K}", count(t.K));
    }
    const text = t.upe === 1 ? w.label_updates : w.label;
    return text.replace("{c}", count(k)).replace("{k}", count(k)).replace("{K}", count(t.K))
      .replace("{epoch}", epochText(k, t.upe));
  }

  go(idx, remember) {
    this.idx = idx;
    const d = this.d, c = this.C[idx];
    this.syncScrub();
    const tracks = this.tracks.map((track) => {
      const i = track.frameAt(c);
      const views = track.views(i, d.style, this.words);
      return { rev: track.d.rev, i, k: track.pos[i], views, rec: views.rec, run: track.d };
    });
    this.label.textContent = this.labelText(this.tracks[0], tracks[0].i);
    this.el.dataset.k = String(tracks[0].k);
    this.el.dataset.idx = String(idx);
    this.el.dataset.playing = this.playing ? "1" : "0";
    const detail = { channel: d.channel, rev: d.rev, idx, c, playing: this.playing, tracks };
    latest()[d.channel] = detail;
    window.dispatchEvent(new CustomEvent(EVENT, { detail }));
    if (remember) this.remember();
  }

  remember() {  // the position goes to the server (and the link), once the user has stopped
    clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(() => {
      if (this.playing || !this.setStateValue) return;
      const track = this.tracks[0];
      this.setStateValue("step", track.pos[track.frameAt(this.C[this.idx])]);
    }, 350);
  }

  toggle() { if (this.playing) this.pause(true); else this.play(); }

  play() {
    if (this.playing) return;
    if (this.idx >= this.C.length - 1) this.go(0, false);  // from the start again
    this.playing = true;
    this.bPlay.innerHTML = icon("pause");
    this.bPlay.title = this.words.pause;
    // the clock runs in decades of updates: u = log10(1 + c / unit)
    const unit = this.tracks[0].d.clock_unit === "epoch" ? 1 / this.tracks[0].d.upe : 1;
    const end = this.C[this.C.length - 1];
    let u = Math.log10(1 + this.C[this.idx] / unit), last = performance.now();
    const tick = (now) => {
      if (!this.playing) return;
      u += (now - last) / 1000 / SECONDS_PER_DECADE * this.speed;
      last = now;
      const c = Math.min(unit * (10 ** u - 1), end);
      let idx = this.idx;
      while (idx + 1 < this.C.length && this.C[idx + 1] <= c + 1e-9) idx++;
      if (idx !== this.idx) {
        if (idx === this.C.length - 1) { this.playing = false; this.go(idx, false); this.pause(true); return; }
        this.go(idx, false);
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.el.dataset.playing = "1";
    this.frame = requestAnimationFrame(tick);
  }

  pause(remember) {
    const was = this.playing;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.bPlay.innerHTML = icon("play");
    if (this.words) this.bPlay.title = this.words.play;
    this.el.dataset.playing = "0";
    if (was) this.go(this.idx, remember);  // a final, non-playing frame: every view catches up
  }

  key(event) {
    const t = event.target;
    const tag = (t && t.tagName) || "";
    if (t === this.scrub && event.key !== " ") return;  // the scrubber moves itself
    if (t !== document.body && !this.el.contains(t)) {
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || t.isContentEditable ||
          (t.getAttribute && t.getAttribute("role") === "slider")) return;  // theirs
      if (event.key === " " && (/^(BUTTON|A|SUMMARY)$/.test(tag) ||
          (t.getAttribute && t.getAttribute("role") === "button"))) return;  // space clicks it
    }
    const actions = { " ": () => this.toggle(), ArrowRight: () => this.step(1),
      ArrowDown: () => this.step(1), PageDown: () => this.step(1), ArrowLeft: () => this.step(-1),
      ArrowUp: () => this.step(-1), PageUp: () => this.step(-1),
      Home: () => this.go(0, true), End: () => this.go(this.C.length - 1, true) };
    const act = actions[event.key];
    if (!act || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    act();
  }

  destroy() {
    this.pause(false);
    clearTimeout(this.rememberTimer);
    this.el.remove();
  }
}
