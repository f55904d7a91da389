// View settings of the query string: the retrospective mode and its counts,
// « préparé pour / par » of the printed report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewFromQuery, readCounts, writeRetroParams, writeSimParams, writeFragment, splitFragment } from './view.js';

test('préparé pour / par: read from the fragment (from the query of older links), cleaned; written into the fragment only when filled, never the query', () => {
  const v = viewFromQuery('?pfor=ACME%0ASAS&pby=' + 'y'.repeat(120), ['fr-FR']);
  assert.equal(v.preparedFor, 'ACME SAS');
  assert.equal(v.preparedBy.length, 80);
  assert.equal(viewFromQuery('', []).preparedFor, '');
  const q = writeSimParams('?lang=fr&pby=old&pfor=x', { ...v, preparedBy: '  ', preparedFor: 'Société Générale & Cie' });
  assert.equal(q.toString(), 'lang=fr', 'no name in the query, which reaches the server');
  const hash = writeFragment('v=2&q=50', { ...v, preparedBy: '  ', preparedFor: 'Société Générale & Cie = 100 %' });
  assert.match(hash, /^v=2&q=50&_pfor=[^&]+$/);
  assert.deepEqual(splitFragment(hash).link, 'v=2&q=50');
  const back = viewFromQuery('?pfor=old', [], hash);
  assert.equal(back.preparedFor, 'Société Générale & Cie = 100 %', 'the fragment wins over an older query');
  assert.equal(back.preparedBy, '');
  assert.equal(writeFragment('v=2', { preparedFor: '', preparedBy: '' }), 'v=2');
  assert.equal(writeFragment('', { preparedFor: 'A', preparedBy: '' }), '_pfor=A');
  // A key the page does not know, or broken, is dropped; never given to the core.
  const odd = splitFragment('v=2&_zz=1&_pfor=%E0&q=5');
  assert.equal(odd.link, 'v=2&q=5');
  assert.equal(odd.own.toString(), '');
  assert.equal(splitFragment('v=2&_pby=Jo+Li%26Co').own.get('pby'), 'Jo Li&Co');
});

test('retro=1 is read from the query, obs= from the fragment (or an older query); anything else in obs is refused', () => {
  const v = viewFromQuery('?retro=1&obs=1800,180,,54', []);
  assert.equal(v.retroOn, true);
  assert.deepEqual(v.retroCounts, { calls: 1800, contacts: 180, meetings: 54 });
  assert.deepEqual(viewFromQuery('?retro=1', [], 'v=2&_obs=10,,5').retroCounts, { calls: 10, leads: 5 });
  assert.equal(viewFromQuery('?retro=yes', []).retroOn, false);
  for (const bad of ['1,2,3,4,5,6,7,8', '1e3', '-4', '<b>', 'x'.repeat(200)]) assert.equal(readCounts(bad), null, bad);
  assert.equal(readCounts(',,,'), null);
  assert.deepEqual(readCounts('12.5'), { calls: 12.5 });
});

test('the retro mode written back: retro=1 in the query, its counts in the fragment in funnel order, trailing blanks cut, both gone when off', () => {
  const q = writeRetroParams('?lang=fr&obs=1,2', true);
  assert.equal(q.toString(), 'lang=fr&retro=1');
  assert.equal(writeRetroParams(q.toString(), false).toString(), 'lang=fr');
  const view = { retro: true, preparedFor: '', preparedBy: '' };
  const hash = writeFragment('v=2', view, { calls: 1800, meetings: 54 });
  assert.equal(hash, 'v=2&_obs=1800%2C%2C%2C54');
  assert.deepEqual(readCounts(splitFragment(hash).own.get('obs')), { calls: 1800, meetings: 54 });
  assert.equal(writeFragment('v=2', { ...view, retro: false }, { calls: 1800 }), 'v=2');
  assert.equal(writeFragment('v=2', view, {}), 'v=2');
});
