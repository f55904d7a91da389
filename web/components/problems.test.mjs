// The texts of problems as the components show them: a notice keeps core
// entries and the page's messages as data, shown in whichever language the
// page is in.  Run: node --test web/components/problems.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLang, tr } from '../i18n.js';
import { makeFormat } from '../format.js';
import { problemTexts, problemData } from './problems.js';

const texts = (lang) => problemTexts(lang, makeFormat(lang, 'EUR'), (k, p) => tr(lang, k, p));

before(async () => { await loadLang('fr', true); await loadLang('en', true); });

test('a core entry kept as data reads in either language, its number as its field shows it', () => {
  const [item] = problemData([{ field: 'funnel.close_rate', code: 'range', params: { min: 0, max: 1, got: 2 }, message: 'must be between 0 and 1 (got 2)', extra: 1 }]);
  assert.deepEqual(Object.keys(item).sort(), ['code', 'field', 'message', 'params']);
  const fr = texts('fr').item(item), en = texts('en').item(item);
  assert.match(fr.replace(/\s/g, ' '), /^Taux de signature : doit être compris entre 0 % et 100 % \(saisi : 200 %\)$/);
  assert.match(en, /^Close rate: must be between 0% and 100% \(entered: 200%\)$/);
  assert.equal(texts('en').explain(item), 'must be between 0% and 100% (entered: 200%)');
});

test('an amount of a fixed cost, in a channel too, is shown in the currency', () => {
  const err = { field: 'channels[0].costs.fixed[1].amount', code: 'range', params: { min: 0, max: 1e9, got: -5 } };
  assert.match(texts('en').explain(err), /€/);
});

test('the page\'s own messages and plain text', () => {
  assert.equal(texts('en').item({ key: 'importBig' }), tr('en', 'importBig'));
  assert.notEqual(texts('fr').item({ key: 'importBig' }), texts('en').item({ key: 'importBig' }));
  assert.equal(texts('fr').item('zz'), 'zz');
  assert.deepEqual(problemData(undefined), []);
});
