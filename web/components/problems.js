// The core's errors and warnings as the components show them: the texts of
// errors.js (from code and params, never the core's English message) with
// numbers formatted for their field: a rate as a percentage, an amount in
// the currency; a count as a plain number.
import { message, describe, labelled } from '../errors.js';
import { fieldOf } from '../fields.js';
import { say } from './dom.js';

const MONEY_RE = /(?:^|\.)costs\.fixed\[\d+\]\.amount$/;

/** The texts of problems in lang, numbers by fmt (format.js), the page's
 *  own messages by t:
 *    explain(err): the message alone (shown beside its field);
 *    problem(err): "<field label> : <message>" (a line of a list);
 *    labelled(field, text): text after the field's label;
 *    item(x): a line of a notice, a core entry ({ field, code, params })
 *      or a message of the state ({ key, params, num } or { text }). */
export function problemTexts(lang, fmt, t) {
  const format = {
    format(field, v) {
      const f = String(field || '');
      const fd = MONEY_RE.test(f) ? { kind: 'money' } : fieldOf(f) || { kind: 'num' };
      return fd.kind === 'pct' ? fmt.pct(v) : fd.kind === 'money' ? fmt.money(v) : fmt.num(v);
    },
    count: (v) => fmt.num(v),
  };
  const problem = (err) => describe(err, lang, format);
  return {
    explain: (err) => message(err, lang, format),
    problem,
    labelled: (field, text) => labelled(field, text, lang),
    item: (x) => (typeof x === 'string' ? x : x.code !== undefined ? problem(x) : say(x, t, fmt)),
  };
}

/** Core entries as data for the state: what problemTexts needs to show them
 *  again in another language. */
export const problemData = (list) => (list || []).map(({ field = '', code, params = {}, message: text }) => ({ field, code, params, message: text }));
