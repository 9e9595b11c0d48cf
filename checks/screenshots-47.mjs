// Screenshots of the views made for 47 prefectures (SPEC §8, §11), for docs/screenshots/: the
// map of /en/compare/, the compact matrix of /en/compare/hub/ scrolled down and across at 1280 and
// 390 px, and a prefecture's profile; English pages, which read in any font a machine has. Each scrolled table is checked on the way: its header row
// must sit at the top of its wrapper and its first column at the left, or the script fails.
//
//   cargo run --release --example gen-corpus -- 300 /tmp/g47
//   cargo run --release -- build --root /tmp/g47
//   SHISHIN_PUBLIC=/tmp/g47/public node checks/screenshots-47.mjs
import { mkdirSync } from "node:fs";
import { serve, launchBrowser, BASE } from "./lib/site.mjs";

const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** Scrolls the `index`th bounded table wrapper and says where its header and first column are. */
async function scrollTable(page, index, down, across) {
  return page.evaluate(([index, down, across]) => {
    const wrap = document.querySelectorAll(".scroll-both")[index];
    wrap.scrollIntoView({ block: "start", behavior: "instant" });
    window.scrollBy({ top: -40, behavior: "instant" });
    wrap.scrollTop = down;
    wrap.scrollLeft = across;
    const w = wrap.getBoundingClientRect();
    const header = wrap.querySelector("thead th:nth-child(20)").getBoundingClientRect();
    const first = wrap.querySelector("tbody tr:nth-child(4) th").getBoundingClientRect();
    return { wrapTop: w.top, wrapLeft: w.left, headerTop: header.top, firstLeft: first.left,
      scrolledDown: wrap.scrollTop, scrolledAcross: wrap.scrollLeft };
  }, [index, down, across]);
}

mkdirSync(OUT, { recursive: true });
const { origin, server } = await serve();
const browser = await launchBrowser();
let count = 0;
let failures = 0;
try {
  for (const [device, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: device === "phone", locale: "en-GB", reducedMotion: "reduce" });
    const page = await context.newPage();
    const shot = async (name) => {
      const file = `${OUT}${name}-${device}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file.replace(OUT, "docs/screenshots/")}`);
      count += 1;
    };

    // The map and the profile once, at desktop width; the tables at both widths.
    if (device === "desktop") {
      await page.goto(`${origin}${BASE}en/compare/`, { waitUntil: "load" });
      await page.evaluate(() => document.querySelector(".coverage-map").scrollIntoView({ behavior: "instant" }));
      await shot("map-47");
      await page.goto(`${origin}${BASE}en/compare/prefecture/chiba/`, { waitUntil: "load" });
      await shot("profile-chiba-en");
    }

    await page.goto(`${origin}${BASE}en/compare/hub/`, { waitUntil: "load" });
    // The detail table: tall and wide, scrolled both ways.
    const at = await scrollTable(page, 1, 400, 900);
    const ok = at.scrolledDown > 0 && at.scrolledAcross > 0
      && Math.abs(at.headerTop - at.wrapTop) <= 1.5 && Math.abs(at.firstLeft - at.wrapLeft) <= 1.5;
    console.log(`${device}: detail table ${ok ? "keeps" : "LOSES"} its header and first column`, at);
    if (!ok) failures += 1;
    await shot("matrix-47-detail-scrolled");
    // The compact matrix, scrolled across.
    const m = await scrollTable(page, 0, 0, 900);
    const mok = m.scrolledAcross > 0 && Math.abs(m.firstLeft - m.wrapLeft) <= 1.5;
    console.log(`${device}: matrix ${mok ? "keeps" : "LOSES"} its first column`, m);
    if (!mok) failures += 1;
    await shot("matrix-47-scrolled");

    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots: ${count} written`);
if (failures > 0) process.exit(1);
