// Every piece of UI text lives in i18n-fr.js and i18n-en.js; only the
// language in use is downloaded.  Keys: a scenario path is the label of its
// field, "h:" + path its hint, "o:" + path + ":" + value a select option,
// "r:" + result path the label of a result, "n:" a "null" explanation.
import { dict } from './i18n-dict.js';

export { dict };

/** Adds the stage and model names to a language's table under every key
 *  that shows them. */
export function expand(base, stages, models) {
  const d = { ...base };
  for (const [k, v] of Object.entries(stages)) {
    d['o:funnel.entry:' + k] = v; d['observed.' + k] = v; d['r:funnel.' + k] = v;
  }
  for (const [k, v] of Object.entries(models)) d['o:costs.model:' + k] = v;
  return d;
}

const tables = {}, withErrors = {};
/** Loads a language's table once; errors: with the words of the core's
 *  errors and warnings (i18n-err-*.js: needed once the engine is). */
export function loadLang(lang, errors = false) {
  tables[lang] ||= (lang === 'en' ? import('./i18n-en.js') : import('./i18n-fr.js')).then((m) => (dict[lang] = { ...m.default }));
  if (!errors) return tables[lang];
  withErrors[lang] ||= Promise.all([tables[lang], lang === 'en' ? import('./i18n-err-en.js') : import('./i18n-err-fr.js')])
    .then(([table, e]) => Object.assign(table, e.default));
  return withErrors[lang];
}

/** Text for key in lang, with {name} placeholders replaced in one pass and
 *  literally: a scenario name holding "$&" or "{n}" shows as typed. */
export function tr(lang, key, params) {
  const s = (dict[lang] && dict[lang][key]) ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}
