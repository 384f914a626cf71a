// The pile board (base.js starts it under the list view's old name): a card's button, or a
// key 1-4 while the card has the focus, moves the card and saves its pile, nothing else of
// its answer. The arrow keys go along a card's four buttons, so Tab steps card by card. On a
// phone the tabs show one column at a time without a reload.
function autosaveBoard(form) {
  const base = form.dataset.listAutosave;
  const { reflection } = form.dataset;
  const columns = new Map();
  for (const column of form.querySelectorAll(".board-pile")) {
    columns.set(Number(column.dataset.pile), column);
  }
  const shownCount = () => {
    for (const [score, column] of columns) {
      const count = column.querySelectorAll(".board-card").length;
      for (const badge of form.querySelectorAll(`[data-count="${score}"]`)) badge.textContent = count;
      column.querySelector(".board-pile__empty").hidden = count > 0;
    }
  };
  const buttons = (card) => [...card.querySelectorAll(".move")];
  const scoreOf = (button) => Number(button.value.split("=").pop());
  // One button of each card in the Tab order: the pile it lies on, else the first.
  const rove = (card, to) => {
    const all = buttons(card);
    const chosen = to || all.find((b) => b.getAttribute("aria-pressed") === "true") || all[0];
    for (const b of all) b.tabIndex = b === chosen ? 0 : -1;
    return chosen;
  };
  form.querySelectorAll(".board-card").forEach((card) => rove(card));
  const visible = (element) => element.offsetParent !== null;
  // Where the focus goes when a card leaves what the screen shows: the next card of the
  // column, else the one before, else the column's heading.
  const nextFocus = (card) => {
    const after = card.nextElementSibling || card.previousElementSibling;
    if (after) return () => rove(after).focus();
    const heading = card.closest(".board-pile").querySelector("h2");
    return () => {
      heading.tabIndex = -1;
      heading.focus();
    };
  };
  const saving = new Map();
  const move = (card, score) => {
    const key = card.dataset.card;
    if (Number(card.dataset.pile) === score) return;
    const hadFocus = card.contains(document.activeElement);
    const leaving = nextFocus(card);
    const list = columns.get(score).querySelector(".board-pile__cards");
    const later = [...list.children].find((other) => Number(other.dataset.order) > Number(card.dataset.order));
    list.insertBefore(card, later || null);
    card.dataset.pile = String(score);
    for (const b of buttons(card)) b.setAttribute("aria-pressed", String(scoreOf(b) === score));
    const pressed = rove(card);
    shownCount();
    if (hadFocus) {
      if (visible(card)) pressed.focus();
      else leaving();
    }
    const was = form.querySelector(`input[name="was-${CSS.escape(key)}"]`);
    const before = was.value === "" ? null : Number(was.value);
    drafts.put(reflection, key, "pile", score, before);
    const said = `${columns.get(score).dataset.moved} ${card.querySelector(".board-card__text").textContent}.`;
    showStatus(form, "saving", said);
    // A card's saves go one after the other, so the last move is the one that stays.
    const previous = saving.get(key) || Promise.resolve();
    const done = previous.then(async () => {
      const result = await saveAnswer(form, base + encodeURIComponent(key), { pile: score }, said);
      if (result !== "saved") return;
      // The form's fallback compares with what the page showed: now that is this pile.
      was.value = String(score);
      const kept = drafts.read(reflection, key).pile;
      if (kept && kept.value === score) drafts.drop(reflection, key, "pile");
    });
    saving.set(key, done);
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest(".move");
    if (button) {
      event.preventDefault();
      move(button.closest(".board-card"), scoreOf(button));
      return;
    }
    const tab = event.target.closest(".board-tabs a[data-show]");
    if (tab) {
      event.preventDefault();
      showColumn(Number(tab.dataset.show), tab);
    }
  });
  const showColumn = (score, tab) => {
    for (const [s, column] of columns) column.classList.toggle("board-pile--current", s === score);
    for (const t of form.querySelectorAll(".board-tabs a")) t.setAttribute("aria-current", String(t === tab));
    form.querySelector("input[name=stapel]").value = String(score);
    history.replaceState(null, "", tab.href.split("#")[0]);
  };
  form.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const card = event.target.closest(".board-card");
    if (!card) return;
    if (["1", "2", "3", "4"].includes(event.key)) {
      event.preventDefault();
      move(card, Number(event.key));
      return;
    }
    const button = event.target.closest(".move");
    const steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (!button || !(event.key in steps || event.key === "Home" || event.key === "End")) return;
    event.preventDefault();
    const all = buttons(card);
    const at = all.indexOf(button);
    const to = event.key === "Home" ? 0 : event.key === "End" ? all.length - 1
      : (at + steps[event.key] + all.length) % all.length;
    rove(card, all[to]).focus();
  });
  // A move the server never confirmed (an ended session): made again, if the card still lies
  // where it lay when it was moved.
  for (const card of form.querySelectorAll(".board-card")) {
    const kept = drafts.read(reflection, card.dataset.card).pile;
    if (!kept) continue;
    const now = Number(card.dataset.pile) || null;
    if (same(now, kept.was) && kept.value) move(card, kept.value);
    else drafts.drop(reflection, card.dataset.card, "pile");
  }
}
