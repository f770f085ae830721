// Client pages: small comforts on top of pages that work without a script. Stars show their
// aspects at once (the server gives each list the stars that offer it), the 0-10 answer is
// chosen without a trip, the search answers as the client types, the comment counts its
// characters, and the kiosk goes back to its welcome after kiosk.idle_seconds without a touch.
"use strict";

(() => {
  const body = document.body;

  const idleSeconds = Number(body.dataset.idleSeconds || 0);
  if (idleSeconds > 0) {
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => window.location.replace(body.dataset.idleUrl), idleSeconds * 1000);
    };
    for (const type of ["pointerdown", "keydown", "input", "touchstart", "wheel", "scroll"]) {
      document.addEventListener(type, restart, { capture: true, passive: true });
    }
    if (body.dataset.idleStart === "now") {
      restart();
    }
  }

  const question = document.getElementById("question");
  if (question) {
    const starsField = question.elements.namedItem("stars");
    const starButtons = Array.from(question.querySelectorAll("button.star"));
    const send = question.querySelector("button[name='action'][value='send']");
    for (const button of starButtons) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        const stars = button.value;
        starsField.value = stars;
        for (const other of starButtons) {
          other.setAttribute("aria-pressed", String(Number(other.value) <= Number(stars)));
        }
        for (const list of question.querySelectorAll("fieldset[data-offered-for]")) {
          list.hidden = !list.dataset.offeredFor.split(" ").includes(stars);
        }
        document.getElementById("details").hidden = false;
        document.getElementById("rating-hint").hidden = true;
        send.disabled = false;
      });
    }
    // The 0-10 question: one answer at most; the pressed one again takes it back.
    const recommendField = question.elements.namedItem("recommend");
    const scoreButtons = Array.from(question.querySelectorAll("button.score"));
    for (const button of scoreButtons) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        const chosen = recommendField.value === button.value ? "" : button.value;
        recommendField.value = chosen;
        for (const other of scoreButtons) {
          other.setAttribute("aria-pressed", String(other.value === chosen));
        }
      });
    }
    const comment = document.getElementById("comment");
    const count = document.getElementById("comment-count");
    const showCount = () => {
      count.textContent = `${comment.value.length} / ${comment.maxLength}`;
    };
    comment.addEventListener("input", showCount);
    showCount();
  }

  // Text areas of the testimonial journey count their characters as the comment does.
  for (const area of document.querySelectorAll("textarea[data-count]")) {
    const count = document.getElementById(area.dataset.count);
    const show = () => {
      count.textContent = `${area.value.length} / ${area.maxLength}`;
    };
    area.addEventListener("input", show);
    show();
  }

  // What will be shown: the preview follows the consents, the name and the job title as the
  // client changes them (the server draws the same preview without a script), and a chosen
  // photo is uploaded at once to be previewed.
  const testimonial = document.getElementById("testimonial");
  const previewName = document.getElementById("preview-name");
  if (testimonial && previewName) {
    const consent = (part) => testimonial.querySelector(`input[name='consent'][value='${part}']`);
    const jobTitle = testimonial.elements.namedItem("job_title");
    const previewJob = document.getElementById("preview-job");
    const previewPhoto = document.getElementById("preview-photo");
    const update = () => {
      const full = testimonial.querySelector("input[name='name_shown'][value='full']").checked;
      const named = consent("name")?.checked;
      previewName.textContent = named
        ? (full ? previewName.dataset.full : previewName.dataset.short)
        : previewName.dataset.anonymous;
      const job = jobTitle.value.trim().split(/\s+/).join(" ");
      previewJob.textContent = job;
      previewJob.hidden = !(job && consent("job_title")?.checked);
      if (previewPhoto) {
        previewPhoto.hidden = !consent("photo")?.checked;
      }
    };
    testimonial.addEventListener("input", update);
    testimonial.addEventListener("change", update);
    const photo = testimonial.elements.namedItem("photo");
    const upload = testimonial.querySelector("button[value='upload']");
    if (photo && upload) {
      photo.addEventListener("change", () => {
        if (photo.files.length) {
          upload.click();
        }
      });
    }
  }

  const search = document.getElementById("search");
  if (search) {
    const field = search.elements.namedItem("q");
    const results = document.getElementById("results");
    let pending = 0;
    let latest = 0;
    const run = async () => {
      const ticket = ++latest;
      const response = await fetch(search.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(search)),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (response.status === 400 || response.status === 403) {
        // The page expired (the server restarted) or the device was unpaired: start afresh.
        window.location.replace(body.dataset.idleUrl || "/kiosk");
        return;
      }
      const html = await response.text();
      if (ticket === latest) {
        results.innerHTML = html; // rendered and escaped by the server's template
      }
    };
    field.addEventListener("input", () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(run, 250);
    });
    search.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(pending);
      run();
    });
  }
})();
