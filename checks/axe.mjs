// Accessibility check: axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the built site,
// served under the base path, in headless Chromium. Prints every violation and a count; exits 1
// on any.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pagePaths, serve, launchBrowser, BASE } from "./lib/site.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const pages = pagePaths();
const { origin, server } = await serve();
const browser = await launchBrowser();
const context = await browser.newContext();
let violations = 0;
let nodes = 0;
try {
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(`${origin}${BASE}${path}`, { waitUntil: "load" });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
      TAGS,
    );
    for (const v of result.violations) {
      violations += 1;
      nodes += v.nodes.length;
      console.log(`${BASE}${path}: ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1).join(" ").trim()}`);
      if (v.nodes.length > 5) console.log(`    … and ${v.nodes.length - 5} more`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`axe: ${pages.length} pages checked, ${violations} violations (${nodes} elements)`);
process.exit(violations === 0 ? 0 : 1);
