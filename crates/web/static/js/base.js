// Small enhancements only: every page works without this file.
document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-print]");
  if (trigger) {
    event.preventDefault();
    window.print();
    return;
  }
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    const source = document.getElementById(copy.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim()).then(() => {
        copy.textContent = copy.dataset.copied;
      });
    }
  }
});

// Copy buttons exist only where the clipboard can be reached; without script the text stays
// selectable.
document.addEventListener("DOMContentLoaded", () => {
  compactMenu();
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll("[data-copy][hidden]")) {
      button.hidden = false;
    }
  }
  const sort = document.querySelector("form[data-autosave]");
  if (sort) autosaveCard(sort);
  const board = document.querySelector("form[data-list-autosave]");
  if (board) autosaveBoard(board);
  forgetDraftsOnSignOut();
});

// Text kept on the device because a save failed (see reflection.js) must not outlive a
// deliberate sign-out: on a shared computer the next person would find it.
function forgetDraftsOnSignOut() {
  for (const form of document.querySelectorAll("form[action='/uitloggen']")) {
    form.addEventListener("submit", () => {
      try {
        for (const key of Object.keys(localStorage)) {
          if (key.startsWith("leidraad-concept:")) localStorage.removeItem(key);
        }
      } catch (_) {
        // Storage may be off; then nothing was kept either.
      }
    });
  }
}

// On a phone the header folds its navigation, search and account links behind one button, so
// the page itself starts near the top. Without script nothing folds: the header stays whole.
function compactMenu() {
  const header = document.querySelector(".site-header");
  const toggle = header && header.querySelector(".menu-toggle");
  if (!toggle) return;
  header.classList.add("site-header--foldable");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("site-header--open", open);
  });
}
