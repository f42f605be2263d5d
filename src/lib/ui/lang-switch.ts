/**
 * The language switcher keeps the view: its links (a[data-lang-switch], built without a query
 * string) get the page's current query string and fragment when the page loads and again when a
 * reader reaches for one (charts rewrite the query string with history.replaceState, which fires
 * no event).
 */
function sync() {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')) {
    const u = new URL(a.href, location.href);
    u.search = location.search;
    u.hash = location.hash;
    a.href = u.pathname + u.search + u.hash;
  }
}

sync();
for (const type of ['pointerdown', 'focusin', 'click'] as const) {
  document.addEventListener(type, (e) => {
    if ((e.target as Element | null)?.closest?.('a[data-lang-switch]')) sync();
  }, { capture: true });
}
