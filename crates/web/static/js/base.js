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
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll("[data-copy][hidden]")) {
      button.hidden = false;
    }
  }
  const sort = document.querySelector("form[data-autosave]");
  if (sort) autosaveCard(sort);
  const list = document.querySelector("form[data-list-autosave]");
  if (list) autosaveList(list);
});
