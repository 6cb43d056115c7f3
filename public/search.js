// The search page's behaviour (only /search/ loads it): shows the form, loads the search module (wasm),
// this edition's index (what a query needs to find and count) and its texts (what results show), and
// lists results as the reader types, grouped by kind, matched words in
// <mark> elements built as DOM nodes (never HTML). Arrow keys move through results, Enter opens one,
// Escape clears; the count is announced by a polite live region; the query is kept in the URL (?q=).
// Hand-written JavaScript over the search wasm: the page's few listeners in Rust would cost the module
// more bytes than this file (see ARCHITECTURE.md).

const SEARCH = {}; // Settings and the edition's words, written in by the prerenderer.

// Results listed per kind (the heading gives each kind's total), of which the first SHOWN at once and
// the others with the kind's "more" button: a key press lays out and paints a few results, not forty.
const LIMIT = 10;
const SHOWN = 3;

const byId = (id) => document.getElementById(id);
const form = byId(SEARCH.form);
const input = byId(SEARCH.input);
const status = byId(SEARCH.status);
const results = byId(SEARCH.results);
const none = byId(SEARCH.none);
const index = byId(SEARCH.az);
let engine = null;
let urlTimer = 0;
// The results string on screen.
let onScreen = '';

form.hidden = false;
input.value = new URL(location.href).searchParams.get(SEARCH.field) || '';
input.focus();
input.addEventListener('input', show);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  results.querySelector('a')?.click();
});
document.addEventListener('keydown', keys);
// The query goes into the URL a moment after typing stops, and at once when the reader leaves.
results.addEventListener('click', writeUrl, true);
addEventListener('pagehide', writeUrl);
load().catch((e) => {
  status.textContent = SEARCH.failed;
  console.warn('search could not load:', e);
});

// The index and the texts are fetched together: a result shown needs both (the engine could count with
// the index alone, but a count without results would be announced before anything is there to read).
async function load() {
  const [glue, index, texts] = await Promise.all([import(SEARCH.glue), bytes(SEARCH.index), bytes(SEARCH.texts)]);
  await glue.default({ module_or_path: SEARCH.wasm });
  const search = new glue.Search(index);
  search.texts(texts);
  engine = search;
  show();
  // Tells tests and the benchmark that search is ready, as the app does on its pages.
  document.documentElement.setAttribute(SEARCH.ready, 'true');
}

async function bytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** Puts the query in the box into the URL (?q=), replacing the entry: Back, reload and sharing keep it. */
function writeUrl() {
  clearTimeout(urlTimer);
  const query = input.value;
  const url = new URL(location.href);
  if (query) url.searchParams.set(SEARCH.field, query);
  else url.searchParams.delete(SEARCH.field);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/** Runs the query in the box and shows what it finds; the A–Z index steps aside while there is a query. */
function show() {
  const query = input.value;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 300);
  if (!engine) return;
  // Attributes are written only when they change: a key press invalidates as little style as it can.
  if (index.hidden !== Boolean(query)) index.hidden = Boolean(query);
  const found = query ? engine.search(query, SHOWN) : '';
  const groups = parse(found);
  // The same results as on screen (a key that changes no result) are left as they are.
  if (found !== onScreen) {
    onScreen = found;
    results.replaceChildren(...groups.map((g) => group(g, query)));
  }
  const total = groups.reduce((n, g) => n + g.total, 0);
  const noneHidden = !(query && total === 0);
  if (none.hidden !== noneHidden) none.hidden = noneHidden;
  status.textContent = !query
    ? ''
    : total === 0
      ? none.querySelector('p').textContent
      : total === 1
        ? SEARCH.one
        : SEARCH.many.replace('{n}', total);
}

/** What the engine returns, as groups of hits: one string, results apart by \x1e, fields by \x1f (search-wasm). */
function parse(found) {
  const groups = [];
  for (const record of found ? found.split('\x1e') : []) {
    const [kind, ofKind, id, label, state, date, publisher, title, snippet] = record.split('\x1f');
    if (groups.at(-1)?.kind !== kind) groups.push({ kind, total: Number(ofKind), hits: [] });
    groups.at(-1).hits.push({ kind, id, label, state, date, publisher, title, snippet });
  }
  return groups;
}

// A kind's results: its heading with its total, its first SHOWN results, and a button for the rest of its
// best LIMIT, which asks the engine for them when pressed.
function group({ kind, total, hits }, query) {
  const section = element('section', null, 'search-group');
  const list = element('ul');
  list.dataset.kind = kind;
  list.append(...hits.map(item));
  section.append(element('h2', `${SEARCH.groups[kind]} (${total})`), list);
  const rest = Math.min(total, LIMIT) - hits.length;
  if (rest > 0) {
    const more = element('button', SEARCH.more.replace('{n}', rest).replace('{kind}', SEARCH.groups[kind]), 'search-more');
    more.type = 'button';
    more.addEventListener('click', () => {
      const all = parse(engine.search(query, LIMIT)).find((g) => g.kind === kind).hits;
      const items = all.slice(hits.length).map(item);
      list.append(...items);
      more.remove();
      items[0].firstChild.focus();
    });
    section.append(more);
  }
  return section;
}

function item(hit) {
  const li = element('li');
  li.append(link(hit));
  return li;
}

/** A result's link: where it leads, its title, what it is, and a snippet with the matched words. */
function link(hit) {
  const a = element('a');
  const id = encodeURIComponent(hit.id);
  a.href = {
    passage: `${SEARCH.letter}#${SEARCH.passage}${id}`,
    note: `${SEARCH.notes}${id}/`,
    event: `${SEARCH.timeline}#${id}`,
    source: `${SEARCH.sources}#${id}`,
  }[hit.kind];
  // A passage is shown by its text; the others by their title.
  if (hit.kind !== 'passage') a.append(marked('search-title', hit.title.split('\x1d')));
  const meta = {
    note: [SEARCH.labels[hit.label], SEARCH.labels[hit.state]],
    event: [when(hit.date)],
    source: [hit.publisher, when(hit.date)],
  }[hit.kind];
  const label = (meta || []).filter(Boolean).join(' · ');
  if (label) a.append(element('span', label, 'search-meta'));
  if (hit.kind !== 'source') a.append(marked('search-snippet', hit.snippet.split('\x1d')));
  return a;
}

/** A span of text parts, plain and matched in turn (plain first), the matched ones in <mark>. */
function marked(className, parts) {
  const span = element('span', null, className);
  parts.forEach((part, i) => span.append(i % 2 ? element('mark', part) : part));
  return span;
}

/** An ISO date at its precision ("2024", "2024-09", "2024-09-30") in the edition's words. */
function when(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y;
  const month = SEARCH.months[Number(m) - 1];
  return (d ? SEARCH.day.replace('{d}', Number(d)) : SEARCH.month).replace('{m}', month).replace('{y}', y);
}

function element(name, text, className) {
  const el = document.createElement(name);
  if (text != null) el.textContent = text;
  if (className) el.className = className;
  return el;
}

// Arrow keys between the box and the results (and "more" buttons), Escape clears, / and Ctrl+K (Cmd+K)
// come back to the box.
function keys(e) {
  const links = [...results.querySelectorAll('a, button')];
  const here = document.activeElement;
  const at = links.indexOf(here);
  const inSearch = here === input || at >= 0;
  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && inSearch && links.length) {
    e.preventDefault();
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
  } else if (e.key === 'Escape' && inSearch) {
    e.preventDefault();
    input.value = '';
    show();
    input.focus();
  } else if ((e.key === '/' && !typing(e.target)) || ((e.key || '').toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
    e.preventDefault();
    input.focus();
    input.select();
  }
}

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
