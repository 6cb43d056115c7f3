// preview.js — link previews. A link to a note, a timeline event or a source shows what it leads to (what it
// is, its title, its first sentence or two) when a mouse or pen rests on it for DELAY ms, or when keyboard
// focus reaches it. offline.js imports this module on the reader's first hover or focus on a link and calls
// `start` with the edition's data files (previews-<lang>-<kind>-<hash>.json, one per kind of target,
// written by the prerenderer: each target's URL path → { title, meta, text, lang? }), each fetched when a
// link to its kind is first previewed.
//
// The pattern (ARCHITECTURE.md, "Link previews"): a preview holds no link or control, only words the target
// says itself, so it is a tooltip: role="tooltip", the link's description (aria-describedby) while shown,
// never a live region, so a screen reader reads it once, after the link's name. Escape closes it and focus
// stays on the link. Touch shows none: a tap follows the link. The preview is fixed over the page (it moves
// nothing: no layout shift), below its link or above it when there is no room below, never over it, and
// within the viewport (of the frame, inside an embed); it is positioned through the CSSOM, which the
// Content-Security-Policy allows (a style attribute it would not). Hand-written JavaScript because pages
// without the wasm app (sources, about, corrections, embedded note cards) need it too, and the app's wasm
// would cost every first view of the letter more than this whole file costs on intent.

// The previews' stylesheet, beside this file: written in by the prerenderer.
const STYLESHEET = '';
// Links that never preview (the letter's marks, search results): written in likewise.
const SKIP = '';
// How long a pointer rests on a link before its preview shows (ms).
const DELAY = 300;
// How long a preview waits for the pointer to cross between its link and itself (ms).
const GRACE = 200;
// Between a link and its preview (px).
const GAP = 6;
// Kept from the viewport's edges (px).
const MARGIN = 8;
const ID = 'link-preview';

// The stylesheet, loading or loaded (a promise).
let stylesheet = null;
// The edition's data files, [[URL prefix, file name]], and the promise of each fetched so far, by name.
let files = [];
const fetched = new Map();
// The preview element (one per page, made on first use).
let box = null;
// The link whose preview is shown.
let shown = null;
// The link a preview is being shown for (waiting for the data).
let pending = null;
// The link whose preview Escape closed, until the pointer or focus leaves it.
let dismissed = null;
let showTimer = 0;
let hideTimer = 0;

/** Starts previews on this page: `data` names the edition's data files, `first` is the event that loaded
 * this module. */
export function start(data, first) {
  files = data;
  stylesheet = new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(STYLESHEET, import.meta.url).href;
    link.addEventListener('load', resolve);
    link.addEventListener('error', () => reject(new Error(`cannot load ${link.href}`)));
    document.head.append(link);
  });

  addEventListener('pointerover', over);
  addEventListener('pointerout', out);
  addEventListener('focusin', focusIn);
  addEventListener('focusout', focusOut);
  addEventListener('keydown', key, true);
  addEventListener('pointerdown', down, true);
  addEventListener('scroll', follow, { capture: true, passive: true });
  addEventListener('resize', follow, { passive: true });
  (first.type === 'focusin' ? focusIn : over)(first);
}

/** The link around `node` that may show a preview, or null. */
function candidate(node) {
  const link = node?.closest?.('a[href]');
  if (!link || link.closest(SKIP) || box?.contains(link)) return null;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return null;
  // A link to where it already is (a heading's own anchor, a note's link to itself) says nothing new.
  const here = url.pathname === location.pathname;
  if (here && (!url.hash || document.getElementById(url.hash.slice(1))?.contains(link))) return null;
  return link;
}

/** The preview of a link's target (a promise; undefined when there is none), with the stylesheet loaded: by
 * its URL path and fragment (an event, a source), or its path alone (a note, linked at a passage or not). */
function lookUp(link) {
  const url = new URL(link.href, location.href);
  const key = url.pathname + url.hash;
  const file = files.find(([prefix]) => key.startsWith(prefix))?.[1];
  if (!file) return Promise.resolve(undefined);
  if (!fetched.has(file)) {
    const url = new URL(file, import.meta.url).href;
    const json = fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${url}`))));
    fetched.set(file, Promise.all([json, stylesheet]).then(([items]) => items));
  }
  return fetched.get(file).then((items) => items[key] ?? items[url.pathname]);
}

/** Whether the reader is still on `link`: the pointer over it or over its preview, or focus on it. */
const engaged = (link) =>
  link.isConnected && (link.matches(':hover') || box?.matches(':hover') || link === document.activeElement);

function over(e) {
  if (e.pointerType === 'touch') return;
  if (box?.contains(e.target)) return clearTimeout(hideTimer);
  const link = candidate(e.target);
  if (!link || link === dismissed) return;
  if (link === shown) return clearTimeout(hideTimer);
  clearTimeout(showTimer);
  showTimer = setTimeout(() => link.matches(':hover') && show(link), DELAY);
}

function out(e) {
  if (e.pointerType === 'touch') return;
  const from = box?.contains(e.target) ? box : candidate(e.target);
  const to = e.relatedTarget;
  if (!from || from.contains(to)) return;
  // Between a link and its preview, either way.
  if (to && (box?.contains(to) || shown?.contains(to))) return;
  if (from === dismissed) dismissed = null;
  clearTimeout(showTimer);
  if (!shown) return;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    const focused = shown === document.activeElement && shown.matches(':focus-visible');
    if (!focused && !shown.matches(':hover') && !box.matches(':hover')) hide();
  }, GRACE);
}

/** A press closes the preview (a click follows its link), which stays closed while the pointer stays. */
function down(e) {
  if (box?.contains(e.target)) return;
  dismissed = candidate(e.target);
  hide();
}

function focusIn(e) {
  const link = candidate(e.target);
  // Keyboard focus only: a click or a tap also focuses its link, and follows it.
  if (link && link.matches(':focus-visible')) {
    dismissed = null;
    clearTimeout(showTimer);
    show(link);
  }
}

function focusOut(e) {
  if (e.target === shown && !shown.matches(':hover') && !box.matches(':hover')) hide();
  if (e.target === dismissed) dismissed = null;
}

function key(e) {
  if (e.key !== 'Escape') return;
  // A preview on its way does not come any more.
  clearTimeout(showTimer);
  pending = null;
  if (!shown) return;
  // Closes the preview only: not also the note it sits in (the letter's Escape), and focus stays.
  e.stopPropagation();
  dismissed = shown;
  hide();
}

/** Keeps the preview by its link while the page scrolls or resizes. */
function follow() {
  if (shown) place(shown);
}

async function show(link) {
  pending = link;
  let item;
  try {
    item = await lookUp(link);
  } catch (error) {
    console.warn('Link previews are off:', error);
    return;
  }
  if (pending !== link) return;
  pending = null;
  if (!item || !engaged(link)) return;
  clearTimeout(hideTimer);
  if (shown && shown !== link) describe(shown, false);
  fill(item);
  shown = link;
  describe(link, true);
  box.hidden = false;
  place(link);
}

function hide() {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  pending = null;
  if (!shown) return;
  describe(shown, false);
  shown = null;
  box.hidden = true;
}

/** Adds the preview to (or takes it from) the link's description. */
function describe(link, on) {
  const ids = (link.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== ID);
  if (on) ids.push(ID);
  if (ids.length) link.setAttribute('aria-describedby', ids.join(' '));
  else link.removeAttribute('aria-describedby');
}

/** The preview's text: what the target is, its title, its first sentence or two; each a text node. */
function fill(item) {
  if (!box) {
    box = document.createElement('div');
    box.id = ID;
    box.className = 'link-preview';
    box.setAttribute('role', 'tooltip');
    box.hidden = true;
    // In the main landmark (all content is in one), where nothing makes a fixed element scroll or clip.
    (document.querySelector('main') ?? document.body).append(box);
  }
  const line = (kind, text) => {
    const p = document.createElement('p');
    p.className = `link-preview-${kind}`;
    p.textContent = text;
    return p;
  };
  const title = line('title', item.title);
  const text = item.text ? line('text', item.text) : null;
  if (item.lang) for (const el of [title, text]) el?.setAttribute('lang', item.lang);
  box.replaceChildren(line('meta', item.meta), title, ...(text ? [text] : []));
}

/** Puts the preview below its link, or above it when it does not fit below, inside the viewport. */
function place(link) {
  const r = link.getBoundingClientRect();
  const view = document.documentElement;
  if (r.bottom < 0 || r.top > view.clientHeight) return hide();
  box.style.setProperty('left', '0px');
  box.style.setProperty('top', '0px');
  const { width, height } = box.getBoundingClientRect();
  const below = r.bottom + GAP;
  const above = r.top - GAP - height;
  const fitsBelow = below + height <= view.clientHeight - MARGIN;
  const top = fitsBelow || (above < MARGIN && view.clientHeight - r.bottom >= r.top) ? below : above;
  const left = Math.max(MARGIN, Math.min(r.left, view.clientWidth - MARGIN - width));
  box.style.setProperty('left', `${left}px`);
  box.style.setProperty('top', `${top}px`);
}
