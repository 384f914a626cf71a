// The self-reflection: autosave of the card sort and the list view.
function csrfToken(form) {
  const field = form.querySelector("input[name=csrf_token]");
  return field ? field.value : "";
}

function showStatus(form, state) {
  const status = form.querySelector(".save-status");
  if (status) status.textContent = status.dataset[state] || "";
}

// Saves the parts of one card's answer that changed (PATCH); resolves true once stored. Parts
// left out keep what the server has, so a page loaded before another tab saved a note can
// never put the old note back.
async function saveAnswer(form, url, change) {
  showStatus(form, "saving");
  try {
    const response = await fetch(url, {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-csrf-token": csrfToken(form) },
      body: JSON.stringify(change),
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
// save as they change. Each save sends what changed since the last confirmed save; a failed
// save keeps its parts waiting for the next one, and until the server confirms, the page
// stays put.
function autosaveCard(form) {
  const url = form.dataset.autosave;
  let pile = form.querySelector("input[name=current_pile]").value || null;
  const read = {
    pile: () => (pile === null ? null : Number(pile)),
    note: () => form.querySelector("[name=note]").value,
    evidence: () => form.querySelector("[name=evidence]").value,
    starred: () => form.querySelector("[name=starred]").checked,
  };
  const dirty = new Set();
  const sending = new Set();
  const send = async () => {
    if (dirty.size === 0) return true;
    const change = {};
    for (const part of dirty) change[part] = read[part]();
    dirty.clear();
    Object.keys(change).forEach((part) => sending.add(part));
    const saved = await saveAnswer(form, url, change);
    sending.clear();
    if (!saved) for (const part of Object.keys(change)) dirty.add(part);
    return saved;
  };
  const mine = (part) => dirty.has(part) || sending.has(part);
  // One save at a time, in order: two saves of one note must never overtake each other.
  let last = Promise.resolve(true);
  const save = () => {
    last = last.then(send, send);
    return last;
  };
  // Leaving the page within the 600 ms after typing still sends what was typed.
  window.addEventListener("pagehide", () => {
    if (dirty.size === 0) return;
    const change = {};
    for (const part of dirty) change[part] = read[part]();
    fetch(url, {
      method: "PATCH",
      keepalive: true,
      headers: { "content-type": "application/json", "x-csrf-token": csrfToken(form) },
      body: JSON.stringify(change),
      credentials: "same-origin",
    });
  });
  const choose = async (value) => {
    pile = value;
    dirty.add("pile");
    for (const button of form.querySelectorAll("button[name=pile]")) {
      button.setAttribute("aria-pressed", String(button.value === value));
    }
    if (await save()) {
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
  const saveSoon = (part) => () => {
    dirty.add(part);
    clearTimeout(timer);
    timer = setTimeout(save, 600);
  };
  form.querySelector("[name=note]").addEventListener("input", saveSoon("note"));
  form.querySelector("[name=evidence]").addEventListener("input", saveSoon("evidence"));
  form.querySelector("[name=starred]").addEventListener("change", () => {
    dirty.add("starred");
    save();
  });
  // Another tab may have changed this card: show its answer when this tab comes back, or when
  // the page returns from the back-forward cache. Parts typed here and not yet saved stay.
  const refresh = async () => {
    try {
      const response = await fetch(url.replace(/\/answers\/.*$/, ""), { credentials: "same-origin" });
      if (!response.ok) return;
      const detail = await response.json();
      const key = decodeURIComponent(url.split("/answers/")[1]);
      const card = detail.cards.find((c) => c.key === key);
      const busy = document.activeElement && document.activeElement.closest("textarea, input[type=text]");
      if (!card || busy) return;
      if (!mine("pile")) pile = card.pile === null ? null : String(card.pile);
      if (!mine("note")) form.querySelector("[name=note]").value = card.note;
      if (!mine("evidence")) form.querySelector("[name=evidence]").value = card.evidence;
      if (!mine("starred")) form.querySelector("[name=starred]").checked = card.starred;
      for (const button of form.querySelectorAll("button[name=pile]")) {
        button.setAttribute("aria-pressed", String(button.value === pile));
      }
    } catch (error) {
      // Offline: the page keeps what it shows.
    }
  };
  window.addEventListener("focus", refresh);
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) refresh();
  });
}

// The list view: a pile chosen in a row saves that pile, and nothing else of the answer.
function autosaveList(form) {
  const base = form.dataset.listAutosave;
  for (const select of form.querySelectorAll("select[data-card]")) {
    select.addEventListener("change", async () => {
      const saved = await saveAnswer(form, base + encodeURIComponent(select.dataset.card), {
        pile: select.value === "" ? null : Number(select.value),
      });
      // The form's fallback compares with what the page showed: now that is this pile.
      const shown = form.querySelector(`input[name="was-${CSS.escape(select.dataset.card)}"]`);
      if (saved && shown) shown.value = select.value;
    });
  }
}
