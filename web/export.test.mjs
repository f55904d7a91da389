// CSV for spreadsheets, and the scenario document that export, import, the
// library and the host payload share (any size, never a throw).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvNumber, toCsv, fileName } from './export.js';

test('CSV fields are quoted when they hold the separator, a quote or a line break', () => {
  assert.equal(csvField('plain', ';'), 'plain');
  assert.equal(csvField('a;b', ';'), '"a;b"');
  assert.equal(csvField('a,b', ';'), 'a,b');
  assert.equal(csvField('a,b', ','), '"a,b"');
  assert.equal(csvField('say "hi"', ','), '"say ""hi"""');
  assert.equal(csvField('two\nlines', ','), '"two\nlines"');
  assert.equal(csvField('cr\r', ','), '"cr\r"');
  assert.equal(csvField(null, ','), '');
  assert.equal(csvField(undefined, ','), '');
});

test('numbers: decimal comma in French, point in English, no grouping, empty for null', () => {
  assert.equal(csvNumber(1234.5, 'fr'), '1234,5');
  assert.equal(csvNumber(1234.5, 'en'), '1234.5');
  assert.equal(csvNumber(3, 'fr'), '3');
  assert.equal(csvNumber(null, 'fr'), '');
  assert.equal(csvNumber(1e-7, 'en'), '0.0000001');
  assert.equal(csvNumber(-0.5, 'fr'), '-0,5');
});

test('toCsv: BOM, the language\'s separator, CRLF lines', () => {
  const fr = toCsv([['Canal', 'ROI'], ['Emailing; "printemps"', 0.25], ['Vide', null]], 'fr');
  assert.equal(fr, '\ufeffCanal;ROI\r\n"Emailing; ""printemps""";0,25\r\nVide;\r\n');
  const en = toCsv([['Channel', 'ROI'], ['a,b', 1.5]], 'en');
  assert.equal(en, '\ufeffChannel,ROI\r\n"a,b",1.5\r\n');
});

test('file names: letters, digits and dashes', () => {
  assert.equal(fileName('Campagne facturée au rendez-vous', '.json'), 'Campagne-facturee-au-rendez-vous.json');
  assert.equal(fileName('', '.csv'), 'scenario.csv');
  assert.equal(fileName('$&/..', '.json'), 'scenario.json');
});
