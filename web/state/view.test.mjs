// The view settings read from (and written to) the query string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewFromQuery, writeSimParams } from './view.js';

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
