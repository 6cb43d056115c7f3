// embed.js — for pages that embed the explainer. Sizes every <iframe data-letter-explainer> to its content,
// removes its border (so the snippet needs no inline style), gives it the page's title if the snippet had
// none, and scrolls this page to a note the reader opens inside it.
// It accepts a message only from that iframe's own window and origin, and only of one of these exact shapes;
// everything else is ignored (Architecture Invariant: embeds never act on any other message):
//   { type: "letter-explainer:height", height: <number 0–100000> }
//   { type: "letter-explainer:title", title: <string of 1–300 characters> }
//   { type: "letter-explainer:scroll", top: <number 0–100000> }
(() => {
  if (window.__letterExplainerEmbed) return;
  window.__letterExplainerEmbed = true;
  const frames = () => document.querySelectorAll('iframe[data-letter-explainer]');
  const originOf = (frame) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  // A frame may have reported its height before this script ran: ask each one to report again, now and
  // whenever it (re)loads.
  // Not to a frame still at its initial about:blank (readable, so not yet ours): Firefox reports a message
  // for another origin as an error; its load event says hello instead.
  const initial = (frame) => {
    try {
      return frame.contentWindow.location.href === 'about:blank';
    } catch {
      return false; // another origin's document: ours
    }
  };
  const hello = (frame) => {
    const origin = originOf(frame);
    if (origin && frame.contentWindow && !initial(frame)) {
      frame.contentWindow.postMessage({ type: 'letter-explainer:hello' }, origin);
    }
  };
  for (const frame of frames()) {
    // Through the style object, not a style attribute: allowed by the strictest Content-Security-Policy.
    frame.style.border = '0';
    hello(frame);
    frame.addEventListener('load', () => hello(frame));
  }
  const distance = (n) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100000;
  // Each message type: the field it carries, its check, and what it does to the frame that sent it.
  const handlers = {
    'letter-explainer:height': ['height', distance, (frame, height) => {
      frame.style.height = `${Math.ceil(height)}px`;
    }],
    'letter-explainer:title': ['title', (t) => typeof t === 'string' && t.length > 0 && t.length <= 300, (frame, title) => {
      // Only if the snippet gave the frame no name of its own.
      if (!(frame.getAttribute('title') || '').trim()) frame.setAttribute('title', title);
    }],
    'letter-explainer:scroll': ['top', distance, (frame, top) => {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({
        top: frame.getBoundingClientRect().top + window.scrollY + top,
        behavior: smooth ? 'smooth' : 'instant',
      });
    }],
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return;
    const keys = Object.keys(data);
    const handler = Object.hasOwn(handlers, data.type) ? handlers[data.type] : null;
    if (!handler || keys.length !== 2) return;
    const [field, valid, apply] = handler;
    if (!keys.includes(field) || !valid(data[field])) return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source || event.origin !== originOf(frame)) continue;
      apply(frame, data[field]);
    }
  });
})();
