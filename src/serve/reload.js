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

  // The error overlay. Its styles and words come from the server (`overlay.rs`) and it lives in
  // a shadow root, so no theme rule can change how it looks. The error page (`error.html`) shows
  // the same blocks, rendered by the server; keep `block` and `overlay.rs` in step.
  const settings = /* shishin:overlay-settings */ null;
  const overlayId = "shishin-build-error";
  const onErrorPage = document.documentElement.hasAttribute("data-shishin-error");
  // The page's language: the panel's words and each error's message and hint follow it (every
  // message arrives in both, `{ja, en}`).
  const pageLang = () =>
    (document.documentElement.lang || "ja").toLowerCase().startsWith("en") ? "en" : "ja";
  const pageWords = () => settings?.words[pageLang()];
  const element = (name, className, text) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const source = (shown, line, words) => {
    const chars = Array.from(shown.text);
    const part = (from, to) => chars.slice(from, to).join("");
    const before = part(0, shown.start);
    const pre = element("pre", "source");
    pre.tabIndex = 0;
    const gutter = element("span", "gutter", line + " │ ");
    gutter.setAttribute("aria-hidden", "true");
    pre.append(
      element("span", "sr", words.line.replace("{n}", String(line)) + " "),
      gutter,
      before,
      element("mark", "", part(shown.start, shown.end)),
      part(shown.end),
      "\n",
    );
    // The carets follow an invisible copy of the text before the span: they start under the
    // span whatever the font makes of its characters' widths.
    const carets = element("span");
    carets.setAttribute("aria-hidden", "true");
    const caretGutter = element("span", "gutter");
    caretGutter.append(element("span", "pad", String(line)), " │ ");
    carets.append(caretGutter, element("span", "pad", before), element("span", "carets", "^".repeat(shown.carets)));
    pre.append(carets);
    return pre;
  };
  const block = (parts, words) => {
    const lang = pageLang();
    const li = element("li", "block");
    if (parts.location) li.append(element("h3", "where", parts.location));
    li.append(element("p", "message", parts.message[lang]));
    if (parts.source && parts.line) li.append(source(parts.source, parts.line, words));
    if (parts.hint) {
      const hint = element("p", "hint");
      hint.append(element("b", "", words.hint + ":"), " " + parts.hint[lang]);
      li.append(hint);
    }
    return li;
  };

  let focusBefore = null;
  const hideError = () => {
    const host = document.getElementById(overlayId);
    if (!host) return;
    host.remove();
    if (focusBefore && document.contains(focusBefore)) focusBefore.focus();
    focusBefore = null;
  };
  const showError = (errors) => {
    const words = pageWords();
    if (!words) return;
    let host = document.getElementById(overlayId);
    const opening = !host;
    if (opening) {
      host = element("div");
      host.id = overlayId;
      // The inline style wins over the theme's rules for `div`; `:host` in the shadow styles
      // backs it with `!important`.
      host.style.cssText = "all:initial;position:fixed;inset:0;z-index:2147483647;display:block";
      host.attachShadow({ mode: "open" });
      document.body.appendChild(host);
    }
    const root = host.shadowRoot;
    const style = element("style", "", settings.css);
    const backdrop = element("div", "backdrop");
    const panel = element("div", "panel");
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-modal", "true");
    panel.setAttribute("aria-labelledby", "title");
    panel.setAttribute("aria-describedby", "kept");
    panel.tabIndex = -1;
    const top = element("div", "top");
    const title = element("h2", "title", words.title);
    title.id = "title";
    const close = element("button", "close", words.close);
    close.type = "button";
    close.addEventListener("click", hideError);
    top.append(title, close);
    const kept = element("p", "kept", words.kept);
    kept.id = "kept";
    const list = element("ul", "blocks");
    list.append(...errors.map((parts) => block(parts, words)));
    panel.append(top, kept, list);
    backdrop.append(panel);
    root.replaceChildren(style, backdrop);
    // Focus moves into the dialog when it opens (a screen reader then reads its title), not on
    // every update while it is open.
    if (opening) {
      focusBefore = document.activeElement;
      panel.focus();
    }
  };
  // Escape closes; Tab stays inside the dialog while it is open.
  window.addEventListener("keydown", (e) => {
    const host = document.getElementById(overlayId);
    if (!host) return;
    if (e.key === "Escape") {
      e.preventDefault();
      hideError();
    } else if (e.key === "Tab") {
      const stops = Array.from(host.shadowRoot.querySelectorAll("button, [tabindex='0']"));
      const at = stops.indexOf(host.shadowRoot.activeElement);
      const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
      e.preventDefault();
      stops[next]?.focus();
    }
  });

  const events = new EventSource("/__shishin/events");
  events.addEventListener("hello", (e) => {
    const data = JSON.parse(e.data);
    // The site changed while this page was not listening (a restart, a lost connection).
    if (version !== null && data.version !== version) return reload();
    version = data.version;
    // The error page shows the errors itself and is rendered again when they change.
    if (onErrorPage) {
      if (!data.errors) reload();
    } else if (data.errors) showError(data.errors);
    else hideError();
  });
  events.addEventListener("reload", (e) => {
    const data = JSON.parse(e.data);
    version = data.version;
    hideError();
    if (onErrorPage || concernsThisPage(data.paths)) reload();
  });
  events.addEventListener("css", (e) => {
    const data = JSON.parse(e.data);
    version = data.version;
    if (onErrorPage) return reload();
    hideError();
    swapStylesheets(data.paths);
  });
  events.addEventListener("broken", (e) => {
    if (onErrorPage) reload();
    else showError(JSON.parse(e.data).errors);
  });
})();
