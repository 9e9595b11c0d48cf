// Search in a real browser, by keyboard only, over the built site.
//
//   node checks/search.mjs [PUBLIC_DIR]     (default: public, built by `shishin build`)
//
// Serves PUBLIC_DIR from a small static file server on loopback under the path of site.yaml's
// base_url (/zaitaku/), then opens it from disk (file://) too. In both, it types 看取り on the
// Japanese search page and "end-of-life" on the English one, checks that the results are exactly
// the pages whose text holds the words, that each snippet marks them, and that the first result
// opens by keyboard. Any request outside the base path, or leaving the site, fails the check.
// Needs Chromium (/usr/bin/chromium, or CHROMIUM=path) and `npm ci --prefix checks`.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.resolve(process.argv[2] ?? path.join(repo, 'public'));
const basePath = new URL(
  fs.readFileSync(path.join(repo, 'site.yaml'), 'utf8').match(/^base_url:\s*(\S+)/m)[1],
).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

const problems = [];

// Serves files under basePath only; a directory is its index.html, as on any plain file host.
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(basePath)) {
      problems.push(`request outside ${basePath}: ${url.pathname}`);
      res.writeHead(404).end();
      return;
    }
    let file = path.join(publicDir, decodeURIComponent(url.pathname.slice(basePath.length)));
    if (!file.startsWith(publicDir)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      problems.push(`not found: ${url.pathname}`);
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The pages a search must find, worked out from the index file itself, independently of
// search.js: those whose normalised title or text holds the term (Latin terms at a word start).
function expected(lang, term) {
  const dir = path.join(publicDir, lang === 'ja' ? '' : 'en', 'search');
  const script = (name) => {
    const src = fs.readFileSync(path.join(dir, name), 'utf8');
    return JSON.parse(src.slice(src.indexOf(']=') >= 0 ? src.indexOf(']=') + 2 : src.indexOf('=') + 1, src.lastIndexOf(';')));
  };
  const head = script('index.js');
  const index = { pages: [] };
  for (let n = 1; n <= head.parts; n++) index.pages.push(...script(`index-${n}.js`));
  const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-');
  const escaped = term.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const re = /^[a-z0-9]/i.test(term) ? new RegExp(`(^|[^a-z0-9])${escaped}`) : new RegExp(escaped);
  return index.pages.filter((p) => re.test(fold(p.t)) || re.test(fold(p.x))).map((p) => p.u);
}

// Presses Tab until the element matching `selector` has the focus.
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector} on ${page.url()}`);
}

async function results(page) {
  return page.$$eval('#search-results > li', (items) => items.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    title: li.querySelector('a').textContent,
    marks: [...li.querySelectorAll('.search-snippet mark')].map((m) => m.textContent),
  })));
}

// Types `term` into the search page's box, by keyboard, and checks what it finds.
async function searchOn(page, { lang, term, mustFind, pressEnter, linkSuffix }) {
  await tabTo(page, '#search-q');
  await page.keyboard.type(term);
  if (pressEnter) await page.keyboard.press('Enter');
  const want = expected(lang, term);
  assert.ok(want.length > 0, `${lang}: no page of the index holds ${term}`);
  await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n
    && document.getElementById('search-status').textContent !== '', Math.min(want.length, 100));
  const found = await results(page);
  const root = '../';
  const paths = found.map((r) => {
    assert.ok(r.href.startsWith(root), `${r.href} is not relative to the language root`);
    assert.ok(r.href.endsWith(linkSuffix), `${r.href} does not end with "${linkSuffix}"`);
    return r.href.slice(root.length, r.href.length - linkSuffix.length);
  });
  assert.deepEqual([...paths].sort(), [...want].sort(), `${lang} ${term}: wrong pages`);
  for (const p of mustFind) assert.ok(paths.includes(p), `${lang} ${term}: ${p} not found`);
  const folded = term.toLowerCase();
  assert.ok(found.some((r) => r.marks.length > 0), `${lang} ${term}: no snippet has a <mark>`);
  for (const r of found) {
    for (const m of r.marks) assert.equal(m.toLowerCase().replace(/[\u2010-\u2015]/g, '-'), folded);
  }
  const status = await page.textContent('#search-status');
  assert.match(status, new RegExp(String(want.length)), `status "${status}" does not give the count`);
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  // The first result opens by keyboard: Tab past the button to it, then Enter.
  await tabTo(page, '#search-results a');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return { first: found[0], count: found.length };
}

async function run(browser, base, mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${mode}: script error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    // From disk, the theme's absolute /zaitaku/… links miss (only search works there): only
    // a request off the machine is a fault.
    const inside = mode === 'file' ? /^(file|data):/.test(u) : u.startsWith(base) || u.startsWith('data:');
    if (!inside) problems.push(`${mode}: request leaves the site: ${u}`);
  });
  const suffix = mode === 'file' ? 'index.html' : '';
  const jaSearch = mode === 'file' ? `${base}search/index.html` : `${base}search/`;
  const enSearch = mode === 'file' ? `${base}en/search/index.html` : `${base}en/search/`;

  if (mode === 'http') {
    // From the header box of the home page: type, Enter, and land on the search page.
    await page.goto(base);
    await tabTo(page, '#site-search-q');
    await page.keyboard.type('看取り');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${basePath}search/`);
    assert.equal(await page.inputValue('#search-q'), '看取り', '?q= does not fill the box');
    await page.waitForSelector('#search-results > li');
    assert.ok((await results(page)).length > 0, 'a search from the header box shows nothing');
  }

  await page.goto(jaSearch);
  const ja = await searchOn(page, {
    lang: 'ja', term: '看取り', pressEnter: true, linkSuffix: suffix,
    mustFind: ['guideline/hub/', 'guideline/functions/', 'prefectures/osaka/hub/'],
  });
  assert.ok((await page.textContent('main')).includes('看取り'), `${page.url()} does not mention 看取り`);
  console.log(`${mode} ja: 看取り → ${ja.count} pages; first "${ja.first.title}" opened`);

  await page.goto(enSearch);
  const en = await searchOn(page, {
    lang: 'en', term: 'end-of-life', pressEnter: false, linkSuffix: suffix,
    mustFind: ['guideline/hub/', 'guideline/functions/'],
  });
  assert.match(await page.textContent('main'), /end-of-life/i, `${page.url()} does not mention end-of-life`);
  console.log(`${mode} en: end-of-life → ${en.count} pages; first "${en.first.title}" opened`);

  // ?q= is shareable: the address after a search runs it again.
  await page.goto(`${jaSearch}?q=${encodeURIComponent('急変時 看取り')}`);
  await page.waitForSelector('#search-results > li');

  // Snippets show the text as written: 「取組（①～⑤）」, not its normalised form 「取組(1~5)」,
  // and mark the words searched for where they are in it.
  await page.goto(`${jaSearch}?q=${encodeURIComponent('具体的な取組')}`);
  await page.waitForSelector('#search-results > li');
  const snippets = await page.$$eval('.search-snippet', (ps) => ps.map((p) => p.textContent));
  assert.ok(snippets.some((t) => t.includes('①～⑤')), `no snippet shows ①～⑤ as written: ${snippets.join(' | ')}`);
  assert.ok(!snippets.some((t) => t.includes('(1~5)')), 'a snippet shows the normalised text (1~5)');
  const marked = await page.$$eval('.search-snippet mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.length > 0 && marked.every((m) => m === '具体的な取組'), `marks: ${marked}`);
  await context.close();
}

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await run(browser, `http://127.0.0.1:${server.address().port}${basePath}`, 'http');
  await run(browser, pathToFileURL(publicDir).href + '/', 'file');
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('search check passed');
