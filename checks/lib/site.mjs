// Shared by the checks: the built site's pages, and a static server that serves them under the
// path of base_url (`/zaitaku/`), as a prefecture's web server would.
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, extname, resolve } from "node:path";

export const PUBLIC = resolve(process.env.SHISHIN_PUBLIC ?? new URL("../../public", import.meta.url).pathname);
export const BASE = process.env.SHISHIN_BASE_PATH ?? "/zaitaku/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".pdf": "application/pdf",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Every file below the output folder, as paths relative to it with `/`. */
export function listFiles(dir = PUBLIC, prefix = "") {
  if (!existsSync(dir)) {
    console.error(`no built site at ${dir}: run \`shishin build\` first`);
    process.exit(2);
  }
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/** The site's HTML pages as URL paths below the base path (`en/a/b/`, `404.html`). */
export function pagePaths() {
  return listFiles()
    .filter((f) => f.endsWith(".html"))
    .map((f) => (f.endsWith("index.html") ? f.slice(0, -"index.html".length) : f));
}

/** Serves the output folder under BASE on a free loopback port; resolves to its origin. */
export function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(BASE)) return notFound(res);
    let file = join(PUBLIC, path.slice(BASE.length));
    if (!file.startsWith(PUBLIC)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return notFound(res);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ origin: `http://127.0.0.1:${server.address().port}`, server })),
  );
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

/** Headless Chromium from the system, started with no network chatter and a fresh profile. */
export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
