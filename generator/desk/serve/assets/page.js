// voorwie serve: keep the page up to date without a reload. After every save the server sends
// the products' part of the page again (server-sent events, from this server only); pictures
// that did not change keep their element, so they do not flicker.
"use strict";
(() => {
  const products = document.getElementById("products");
  const lost = document.getElementById("lost");

  function show(html) {
    const next = document.createElement("template");
    next.innerHTML = html;
    const shown = new Map();
    for (const img of products.querySelectorAll("img")) shown.set(img.getAttribute("src"), img);
    for (const img of next.content.querySelectorAll("img")) {
      const same = shown.get(img.getAttribute("src"));
      if (same && same.alt === img.alt) img.replaceWith(same);
    }
    products.replaceChildren(next.content);
  }

  const feed = new EventSource("/events");
  feed.addEventListener("update", (event) => {
    const update = JSON.parse(event.data);
    if (String(update.version) === products.dataset.version) return;
    show(update.html);
    products.dataset.version = String(update.version);
  });
  feed.addEventListener("open", () => { lost.hidden = true; });
  feed.addEventListener("error", () => { lost.hidden = false; });
})();
