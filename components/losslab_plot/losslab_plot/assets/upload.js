// A file the uploader refuses in the browser (over server.maxUploadSize) must not leave the
// previous file active: Streamlit keeps the old file's chip beside the refused one, and the page
// went on drawing the old data under the new file's error. When a refused chip appears beside an
// accepted one, the accepted one is removed (a single-file uploader: the user was replacing it),
// so the page says "choose a file" with the refusal in view.
let installed = false;

function dropStale() {
  for (const up of document.querySelectorAll('[data-testid="stFileUploader"]')) {
    const chips = up.querySelectorAll('[data-testid="stFileChip"]');
    const refused = [...chips].some((c) => c.getAttribute("aria-invalid") === "true");
    if (!refused) continue;
    for (const chip of chips) {
      if (chip.getAttribute("aria-invalid") === "true") continue;
      const remove = chip.querySelector('[data-testid="stFileChipDeleteBtn"] button');
      if (remove) remove.click();
    }
  }
}

export function watchUploads() {
  if (installed) return;
  installed = true;
  const soon = () => { for (const ms of [50, 300, 1000]) setTimeout(dropStale, ms); };
  document.addEventListener("change", (e) => { if (e.target.type === "file") soon(); }, true);
  document.addEventListener("drop", soon, true);
}
