// Accessibility check: axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the built site,
// served under the base path, in headless Chromium. Prints every violation and a count; exits 1
// on any. Also checks the language of parts (WCAG 3.1.2), which axe does not: every text with
// Japanese characters must sit inside an element whose language is Japanese.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pagePaths, serve, launchBrowser, BASE } from "./lib/site.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Pages named on the command line (`node checks/axe.mjs guideline/hub/ en/`), or every page.
const pages = process.argv.length > 2 ? process.argv.slice(2) : pagePaths();
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
    // Language of parts: text containing kana or kanji whose nearest `lang` is not Japanese.
    const misplaced = await page.evaluate(() => {
      const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!japanese.test(n.data)) continue;
        const owner = n.parentElement.closest("[lang]");
        const lang = owner ? owner.getAttribute("lang") : "";
        if (!lang.startsWith("ja")) found.push(`<${n.parentElement.localName}> “${n.data.trim().slice(0, 40)}”`);
      }
      return found;
    });
    if (misplaced.length > 0) {
      violations += 1;
      nodes += misplaced.length;
      console.log(`${BASE}${path}: language-of-parts: Japanese text outside lang="ja" (WCAG 3.1.2)`);
      for (const m of misplaced.slice(0, 5)) console.log(`    ${m}`);
      if (misplaced.length > 5) console.log(`    … and ${misplaced.length - 5} more`);
    }
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
