// View settings of the query string: the retrospective mode and its counts,
// « préparé pour / par » of the printed report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewFromQuery, readCounts, writeRetroParams, writeSimParams } from './view.js';

test('préparé pour / par: read from the query, cleaned; written back only when filled', () => {
  const v = viewFromQuery('?pfor=ACME%0ASAS&pby=' + 'y'.repeat(120), ['fr-FR']);
  assert.equal(v.preparedFor, 'ACME SAS');
  assert.equal(v.preparedBy.length, 80);
  assert.equal(viewFromQuery('', []).preparedFor, '');
  const q = writeSimParams('?lang=fr&pby=old', { ...v, preparedBy: '  ', preparedFor: 'Société Générale & Cie' });
  assert.equal(q.get('pfor'), 'Société Générale & Cie');
  assert.equal(q.has('pby'), false);
  assert.equal(q.get('lang'), 'fr');
});

test('retro=1 and obs= are read; anything else in obs is refused', () => {
  const v = viewFromQuery('?retro=1&obs=1800,180,,54', []);
  assert.equal(v.retroOn, true);
  assert.deepEqual(v.retroCounts, { calls: 1800, contacts: 180, meetings: 54 });
  assert.equal(viewFromQuery('?retro=yes', []).retroOn, false);
  for (const bad of ['1,2,3,4,5,6,7,8', '1e3', '-4', '<b>', 'x'.repeat(200)]) assert.equal(readCounts(bad), null, bad);
  assert.equal(readCounts(',,,'), null);
  assert.deepEqual(readCounts('12.5'), { calls: 12.5 });
});

test('the retro params written back: counts in funnel order, trailing blanks cut, both gone when off', () => {
  const q = writeRetroParams('?lang=fr', true, { calls: 1800, meetings: 54 });
  assert.equal(q.toString(), 'lang=fr&retro=1&obs=1800%2C%2C%2C54');
  assert.deepEqual(readCounts(q.get('obs')), { calls: 1800, meetings: 54 });
  assert.equal(writeRetroParams(q.toString(), false, {}).toString(), 'lang=fr');
  assert.equal(writeRetroParams('', true, {}).toString(), 'retro=1');
});
