// Autosave of rating forms (a rater's form, the leader's self-rating): every fieldset with
// data-save-url PUTs {"answer": code} when a choice changes, and every textarea with
// data-save-url PUTs {"text": …} 600 ms after the typing stops. Each says how it went in its
// .save-state, in the words the page puts in .rating-words. Typed text the server has not
// confirmed is kept on the device (localStorage, under the form's data-drafts prefix, shaped as
// reflection.js keeps its drafts so that its pruning and sign-out forgetting apply) and put back
// when the page opens again. Without script the forms post as they are.
(() => {
  const RETRY_MS = 5000;
  const IDLE_MS = 600;
  const PROBLEMS = ["failed", "refused", "closed", "ended", "lost", "stale"];

  const words = () => {
    const element = document.querySelector(".rating-words");
    return element ? element.dataset : {};
  };

  // The form token: the session's on the leader's page, the link's on the rater's.
  const csrfToken = (form) => {
    const field = form.querySelector("input[name=csrf_token]");
    return field ? field.value : "";
  };

  // What an answer's status means. A rater's form (data-link) has no session: a 401 or 404
  // there means the link is gone, not the session.
  const outcome = (form, status) => {
    const link = form.hasAttribute("data-link");
    if (status >= 200 && status < 300) return "saved";
    if (status === 400) return "refused";
    if (status === 401) return link ? "lost" : "ended";
    if (status === 403) return "stale";
    if (status === 404 && link) return "lost";
    if (status === 409) return "closed";
    return "failed";
  };

  const say = (place, state) => {
    if (!place) return;
    const said = words();
    place.textContent = said[state] || "";
    if (state === "ended" && said.signIn) {
      // Back to this page after signing in; the choice is still on the page.
      const link = document.createElement("a");
      const back = encodeURIComponent(window.location.pathname);
      link.href = `/inloggen?terug=${back}&melding=sessie-verlopen`;
      link.textContent = said.signIn;
      place.append(" ", link);
    }
    place.classList.toggle("save-state--problem", PROBLEMS.includes(state));
  };

  async function put(form, url, body, keepalive) {
    try {
      const response = await fetch(url, {
        method: "PUT",
        keepalive: Boolean(keepalive),
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken(form) },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      return outcome(form, response.status);
    } catch (error) {
      return "failed"; // Offline, or the server did not answer.
    }
  }

  // One saver per field: one request at a time, always the latest value, and after a lost
  // connection it tries again until the value is saved or the server refuses it. A call
  // answers how the latest value fared ("busy" when a later call will say).
  function saver(form, url, place, read, body, onSaved) {
    let busy = false;
    let again = false;
    let timer = null;
    const run = async () => {
      clearTimeout(timer);
      if (busy) {
        again = true;
        return "busy";
      }
      busy = true;
      const value = read();
      say(place, "saving");
      const result = await put(form, url, body(value));
      busy = false;
      if (again) {
        again = false;
        return run();
      }
      say(place, result);
      if (result === "saved") onSaved(value);
      if (result === "failed") timer = setTimeout(run, RETRY_MS);
      return result;
    };
    return run;
  }

  function autosaveChoices(form, fieldset) {
    const place = fieldset.querySelector(".save-state");
    const chosen = () => {
      const radio = fieldset.querySelector("input[type=radio]:checked");
      return radio ? radio.value : null;
    };
    const save = saver(form, fieldset.dataset.saveUrl, place, chosen, (answer) => ({ answer }), () => {});
    fieldset.addEventListener("change", save);
    window.addEventListener("online", () => {
      if (place && place.classList.contains("save-state--problem")) save();
    });
  }

  // Text kept on the device, one entry per box: { text: { value, was, at } }.
  const kept = {
    read(key) {
      try {
        const entry = JSON.parse(localStorage.getItem(key));
        return entry && entry.text ? entry.text : null;
      } catch (error) {
        return null;
      }
    },
    write(key, value, was) {
      try {
        localStorage.setItem(key, JSON.stringify({ text: { value, was, at: Date.now() } }));
      } catch (error) {
        // No storage (private mode, full): the page still saves as it can.
      }
    },
    drop(key) {
      try {
        localStorage.removeItem(key);
      } catch (error) {
        // Nothing kept.
      }
    },
  };

  const plain = (text) => text.replace(/\r\n/g, "\n");

  function autosaveText(form, area) {
    const place = area.parentElement.querySelector(".save-state");
    const key = form.dataset.drafts ? `${form.dataset.drafts}${area.name}` : null;
    let confirmed = area.value; // What the server holds, as far as this page knows.
    // A box with data-base saves only over the text it last saw (a development plan's texts):
    // a save from a stale tab is refused instead of overwriting what was written elsewhere.
    const body = (text) => (area.hasAttribute("data-base") ? { text, base: confirmed } : { text });
    const save = saver(form, area.dataset.saveUrl, place, () => area.value, body, (value) => {
      confirmed = value;
      if (key && plain(area.value) === plain(value)) kept.drop(key);
    });
    let timer = null;
    area.addEventListener("input", () => {
      if (key) kept.write(key, area.value, confirmed);
      clearTimeout(timer);
      timer = setTimeout(save, IDLE_MS);
    });
    // Leaving within the 600 ms still sends what was typed; the kept copy stays until a page
    // sees the server hold it.
    window.addEventListener("pagehide", () => {
      if (timer && plain(area.value) !== plain(confirmed)) {
        put(form, area.dataset.saveUrl, body(area.value), true);
      }
    });
    if (key) restore(form, area, key, confirmed, save);
  }

  // Text typed here before that the server never got (a lost connection, a closed tab): back
  // in the box and saved, if the server still holds what it was typed over. If the box
  // changed elsewhere since, the kept text is offered beside it instead of overwriting.
  function restore(form, area, key, confirmed, save) {
    const draft = kept.read(key);
    if (!draft) return;
    if (plain(draft.value) === plain(confirmed)) {
      kept.drop(key);
    } else if (plain(draft.was || "") === plain(confirmed)) {
      area.value = draft.value;
      save().then((result) => {
        if (result === "saved") say(area.parentElement.querySelector(".save-state"), "restored");
      });
    } else {
      offer(area, key, draft.value, save);
    }
  }

  function offer(area, key, text, save) {
    const said = words();
    const box = document.createElement("div");
    box.className = "draft-conflict";
    const intro = document.createElement("p");
    intro.textContent = said.kept || "";
    const quote = document.createElement("blockquote");
    quote.textContent = text;
    const use = document.createElement("button");
    use.type = "button";
    use.className = "button button--quiet";
    use.textContent = said.use || "";
    use.addEventListener("click", () => {
      area.value = text;
      box.remove();
      area.focus();
      save();
    });
    box.append(intro, quote, use);
    area.after(box);
  }

  // After submitting, the comments kept for this link are the server's alone: forget them.
  function forget(prefix) {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(prefix)) localStorage.removeItem(key);
      }
    } catch (error) {
      // Storage may be off; then nothing was kept either.
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const form of document.querySelectorAll("form.rating-form")) {
      for (const fieldset of form.querySelectorAll("fieldset[data-save-url]")) {
        autosaveChoices(form, fieldset);
      }
      for (const area of form.querySelectorAll("textarea[data-save-url]")) {
        autosaveText(form, area);
      }
    }
    const done = document.querySelector("[data-forget-drafts]");
    if (done) forget(done.dataset.forgetDrafts);
  });
})();
