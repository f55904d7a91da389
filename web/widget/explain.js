// The widget's refusals in words, loaded the first time one is shown (most
// visitors never need it): the core's errors from their code and params
// (errors.js, with the texts of i18n-core-*.js and i18n-err-*.js) and the
// widget's own refusals of a typed number ("e:number"...).  Built apart from
// the widget's module, so that nothing it shares with errors.js becomes a
// chunk the widget waits for.
import { message } from '../errors.js';
import { dict } from '../i18n-dict.js';

/** explain(err, format) for lang: format is errors.js's ctx ({ format, count }). */
export async function load(lang) {
  const [core, errors] = await Promise.all(lang === 'en' ? [import('../i18n-core-en.js'), import('../i18n-err-en.js')]
    : [import('../i18n-core-fr.js'), import('../i18n-err-fr.js')]);
  dict[lang] = { ...core.default, ...errors.default };
  return (err, format) => (err.code === undefined ? dict[lang][err.key] ?? err.key : message(err, lang, format));
}
