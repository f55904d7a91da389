// The text tables loaded so far, by language ({ fr: {...}, en: {...} }):
// filled by i18n.js for the full page and by the widget with its own texts,
// and the one way placeholders are filled.  A module of its own so that
// errors.js (which both use) does not pull in the page's table loader.
export const dict = {};

/** Replaces each {name} of template by vals[name], in one pass: a value is
 *  inserted literally ("$&", "$1" or "{x}" inside it stay as they are). */
export function fill(template, vals) {
  return template.replace(/\{([A-Za-z_]\w*)\}/g, (m, k) => (Object.hasOwn(vals, k) ? String(vals[k]) : m));
}
