// Link check over the built files: every internal href and src of every HTML page must name a
// file of the output, and every #anchor an id of its target, as served under the base path
// (`/zaitaku/`). Prints each broken link and a count; exits 1 on any.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, PUBLIC, BASE } from "./lib/site.mjs";

const files = new Set(listFiles());
const pages = [...files].filter((f) => f.endsWith(".html"));
const ids = new Map();
const links = [];
const ATTR = /\s(href|src|id)="([^"]*)"/g;
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

for (const page of pages) {
  const html = readFileSync(join(PUBLIC, page), "utf8");
  const own = new Set();
  for (const [, attr, raw] of html.matchAll(ATTR)) {
    if (attr === "id") own.add(decode(raw));
    else links.push([page, decode(raw)]);
  }
  ids.set(page, own);
}

function target(page, url) {
  const origin = "http://site.invalid";
  const pageUrl = new URL(BASE + page, origin);
  let u;
  try {
    u = new URL(url, pageUrl);
  } catch {
    return { problem: "is not a valid URL" };
  }
  if (u.origin !== origin) return null; // external
  const path = decodeURIComponent(u.pathname);
  if (!path.startsWith(BASE)) return { problem: `is outside the base path ${BASE}` };
  const below = path.slice(BASE.length);
  const candidates = below === "" || below.endsWith("/") ? [`${below}index.html`] : [below, `${below}/index.html`];
  const file = candidates.find((c) => files.has(c));
  if (!file) return { problem: `names ${below || "(root)"}, which is not in the output` };
  const anchor = decodeURIComponent(u.hash.slice(1));
  if (anchor && ids.has(file) && !ids.get(file).has(anchor)) return { problem: `has no anchor #${anchor} in ${file}` };
  return null;
}

let broken = 0;
for (const [page, url] of links) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("http://site.invalid")) continue;
  const t = target(page, url);
  if (t) {
    broken += 1;
    console.log(`${page}: ${url} ${t.problem}`);
  }
}
console.log(`links: ${pages.length} pages, ${links.length} links checked, ${broken} broken`);
process.exit(broken === 0 ? 0 : 1);
