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

test('French typography: a no-break space before « : », a narrow one before « ; ! ? », no-break spaces inside « »', async () => {
  const tables = {
    'i18n-fr.js': (await import('./i18n-fr.js')).default,
    'i18n-core-fr.js': (await import('./i18n-core-fr.js')).default,
    'i18n-core-fr.js models': (await import('./i18n-core-fr.js')).models,
    'i18n-core-fr.js stages': (await import('./i18n-core-fr.js')).stages,
    'i18n-err-fr.js': (await import('./i18n-err-fr.js')).default,
    'widget/texts-fr.js': (await import('./widget/texts-fr.js')).default,
  };
  const bad = [];
  for (const [file, table] of Object.entries(tables)) {
    for (const [key, text] of Object.entries(table)) {
      if (typeof text !== 'string') continue;
      // A line may break at a plain space: never before the sign, nor inside the quotes.
      if (/ [:;!?](\s|$|\))| »|« /.test(text)) bad.push(`${file} ${key}: ${JSON.stringify(text)}`);
    }
  }
  assert.deepEqual(bad, []);
});
