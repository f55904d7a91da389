// DOM helpers shared by the components: elements built with text only (no
// markup strings, so nothing from a link can become markup), ids of inputs.
export const $ = (id) => document.getElementById(id);

export function node(name, attrs = {}, text) {
  const n = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== false && v !== undefined) n.setAttribute(k, v === true ? '' : String(v));
  }
  if (text !== undefined) n.textContent = text;
  return n;
}

/** The id of the input of a scenario path. */
export const idOf = (path) => 'f-' + path.replace(/[^a-z0-9_]+/gi, '-');
export const inputOf = (path) => document.getElementById(idOf(path));

/** Texts of every [data-i18n] and [data-i18n-label] under root. */
export function translate(root, t) {
  for (const n of root.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of root.querySelectorAll('[data-i18n-label]')) n.setAttribute('aria-label', t(n.dataset.i18nLabel));
}

/** Puts kids into box, unless box holds the same ones written at build time
 *  (data-pre, scripts/prerender.mjs): those stay, theirs now (data-pre
 *  gone), so the answer painted first is the element the browser reports
 *  as painted (Element Timing), not a copy painted a frame later.  Their
 *  values (data-value) are the results renderer's to write. */
export function keepBuilt(box, kids) {
  const bare = (el) => {
    const c = el.cloneNode(true);
    for (const x of [c, ...c.querySelectorAll('*')]) { x.removeAttribute('data-pre'); x.removeAttribute('data-value'); }
    return c.outerHTML;
  };
  const old = [...box.children];
  if (old.length && old.length === kids.length && old.every((el, i) => el.hasAttribute('data-pre') && bare(el) === bare(kids[i]))) {
    for (const el of old) el.removeAttribute('data-pre');
  } else box.replaceChildren(...kids);
}

/** Sets a property only when it changes (keeps the caret where it is). */
export function setProp(el, prop, value) {
  if (el[prop] !== value) el[prop] = value;
}

/** Rebuilds a part of the page while keeping the focus on the field of the
 *  same name, if it had it. */
export function keepFocus(rebuild) {
  const name = document.activeElement?.getAttribute?.('name');
  rebuild();
  if (name && document.activeElement === document.body) document.querySelector(`[name="${CSS.escape(name)}"]`)?.focus();
}

/** A message of the state ({ key, params, num } or { text }) in the page's
 *  language; num are numbers to format. */
export function say(msg, t, fmt) {
  if (!msg) return '';
  if (msg.text !== undefined) return msg.text;
  const params = { ...msg.params };
  for (const [k, v] of Object.entries(msg.num || {})) params[k] = fmt.num(v);
  return t(msg.key, params);
}
