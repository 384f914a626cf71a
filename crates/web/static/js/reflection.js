// The self-reflection: autosave of the card sort (the pile board's is in board.js), and never
// losing typed text. What the server has not confirmed is kept on the device (localStorage, by reflection
// and card) until it has; a page that finds such a draft puts it back and saves it, unless the
// server meanwhile holds something newer than what the draft was typed over.

const DRAFT_PREFIX = "leidraad-concept:";
// A draft nobody came back for is dropped after this long: a shared computer keeps no note
// for ever.
const DRAFT_DAYS = 30;

const drafts = {
  key: (reflection, card) => `${DRAFT_PREFIX}${reflection}:${card}`,
  read(reflection, card) {
    try {
      return JSON.parse(localStorage.getItem(this.key(reflection, card))) || {};
    } catch (error) {
      return {};
    }
  },
  write(reflection, card, parts) {
    try {
      const key = this.key(reflection, card);
      if (Object.keys(parts).length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(parts));
      return true;
    } catch (error) {
      return false; // No storage (private mode, full): the page still saves as it can.
    }
  },
  put(reflection, card, part, value, was) {
    const parts = this.read(reflection, card);
    parts[part] = { value, was, at: Date.now() };
    return this.write(reflection, card, parts);
  },
  drop(reflection, card, part) {
    const parts = this.read(reflection, card);
    delete parts[part];
    this.write(reflection, card, parts);
  },
  prune() {
    try {
      const oldest = Date.now() - DRAFT_DAYS * 86400000;
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith(DRAFT_PREFIX)) continue;
        const parts = JSON.parse(localStorage.getItem(key)) || {};
        if (Object.values(parts).every((part) => !(part.at > oldest))) localStorage.removeItem(key);
      }
    } catch (error) {
      // Nothing stored, nothing to prune.
    }
  },
};

// Texts compare as a textarea shows them: browsers send line breaks as CRLF.
function same(a, b) {
  const plain = (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n") : v);
  return plain(a) === plain(b);
}

function csrfToken(form) {
  const field = form.querySelector("input[name=csrf_token]");
  return field ? field.value : "";
}

function showStatus(form, state, before) {
  const status = form.querySelector(".save-status");
  if (!status) return;
  const text = status.dataset[state] || "";
  status.textContent = before ? `${before} ${text}` : text;
}

// The session has ended (401) or this page belongs to an earlier one (403: a new sign-in
// elsewhere gave a new token). Say so plainly, with the way back: signing in leads to this
// very card or board, where the kept text is put back.
function sessionEnded(form, kind) {
  const status = form.querySelector(".save-status");
  const box = document.querySelector(".session-ended");
  if (!status || !box) return;
  status.textContent = "";
  let link = box.querySelector("a");
  if (!link) {
    link = document.createElement("a");
    link.className = "button";
    box.appendChild(link);
  }
  link.href = kind === "ended" ? form.dataset.signIn : form.dataset.here;
  link.textContent = status.dataset[kind === "ended" ? "signInLabel" : "reloadLabel"];
  box.hidden = false;
  box.querySelector("p").textContent = status.dataset[kind];
}

// Saves the parts of one card's answer that changed (PATCH). Parts left out keep what the
// server has, so a page loaded before another tab saved a note can never put the old note
// back. Answers "saved", "ended", "stale" or "failed".
async function saveAnswer(form, url, change, before) {
  showStatus(form, "saving", before);
  try {
    const response = await fetch(url, {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-csrf-token": csrfToken(form) },
      body: JSON.stringify(change),
      credentials: "same-origin",
    });
    if (response.ok) {
      showStatus(form, "saved", before);
      const box = document.querySelector(".session-ended");
      if (box) box.hidden = true;
      return "saved";
    }
    if (response.status === 401 || response.status === 403) {
      const kind = response.status === 401 ? "ended" : "stale";
      sessionEnded(form, kind);
      return kind;
    }
  } catch (error) {
    // Offline: said below.
  }
  showStatus(form, "failed", before);
  return "failed";
}

// The card sort: a pile (button or key 1-4) saves and moves on; the note, evidence and star
// save as they change. Each save sends what changed since the last confirmed save; a failed
// save keeps its parts waiting for the next one (and on the device), and until the server
// confirms, the page stays put.
function autosaveCard(form) {
  const url = form.dataset.autosave;
  const { reflection, card } = form.dataset;
  const field = (name) => form.querySelector(`[name=${name}]`);
  const star = form.querySelector(".star-toggle");
  let pile = field("current_pile").value ? Number(field("current_pile").value) : null;
  const read = {
    pile: () => pile,
    note: () => field("note").value,
    evidence: () => field("evidence").value,
    starred: () => star.getAttribute("aria-pressed") === "true",
  };
  // What the server holds, as far as this page knows.
  const confirmed = {
    pile,
    note: field("note_was").value,
    evidence: field("evidence_was").value,
    starred: field("starred_was").value === "true",
  };
  const show = {
    pile: (value) => {
      pile = value;
      for (const button of form.querySelectorAll("button[name=pile]")) {
        button.setAttribute("aria-pressed", String(Number(button.value) === value));
      }
    },
    note: (value) => (field("note").value = value),
    evidence: (value) => (field("evidence").value = value),
    starred: (value) => {
      star.setAttribute("aria-pressed", String(value));
      field("starred").value = value ? "on" : "";
    },
  };
  const dirty = new Set();
  const sending = new Set();
  const mark = (part) => {
    dirty.add(part);
    drafts.put(reflection, card, part, read[part](), confirmed[part]);
  };
  const send = async () => {
    if (dirty.size === 0) return true;
    const change = {};
    for (const part of dirty) change[part] = read[part]();
    dirty.clear();
    Object.keys(change).forEach((part) => sending.add(part));
    const result = await saveAnswer(form, url, change);
    sending.clear();
    if (result !== "saved") {
      for (const part of Object.keys(change)) dirty.add(part);
      return false;
    }
    for (const [part, value] of Object.entries(change)) {
      confirmed[part] = value;
      if (!dirty.has(part) && same(read[part](), value)) drafts.drop(reflection, card, part);
    }
    return true;
  };
  const mine = (part) => dirty.has(part) || sending.has(part);
  // One save at a time, in order: two saves of one note must never overtake each other.
  let last = Promise.resolve(true);
  const save = () => {
    last = last.then(send, send);
    return last;
  };
  // Leaving the page within the 600 ms after typing still sends what was typed; the draft
  // stays until a page sees the server hold it.
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
    show.pile(value);
    mark("pile");
    if (await save()) window.location.assign(form.dataset.next);
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[name=pile], .star-toggle");
    if (!button) return;
    event.preventDefault();
    if (button === star) {
      show.starred(!read.starred());
      mark("starred");
      save();
    } else {
      choose(Number(button.value));
    }
  });
  // "Opslaan": whatever differs from what the server holds, at once.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const part of ["note", "evidence", "starred"]) {
      if (!same(read[part](), confirmed[part])) mark(part);
    }
    if (dirty.size === 0) showStatus(form, "saved");
    else save();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("textarea, input[type=text], select");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (["1", "2", "3", "4"].includes(event.key)) {
      event.preventDefault();
      choose(Number(event.key));
    }
  });
  let timer = null;
  const saveSoon = (part) => () => {
    mark(part);
    clearTimeout(timer);
    timer = setTimeout(save, 600);
  };
  field("note").addEventListener("input", saveSoon("note"));
  field("evidence").addEventListener("input", saveSoon("evidence"));
  // Text typed here that the server never confirmed (an ended session, a lost connection):
  // back on the screen and saved, if the server still holds what it was typed over. If the
  // card changed elsewhere since, both stay: the newer text on the card, the draft offered.
  const offer = (part, text) => {
    const status = form.querySelector(".save-status");
    const box = document.createElement("div");
    box.className = "draft-conflict";
    const said = document.createElement("p");
    said.textContent = status.dataset.conflict;
    const quote = document.createElement("blockquote");
    quote.textContent = text;
    const button = (label, act) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "button button--quiet";
      b.textContent = label;
      b.addEventListener("click", () => {
        act();
        box.remove();
        field(part).focus();
      });
      return b;
    };
    box.append(
      said,
      quote,
      button(status.dataset.use, () => {
        show[part](text);
        mark(part);
        save();
      }),
      button(status.dataset.discard, () => drafts.drop(reflection, card, part)),
    );
    field(part).closest(".field").after(box);
  };
  let restored = false;
  for (const [part, kept] of Object.entries(drafts.read(reflection, card))) {
    if (!(part in read)) continue;
    if (same(confirmed[part], kept.value)) {
      drafts.drop(reflection, card, part);
    } else if (same(confirmed[part], kept.was)) {
      show[part](kept.value);
      dirty.add(part);
      restored = true;
    } else if (part === "note" || part === "evidence") {
      offer(part, kept.value);
    } else {
      drafts.drop(reflection, card, part);
    }
  }
  if (restored) {
    save().then((saved) => {
      if (saved) showStatus(form, "restored");
    });
  }
  // Another tab may have changed this card: show its answer when this tab comes back, or when
  // the page returns from the back-forward cache. Parts typed here and not yet saved stay. A
  // session that ended meanwhile is said at once, before anything is typed in vain.
  const refresh = async () => {
    try {
      const response = await fetch(url.replace(/\/answers\/.*$/, ""), { credentials: "same-origin" });
      if (response.status === 401) sessionEnded(form, "ended");
      if (!response.ok) return;
      const detail = await response.json();
      const answer = detail.cards.find((c) => c.key === card);
      const busy = document.activeElement && document.activeElement.closest("textarea, input[type=text]");
      if (!answer || busy) return;
      for (const part of Object.keys(read)) {
        if (mine(part)) continue;
        confirmed[part] = answer[part];
        show[part](answer[part]);
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

// The answer to a sort form posted after the session ended shows what was typed; with script
// it is also kept on the device, so the sort page puts it back after signing in again.
function keepOnDevice(section) {
  const { keptReflection, keptCard } = section.dataset;
  let kept = false;
  for (const area of section.querySelectorAll("textarea[data-part]")) {
    if (same(area.value, area.dataset.was)) continue;
    kept = drafts.put(keptReflection, keptCard, area.dataset.part, area.value, area.dataset.was) || kept;
  }
  const lead = document.getElementById("kept-lead");
  if (kept && lead) lead.textContent = lead.dataset.onDevice;
}

document.addEventListener("DOMContentLoaded", () => {
  drafts.prune();
  const kept = document.querySelector("[data-kept-reflection]");
  if (kept) keepOnDevice(kept);
});
