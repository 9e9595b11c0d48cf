// Live reload for `shishin serve`. The preview server adds this script to the pages it serves;
// built sites never contain it. It listens to the server's events: a rebuild that changed this
// page reloads it (keeping the scroll position), a stylesheet change swaps the stylesheet in
// place, and a failed rebuild shows the error over the page until the next good save.
(() => {
  "use strict";
  const here = () => decodeURIComponent(location.pathname);
  const scrollKey = "shishin-scroll:" + here();
  let version = null;

  const saved = sessionStorage.getItem(scrollKey);
  if (saved) {
    sessionStorage.removeItem(scrollKey);
    const [x, y] = JSON.parse(saved);
    // "instant": a theme's smooth scrolling would otherwise animate from the top.
    const restore = () => window.scrollTo({ left: x, top: y, behavior: "instant" });
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
  }

  const reload = () => {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  };

  const concernsThisPage = (paths) =>
    paths.some((p) => p === "*" || p === here() || (p.endsWith("/") && here() === p + "index.html"));

  const swapStylesheets = (paths) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      if (paths.includes(decodeURIComponent(url.pathname))) {
        url.searchParams.set("v", Date.now().toString());
        link.href = url.toString();
      }
    }
  };

  const overlayId = "shishin-build-error";
  const showError = (message) => {
    let host = document.getElementById(overlayId);
    if (!host) {
      host = document.createElement("div");
      host.id = overlayId;
      host.setAttribute("role", "alertdialog");
      host.setAttribute("aria-label", "shishin: the last edit could not be built");
      host.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);" +
        "color:#fff;font:15px/1.6 ui-monospace,monospace;padding:2rem;";
      document.body.appendChild(host);
    }
    host.replaceChildren();
    const title = document.createElement("p");
    title.style.cssText = "font:bold 18px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ffb4b4";
    title.textContent = "The last edit could not be built — the page below is the last good version.";
    const text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;margin:0";
    text.textContent = message;
    const note = document.createElement("p");
    note.style.cssText = "font:14px/1.5 system-ui,sans-serif;color:#ddd";
    note.textContent = "Fix the file and save it: this message goes away by itself.";
    host.append(title, text, note);
  };
  const hideError = () => document.getElementById(overlayId)?.remove();

  const events = new EventSource("/__shishin/events");
  events.addEventListener("hello", (e) => {
    const data = JSON.parse(e.data);
    // The site changed while this page was not listening (a restart, a lost connection).
    if (version !== null && data.version !== version) return reload();
    version = data.version;
    if (data.error) showError(data.error);
    else hideError();
  });
  events.addEventListener("reload", (e) => {
    const data = JSON.parse(e.data);
    version = data.version;
    hideError();
    if (concernsThisPage(data.paths)) reload();
  });
  events.addEventListener("css", (e) => {
    const data = JSON.parse(e.data);
    version = data.version;
    hideError();
    swapStylesheets(data.paths);
  });
  events.addEventListener("broken", (e) => showError(JSON.parse(e.data).error));
})();
