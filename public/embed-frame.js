// embed-frame.js — runs inside the explainer's embed pages (/embed/…). Applies the theme the host asked for
// (?theme=light|dark|auto, ?accent=RRGGBB; anything else is ignored) and tells the host, both as our own
// messages for embed.js and in NPR pym.js's child protocol when the host is a pym.Parent (it adds ?childId=
// to the iframe's URL):
// - the page's height, whenever it changes: { type: "letter-explainer:height", height } and pym's "height";
// - the page's title: { type: "letter-explainer:title", title } and pym's message of our own type
//   "letter-explainer:title" (pym has none for titles);
// - where to scroll when the reader opens a note or the host sends the frame to an event (the browser app
//   dispatches "letter-explainer:show" at the element): { type: "letter-explainer:scroll", top } and
//   pym's "scrollToChildPos", with the element's top in the page.
(() => {
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') root.dataset.theme = theme;
  const accent = (params.get('accent') || '').replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(accent)) root.style.setProperty('--accent', `#${accent}`);
  if (window.parent === window) return;
  const pymId = params.get('childId');
  // Our message for embed.js, and pym's (type and text) when the host is a pym.Parent.
  const tell = (ours, pymType, pymText) => {
    window.parent.postMessage(ours, '*');
    if (pymId) window.parent.postMessage(['pym', pymId, pymType, pymText].join('xPYMx'), '*');
  };
  let last = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    tell({ type: 'letter-explainer:height', height }, 'height', String(height));
  };
  const title = () => {
    const text = document.title.replace(/\s+/g, ' ').trim();
    if (text) tell({ type: 'letter-explainer:title', title: text }, 'letter-explainer:title', text);
  };
  // The host's embed.js says hello when it starts (it may have missed our first report).
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'letter-explainer:hello') return;
    last = -1;
    report();
    title();
  });
  // The app asks for the host to bring an element into view (the top of a note just opened): the height
  // first, so that the host's page is long enough to scroll there.
  document.addEventListener('letter-explainer:show', (event) => {
    if (!(event.target instanceof Element)) return;
    const top = Math.max(0, Math.round(event.target.getBoundingClientRect().top + window.scrollY));
    report();
    tell({ type: 'letter-explainer:scroll', top }, 'scrollToChildPos', String(top));
  }, true);
  new ResizeObserver(report).observe(root);
  window.addEventListener('load', report);
  window.addEventListener('load', title);
  if (document.fonts) document.fonts.ready.then(report);
  report();
})();
