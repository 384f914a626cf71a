// Live dialogues: the facilitator's screen and a participant's phone follow the dialogue's
// stream of events and fold them into the page, as the server folds them (domain
// dialogue/state.rs). The page arrives rendered at event `seq`; the stream continues from
// there, and the browser sends the last event id when it reconnects, so nothing is missed or
// shown twice. Every text from people is set as text, never as markup.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector("[data-dialogue]");
  if (root) liveDialogue(root);
});

function liveDialogue(root) {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const state = read("dialogue-snapshot");
  const deck = new Map(read("dialogue-deck").map((card) => [card.id, card]));
  const words = read("dialogue-words");
  const role = root.dataset.dialogue;
  const me = Number(root.dataset.me || 0);
  const clockOffset = state.now_ms - Date.now();
  const status = document.getElementById("stream-status");
  const say = (key, values = {}) =>
    (words[key] || key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  const count = (key, n) => (n === 1 ? say(key + ":1") : say(key + ":n", { count: n }));
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function apply(event) {
    switch (event.kind) {
      case "joined": state.participants.push([event.participant, event.name, true]); break;
      case "removed":
        for (const p of state.participants) if (p[0] === event.participant) p[2] = false;
        break;
      case "locked": state.locked = event.locked; break;
      case "card": state.cards.push([event.card, event.round, event.speaker]); break;
      case "timer": state.timer = event.timer; break;
      case "phase": state.phase = event.phase; state.bringer = event.bringer; break;
      case "submitted": upsert(event.contribution, "waiting"); break;
      case "shown": upsert(event.contribution, "shown"); break;
      case "hidden":
        for (const c of state.contributions) if (c[0].id === event.contribution) c[1] = "hidden";
        break;
      case "visibility": state.visible = event.visible; break;
      case "picked": state.picked = event.participants; break;
      case "picks": state.picks = event.tallies; break;
      case "ended": state.ended = true; break;
      case "shared": state.shared = true; break;
    }
  }

  function upsert(contribution, moderation) {
    const found = state.contributions.find((c) => c[0].id === contribution.id);
    if (found) { found[0] = contribution; found[1] = moderation; }
    else state.contributions.push([contribution, moderation]);
  }

  function renderCard() {
    const box = document.getElementById("current-card");
    const current = state.cards[state.cards.length - 1];
    const card = current && deck.get(current[0]);
    const nodes = card
      ? [el("p", "live-card__label", card.label), el("p", "live-card__text", card.text)]
        .concat(card.follow_up ? [el("p", "live-card__follow-up", card.follow_up)] : [])
      : [el("p", "live-card__empty", say("dialogue-no-card-yet"))];
    box.replaceChildren(...nodes);
    const round = document.getElementById("live-round");
    if (current) {
      round.hidden = false;
      round.textContent = say("dialogue-round", { round: current[1] })
        + (current[2] ? " · " + say("dialogue-speaker", { name: current[2] }) : "");
    }
  }

  function renderPhase() {
    const box = document.getElementById("live-phase");
    if (!box || !state.phase) return;
    const number = ["casus", "vragen", "verkennen", "advies", "opbrengst"].indexOf(phaseCode()) + 1;
    const bringer = state.participants.find((p) => p[0] === state.bringer);
    const nodes = [
      el("p", "live-phase__step", say("dialogue-phase-of", { number })),
      el("p", "live-phase__name", say(phaseCode())),
      el("p", "live-phase__explained", say(phaseCode() + "-explained")),
    ];
    if (bringer && bringer[1]) {
      const line = el("p", "live-phase__bringer", say("dialogue-bringer", { name: bringer[1] }));
      line.id = "live-bringer";
      nodes.push(line);
    }
    box.replaceChildren(...nodes);
  }

  // The phases travel under their English names (serde), the words under their Dutch codes.
  function phaseCode() {
    return { "case": "casus", "questions": "vragen", "exploring": "verkennen", "advice": "advies",
      "take-away": "opbrengst" }[state.phase];
  }

  function contributionItem(c, buttons) {
    const item = el("li", "contribution");
    item.dataset.contribution = c.id;
    item.append(el("p", "contribution__text", c.text));
    if (c.name) item.append(el("p", "contribution__by", c.name));
    if (buttons) item.append(controlForm({ bijdrage: c.id }, buttons));
    return item;
  }

  // A control form like the server renders: the session's form token, hidden fields, buttons.
  function controlForm(fields, buttons) {
    const form = el("form");
    form.method = "post";
    form.action = root.dataset.control;
    form.dataset.controlForm = "";
    const token = root.querySelector("input[name=csrf_token]");
    if (token) form.append(token.cloneNode());
    for (const [name, value] of Object.entries(fields)) {
      const input = el("input");
      input.type = "hidden"; input.name = name; input.value = value;
      form.append(input);
    }
    for (const [action, key, className] of buttons) {
      const button = el("button", className, say(key));
      button.name = "actie"; button.value = action;
      form.append(button, " ");
    }
    return form;
  }

  function renderContributions() {
    const shown = document.getElementById("shown");
    const visible = state.contributions.filter((c) => c[1] === "shown").map((c) => c[0]);
    if (role === "facilitator") {
      shown.replaceChildren(...visible.map((c) =>
        contributionItem(c, [["verbergen", "dialogue-hide", "button--link"]])));
      const waiting = state.contributions.filter((c) => c[1] === "waiting").map((c) => c[0]);
      document.getElementById("waiting").replaceChildren(...waiting.map((c) =>
        contributionItem(c, [["tonen", "dialogue-show", "button button--small"],
          ["wissen", "dialogue-delete", "button--link"]])));
    } else {
      shown.replaceChildren(...visible.map((c) => contributionItem(c)));
      shown.hidden = !state.visible;
      document.getElementById("contributions-hidden").hidden = state.visible;
      document.getElementById("shown-empty").hidden = !state.visible || visible.length > 0;
    }
  }

  function renderPresent() {
    const list = document.getElementById("present");
    if (!list) return;
    const present = state.participants.filter((p) => p[2]);
    document.getElementById("present-count").textContent = "(" + present.length + ")";
    const intervision = Boolean(document.getElementById("live-phase"));
    list.replaceChildren(...present.map(([id, name]) => {
      const item = el("li");
      item.dataset.participant = id;
      item.append(el("span", "", name || say("dialogue-anonymous")));
      const buttons = [["deelnemer-verwijderen", "dialogue-remove-participant", "button--link"]];
      if (intervision) buttons.unshift(["inbrenger", "dialogue-make-bringer", "button--link"]);
      if (!state.ended) item.append(controlForm({ deelnemer: id }, buttons));
      return item;
    }));
  }

  function renderPicks() {
    const counter = document.getElementById("picked-count");
    if (counter) counter.textContent = count("dialogue-picked-count", state.picked);
    const box = document.getElementById("picks");
    if (!state.picks) return;
    box.hidden = false;
    box.querySelector(".picks__list").replaceChildren(...state.picks.map((tally) => {
      const item = el("li");
      const card = deck.get(tally.card);
      item.append(el("p", "picks__card", card ? card.text : tally.card));
      item.append(el("p", "picks__count", count("dialogue-times-picked", tally.count)));
      const by = tally.by.map((b) => {
        const name = b.name || say("dialogue-anonymous");
        return b.colleague ? say("dialogue-picks-for", { name, colleague: b.colleague }) : name;
      });
      if (by.length) item.append(el("p", "picks__by", by.join(", ")));
      return item;
    }));
  }

  // The note box of the case bringer asks for the take-away: named during the dialogue, the
  // bringer's phone says so at once.
  function renderBringer() {
    if (role !== "participant") return;
    const bringer = state.bringer === me;
    for (const node of root.querySelectorAll("[data-for-bringer]")) node.hidden = !bringer;
    for (const node of root.querySelectorAll("[data-for-others]")) node.hidden = bringer;
  }

  function renderEnd() {
    if (role !== "participant") return;
    document.getElementById("ended-note").hidden = !state.ended;
    document.getElementById("summary-link").hidden = !state.shared;
    for (const id of ["contribute-box", "pick-box"]) {
      const box = document.getElementById(id);
      if (box && state.ended) box.hidden = true;
    }
    const removed = state.participants.some((p) => p[0] === me && !p[2]);
    if (removed) {
      root.replaceChildren(el("p", "notice", say("dialogue-removed-text")));
      source.close();
    }
  }

  function renderTimer() {
    const face = document.getElementById("live-timer");
    if (!face || !state.timer) return;
    const t = state.timer;
    const left = t.running
      ? Math.max(0, t.remaining_ms - (Date.now() + clockOffset - t.at_ms))
      : t.remaining_ms;
    const seconds = Math.ceil(left / 1000);
    face.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    face.classList.toggle("live-timer--running", t.running && left > 0);
    face.classList.toggle("live-timer--done", t.running && left === 0);
  }

  // Events that change the controls themselves redraw the facilitator's page from the server.
  const redraws = new Set(["locked", "visibility", "ended", "shared"]);

  // A form that leaves the page (ending the dialogue leads to the summary) must not be
  // overtaken by a redraw of the page it leaves.
  let leaving = false;
  root.addEventListener("submit", (event) => {
    if (!event.target.closest("form[data-control-form], form[data-participant-form]")) leaving = true;
  });

  function receive(message) {
    const seq = Number(message.lastEventId);
    if (!(seq > state.seq)) return;
    const event = JSON.parse(message.data);
    state.seq = seq;
    apply(event);
    if (role === "facilitator" && redraws.has(event.kind)) {
      if (leaving) return;
      window.location.reload();
      return;
    }
    render();
  }

  function render() {
    renderCard(); renderPhase(); renderContributions(); renderPresent(); renderPicks();
    renderTimer(); renderBringer(); renderEnd();
  }

  // The browser reconnects by itself after a dropped line; a stream that was refused (a proxy
  // error, a restart in progress) is opened again here, from the last event seen.
  let source;
  function connect() {
    source = new EventSource(root.dataset.stream + "?na=" + state.seq);
    source.onmessage = receive;
    source.onopen = () => { status.textContent = ""; };
    source.onerror = () => {
      status.textContent = say("dialogue-reconnecting");
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }
  connect();
  render();
  setInterval(renderTimer, 250);
  sendFormsInBackground(root, say);
  keepContributionDraft(root);
  autosaveNote(root, say);
  limitPicks(root);
}

// Controls and contributions go to the server without leaving the page; the stream brings
// their effect back to every screen, this one included.
function sendFormsInBackground(root, say) {
  root.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-control-form], form[data-participant-form]");
    if (!form) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) {
      body.set(event.submitter.name, event.submitter.value);
    }
    const place = form.querySelector("[data-form-status]") || document.getElementById("stream-status");
    try {
      const response = await fetch(form.action, {
        method: "POST", body, headers: { accept: "application/json" }, credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      if (form.dataset.keepDraft) {
        form.reset();
        forgetDraft(form);
      }
      if (form.dataset.participantForm !== undefined) place.textContent = say("dialogue-saved");
    } catch (_) {
      place.textContent = say("dialogue-save-failed");
    }
  });
}

function draftKey(form) {
  return "leidraad-concept:dialoog:" + form.action.split("/").slice(-2, -1)[0].slice(0, 16);
}

function forgetDraft(form) {
  try { localStorage.removeItem(draftKey(form)); } catch (_) { /* storage off */ }
}

// A contribution being typed stays on the phone until it is sent: a reload, a locked screen
// or a dropped connection keeps it.
function keepContributionDraft(root) {
  const form = root.querySelector("form[data-keep-draft]");
  if (!form) return;
  const area = form.querySelector("textarea");
  try {
    const kept = localStorage.getItem(draftKey(form));
    if (kept && !area.value) area.value = kept;
  } catch (_) { /* storage off */ }
  area.addEventListener("input", () => {
    try { localStorage.setItem(draftKey(form), area.value); } catch (_) { /* storage off */ }
  });
}

// The private note is saved while it is typed, a moment after the last key.
function autosaveNote(root, say) {
  const form = root.querySelector("form[data-autosave-note]");
  if (!form) return;
  const area = form.querySelector("textarea");
  const place = form.querySelector("[data-form-status]");
  let timer;
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const response = await fetch(form.action, {
          method: "POST", body: new URLSearchParams(new FormData(form)),
          headers: { accept: "application/json" }, keepalive: true,
        });
        place.textContent = response.ok ? say("dialogue-saved") : say("dialogue-save-failed");
      } catch (_) {
        place.textContent = say("dialogue-save-failed");
      }
    }, 800);
  });
}

// At most three cards: the others wait until one is unticked.
function limitPicks(root) {
  const boxes = [...root.querySelectorAll("input[data-max-picks]")];
  const update = () => {
    const full = boxes.filter((b) => b.checked).length >= 3;
    for (const box of boxes) box.disabled = full && !box.checked;
  };
  for (const box of boxes) box.addEventListener("change", update);
  update();
}
