// display.js — how the reader asked to see the page, on <html> before its first paint: the theme
// (data-theme) and clean reading (data-annotations). In the <head> of every page of the full site (not the
// embeds: they follow their host's ?theme=, see embed-frame.js), a classic script without async or defer, so
// it runs before the body is parsed, on every route, offline too (the service worker saves it with the
// rest).
// - Theme: "auto" follows the system (the stylesheet's light-dark() colours under color-scheme: light dark).
//   The header's buttons (data-theme-choice) change it; a choice is remembered on this device in
//   localStorage, and open pages follow it.
// - Clean reading: ?annotations=off in the address shows the letter's marks unstyled from the first paint;
//   the letter's control and the language switch are the wasm app's (crates/browser/src/clean.rs).
(() => {
  const KEY = 'letter-explainer-theme';
  const root = document.documentElement;
  root.dataset.annotations = new URLSearchParams(location.search).get('annotations') === 'off' ? 'off' : 'on';
  const valid = (theme) => (theme === 'light' || theme === 'dark' ? theme : 'auto');
  const stored = () => {
    try {
      return valid(localStorage.getItem(KEY));
    } catch {
      // Storage refused (a browser setting): the system's theme, and a choice lasts one page.
      return 'auto';
    }
  };
  const show = (theme) => {
    root.dataset.theme = theme;
    for (const button of document.querySelectorAll('[data-theme-choice]')) {
      button.setAttribute('aria-pressed', String(button.dataset.themeChoice === theme));
    }
  };
  show(stored());
  document.addEventListener('DOMContentLoaded', () => show(root.dataset.theme));
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('[data-theme-choice]');
    if (!button) return;
    const theme = valid(button.dataset.themeChoice);
    try {
      if (theme === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered; this page still shows it.
    }
    show(theme);
  });
  // Another tab chose, or the page comes back from the back-forward cache.
  addEventListener('storage', (event) => (event.key === KEY || event.key === null) && show(stored()));
  addEventListener('pageshow', (event) => event.persisted && show(stored()));
})();
