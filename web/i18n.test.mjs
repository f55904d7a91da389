// tr(): parameters are substituted literally, once, whatever they contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dict, tr } from './i18n.js';

dict.xx = { saved: '« {n} » enregistré.', renamed: '« {a} » renommé en « {b} ».', same: '{n} et {n}' };

test('a value holding $&, $1, $$ or $` is shown as typed', () => {
  for (const n of ['$&', 'a$1b', 'x$$y', '$`', "$'", '$<n>']) {
    assert.equal(tr('xx', 'saved', { n }), `« ${n} » enregistré.`);
  }
});

test('a value holding {x} placeholders is not substituted again', () => {
  assert.equal(tr('xx', 'renamed', { a: '{b}', b: 'B' }), '« {b} » renommé en « B ».');
  assert.equal(tr('xx', 'renamed', { a: 'A', b: '{a}' }), '« A » renommé en « {a} ».');
});

test('every occurrence is replaced; unknown keys and missing params stay', () => {
  assert.equal(tr('xx', 'same', { n: 3 }), '3 et 3');
  assert.equal(tr('xx', 'renamed', { a: 'A' }), '« A » renommé en « {b} ».');
  assert.equal(tr('xx', 'nope'), 'nope');
  assert.equal(tr('zz', 'saved', { n: 'x' }), 'saved');
});
