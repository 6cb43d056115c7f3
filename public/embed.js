// embed.js — for pages that embed the explainer. Sizes every <iframe data-letter-explainer> to its content
// and removes its border (so the snippet needs no inline style).
// It accepts a message only from that iframe's own window and origin, and only of the exact shape
// { type: "letter-explainer:height", height: <number> }; everything else is ignored.
(() => {
  if (window.__letterExplainerEmbed) return;
  window.__letterExplainerEmbed = true;
  const TYPE = 'letter-explainer:height';
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
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return;
    const keys = Object.keys(data);
    if (keys.length !== 2 || data.type !== TYPE || typeof data.height !== 'number') return;
    const height = data.height;
    if (!Number.isFinite(height) || height < 0 || height > 100000) return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source || event.origin !== originOf(frame)) continue;
      frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
