// embed-frame.js — runs inside the explainer's embed pages (/embed/…). Applies the theme the host asked for
// (?theme=light|dark|auto, ?accent=RRGGBB; anything else is ignored) and reports the page's height to the
// host whenever it changes: as { type: "letter-explainer:height", height } for embed.js, and in NPR pym.js's
// child protocol when the host is a pym.Parent (it adds ?childId= to the iframe's URL).
(() => {
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') root.dataset.theme = theme;
  const accent = (params.get('accent') || '').replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(accent)) root.style.setProperty('--accent', `#${accent}`);
  if (window.parent === window) return;
  const pymId = params.get('childId');
  let last = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'letter-explainer:height', height }, '*');
    if (pymId) window.parent.postMessage(['pym', pymId, 'height', String(height)].join('xPYMx'), '*');
  };
  // The host's embed.js says hello when it starts (it may have missed our first report).
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'letter-explainer:hello') return;
    last = -1;
    report();
  });
  new ResizeObserver(report).observe(root);
  window.addEventListener('load', report);
  if (document.fonts) document.fonts.ready.then(report);
  report();
})();
