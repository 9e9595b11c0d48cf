// Screenshots of the built site for docs/screenshots/: the home page, a comparison table and a plan
// page, at desktop (1280 px) and phone (390 px) width, in Japanese, and the home page in English.
// Run after `shishin build`: node checks/screenshots.mjs
import { mkdirSync } from "node:fs";
import { serve, launchBrowser, BASE } from "./lib/site.mjs";

const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;
const SHOTS = [
  ["home", ""],
  ["compare-hub", "compare/hub/"],
  ["plan-chiba", "prefectures/chiba/plan/"],
  ["glossary", "glossary/"],
  ["en-home", "en/"],
];
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

mkdirSync(OUT, { recursive: true });
const { origin, server } = await serve();
const browser = await launchBrowser();
let count = 0;
try {
  for (const [device, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: device === "phone" ? 2 : 1,
      isMobile: device === "phone",
      locale: "ja-JP",
    });
    const page = await context.newPage();
    for (const [name, path] of SHOTS) {
      if (name === "glossary" && device === "phone") continue;
      await page.goto(`${origin}${BASE}${path}`, { waitUntil: "load" });
      const file = `${OUT}${name}-${device}.png`;
      // Desktop shows the first screens of the page; phone its first two screens.
      await page.screenshot({
        path: file,
        fullPage: false,
        clip: { x: 0, y: 0, width: viewport.width, height: device === "phone" ? viewport.height * 2 : 1400 },
      });
      console.log(`wrote ${file.replace(OUT, "docs/screenshots/")}`);
      count += 1;
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots: ${count} written`);
