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

function csrfToken(form) {
  const field = form.querySelector("input[name=csrf_token]");
  return field ? field.value : "";
}

function showStatus(form, state) {
  const status = form.querySelector(".save-status");
  if (status) status.textContent = status.dataset[state] || "";
}

// Saves the whole answer of one card through the API; resolves true once stored.
async function saveAnswer(form, url, answer) {
  showStatus(form, "saving");
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-csrf-token": csrfToken(form) },
      body: JSON.stringify(answer),
      credentials: "same-origin",
    });
    showStatus(form, response.ok ? "saved" : "failed");
    return response.ok;
  } catch (error) {
    showStatus(form, "failed");
    return false;
  }
}

// The card sort: a pile (button or key 1-4) saves and moves on; the note, evidence and star
// save as they change. Nothing is lost: until the server confirms, the page stays put.
function autosaveCard(form) {
  const url = form.dataset.autosave;
  let pile = form.querySelector("input[name=current_pile]").value || null;
  const answer = () => ({
    pile: pile === null ? null : Number(pile),
    note: form.querySelector("[name=note]").value,
    evidence: form.querySelector("[name=evidence]").value,
    starred: form.querySelector("[name=starred]").checked,
  });
  const choose = async (value) => {
    pile = value;
    for (const button of form.querySelectorAll("button[name=pile]")) {
      button.setAttribute("aria-pressed", String(button.value === value));
    }
    if (await saveAnswer(form, url, answer())) {
      window.location.assign(form.dataset.next);
    }
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[name=pile]");
    if (!button) return;
    event.preventDefault();
    choose(button.value);
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("textarea, input[type=text], select");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (["1", "2", "3", "4"].includes(event.key)) {
      event.preventDefault();
      choose(event.key);
    }
  });
  let timer = null;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => saveAnswer(form, url, answer()), 600);
  };
  form.querySelector("[name=note]").addEventListener("input", saveSoon);
  form.querySelector("[name=evidence]").addEventListener("input", saveSoon);
  form.querySelector("[name=starred]").addEventListener("change", () => saveAnswer(form, url, answer()));
  // Another tab may have changed this card: show its answer when this tab comes back.
  window.addEventListener("focus", async () => {
    try {
      const response = await fetch(url.replace(/\/answers\/.*$/, ""), { credentials: "same-origin" });
      if (!response.ok) return;
      const detail = await response.json();
      const key = decodeURIComponent(url.split("/answers/")[1]);
      const card = detail.cards.find((c) => c.key === key);
      if (!card || document.activeElement.closest("textarea, input[type=text]")) return;
      pile = card.pile === null ? null : String(card.pile);
      form.querySelector("[name=note]").value = card.note;
      form.querySelector("[name=evidence]").value = card.evidence;
      form.querySelector("[name=starred]").checked = card.starred;
      for (const button of form.querySelectorAll("button[name=pile]")) {
        button.setAttribute("aria-pressed", String(button.value === pile));
      }
    } catch (error) {
      // Offline: the page keeps what it shows.
    }
  });
}

// The list view: each pile chosen in a row saves at once.
function autosaveList(form) {
  const base = form.dataset.listAutosave;
  for (const select of form.querySelectorAll("select[data-card]")) {
    select.addEventListener("change", () => {
      saveAnswer(form, base + encodeURIComponent(select.dataset.card), {
        pile: select.value === "" ? null : Number(select.value),
        note: select.dataset.note,
        evidence: select.dataset.evidence,
        starred: select.dataset.starred === "true",
      });
    });
  }
}
