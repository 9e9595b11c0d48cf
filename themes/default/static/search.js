// Search page: finds every query term in the pages of the search index written by `shishin build`
// beside the page: index.js names its parts (index-1.js, …), loaded here as scripts so the page
// also works opened from a folder. The index holds each page's text normalised (NFKC, spaces
// collapsed); index and query are folded the same way as src/search.rs does, and a term is found
// as a substring, so Japanese compounds are found whole and by their parts. Latin terms must start
// a word. Keep this in step with src/search.rs (fold, query_terms, occurrences, search).
(function () {
  'use strict';

  var box = document.getElementById('search');
  if (!box) return;
  var form = box.querySelector('form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var root = box.getAttribute('data-root') || '';
  // A folder opened from disk has no index files for directories: link to index.html itself.
  var suffix = location.protocol === 'file:' ? 'index.html' : '';
  var MAX_SHOWN = 100;
  var CONTEXT_BEFORE = 40;
  var CONTEXT_AFTER = 100;

  var DASHES = /[\u2010-\u2015\u2212\uFE63]/g;
  var TERM_SPLIT = /[\s、。,「」]+/;
  var LATIN_START = /^[a-z0-9]/;
  var LATIN_CHAR = /[A-Za-z0-9]/;

  // Case and dash folding that keeps every offset (see fold in src/search.rs).
  function fold(s) {
    var lower = s.toLowerCase();
    if (lower.length !== s.length) {
      lower = '';
      for (var i = 0; i < s.length; i++) {
        var l = s[i].toLowerCase();
        lower += l.length === 1 ? l : s[i];
      }
    }
    return lower.replace(DASHES, '-');
  }

  // The text as the search compares it (NFKC, folded), with, where NFKC changed its length, the
  // offset in the text as written of each of its UTF-16 units, so that a snippet shows the text
  // as written (①, not 1) and marks the right letters.
  var COMBINING = /[\u0300-\u036F\u3099-\u309A\uFF9E-\uFF9F]/;
  function folded(x) {
    var n = x.normalize('NFKC');
    if (n.length === x.length) return { text: fold(n), at: null };
    var out = '';
    var at = [];
    for (var i = 0; i < x.length;) {
      var j = i + String.fromCodePoint(x.codePointAt(i)).length;
      while (j < x.length && COMBINING.test(x[j])) j++;
      var piece = x.slice(i, j).normalize('NFKC');
      for (var k = 0; k < piece.length; k++) at.push(i);
      out += piece;
      i = j;
    }
    at.push(x.length);
    return { text: fold(out), at: at };
  }

  function queryTerms(q) {
    return fold(q.normalize('NFKC').replace(/\s+/g, ' ').trim())
      .split(TERM_SPLIT)
      .filter(function (t) { return t.length > 0; });
  }

  // Offsets of term in folded text, at most `limit` of them, starting before `to` (if given).
  function occurrences(text, term, limit, from, to) {
    var found = [];
    var wordStart = LATIN_START.test(term);
    var end = to === undefined ? text.length : to;
    var at = text.indexOf(term, from || 0);
    while (at !== -1 && at < end && found.length < limit) {
      if (!wordStart || at === 0 || !LATIN_CHAR.test(text[at - 1])) found.push(at);
      at = text.indexOf(term, at + 1);
    }
    return found;
  }

  var index = window.shishinSearchIndex;
  var pages = null; // null until every part has loaded
  var broken = !index;
  var waiting = null; // a query asked for before the index was there

  function loaded() {
    var all = [];
    for (var n = 1; n <= index.parts; n++) all = all.concat(window.shishinSearchParts[n]);
    pages = all.map(function (p) {
      var f = folded(p.x);
      return { url: root + p.u + suffix, title: p.t, text: p.x, lang: p.l, ftitle: fold(p.t.normalize('NFKC')), ftext: f.text, at: f.at };
    });
    if (waiting !== null) show(waiting);
  }

  function load() {
    var left = index.parts;
    window.shishinSearchParts = window.shishinSearchParts || {};
    if (left === 0) return loaded();
    for (var n = 1; n <= index.parts; n++) {
      var script = document.createElement('script');
      script.src = 'index-' + n + '.js';
      script.onload = function () { if (--left === 0) loaded(); };
      script.onerror = function () {
        broken = true;
        say(box.getAttribute('data-unavailable'));
      };
      document.head.appendChild(script);
    }
  }

  function search(terms) {
    var hits = [];
    pages.forEach(function (p, i) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var inTitle = occurrences(p.ftitle, terms[k], Infinity).length;
        var inText = occurrences(p.ftext, terms[k], 10).length;
        if (inTitle + inText === 0) return;
        score += inTitle * 10 + inText;
      }
      hits.push({ page: p, score: score, order: i });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.map(function (h) { return h.page; });
  }

  // The text around the first match, as written, with every term inside it in <mark>.
  function snippet(p, terms) {
    var first = -1;
    terms.forEach(function (t) {
      var at = occurrences(p.ftext, t, 1)[0];
      if (at !== undefined && (first === -1 || at < first)) first = at;
    });
    var start = first === -1 ? 0 : Math.max(0, first - CONTEXT_BEFORE);
    var end = Math.min(p.ftext.length, (first === -1 ? 0 : first) + CONTEXT_AFTER);
    // Offsets in the compared text to offsets in the text as written.
    var written = function (i) { return p.at ? p.at[i] : i; };
    var ranges = [];
    terms.forEach(function (t) {
      // Only matches wholly inside the snippet are marked.
      occurrences(p.ftext, t, Infinity, start, end - t.length + 1).forEach(function (at) {
        ranges.push([written(at) - written(start), written(at + t.length) - written(start)]);
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var el = document.createElement('p');
    el.className = 'search-snippet';
    var shown = p.text.slice(written(start), written(end));
    var pos = 0;
    if (start > 0) el.appendChild(document.createTextNode('…'));
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      el.appendChild(document.createTextNode(shown.slice(pos, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = shown.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    el.appendChild(document.createTextNode(shown.slice(pos) + (end < p.ftext.length ? '…' : '')));
    return el;
  }

  function say(text) {
    status.textContent = text;
  }

  function show(q) {
    list.textContent = '';
    if (broken) return say(box.getAttribute('data-unavailable'));
    if (!pages) {
      waiting = q;
      return;
    }
    var terms = queryTerms(q);
    if (terms.length === 0) return say(q ? box.getAttribute('data-empty') : '');
    var found = search(terms);
    if (found.length === 0) return say(box.getAttribute('data-none'));
    say((found.length === 1 ? box.getAttribute('data-found-one')
      : box.getAttribute('data-found').replace('{n}', String(found.length)))
      + (found.length > MAX_SHOWN ? ' ' + box.getAttribute('data-shown').replace('{n}', String(MAX_SHOWN)) : ''));
    found.slice(0, MAX_SHOWN).forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'search-result';
      if (p.lang) li.lang = p.lang;
      var a = document.createElement('a');
      a.href = p.url;
      a.textContent = p.title;
      var h = document.createElement('p');
      h.className = 'search-result-title';
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(snippet(p, terms));
      list.appendChild(li);
    });
  }

  // Keeps ?q= in the address, so a search can be shared and survives going back.
  function remember(q) {
    try {
      history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
    } catch (e) {
      // Some browsers refuse to change file:// addresses; the results are shown all the same.
    }
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      remember(input.value);
    }, 200);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    show(input.value);
    remember(input.value);
  });

  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  if (broken) say(box.getAttribute('data-unavailable'));
  else load();
  if (initial) show(initial);
})();
