// Browser tests of the page's languages: the core's errors and warnings
// (link, import, form, calculation) shown in French on the French page and in
// English on the English one, translated from their codes (web/errors.js);
// the worked examples named in the page's language.
// Same setup as page.test.mjs: build/site served on 127.0.0.1, Debian's Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, noProblemsTest, addressOf } from './harness.mjs';

// Dialogs not recorded; always 1280 px wide.
const { open } = useBrowser({ dialogs: false });

const BAD_LINK = '#v=1&vol=0x10&close=2&foo=1';
const text = (page, sel) => page.textContent(sel).then((s) => s.replace(/\s+/g, ' '));
// The core's English wording, which must not show on the French page.
const ENGLISH = /ignored|link key|must be|unknown/;

test('French page: link warnings, field errors and import notices in French', async () => {
  const page = await open('?lang=fr' + BAD_LINK);
  const notice = await text(page, '#notices .notice.warn');
  assert.match(notice, /Certains paramètres du lien ont été ignorés/);
  assert.match(notice, /Volume à cette étape : la clé « vol » n’est pas un nombre décimal simple : ignorée/);
  assert.match(notice, /Taux de signature : la clé « close » doit être comprise entre 0 % et 100 % : ignorée/);
  assert.match(notice, /la clé « foo » est inconnue : ignorée/);
  assert.doesNotMatch(notice, ENGLISH);

  // A field out of range: the core's code, in French, with the field's units.
  await page.fill('[name="funnel.close_rate"]', '250');
  await page.waitForSelector('[name="funnel.close_rate"][aria-invalid="true"]');
  assert.match(await text(page, '#f-funnel-close_rate-e'), /^doit être compris entre 0 % et 100 % \(saisi : 250 %\)$/);
  await page.fill('[name="funnel.close_rate"]', '25');
  // A billing model the funnel cannot count: stage and model in the page's words.
  await page.selectOption('[name="funnel.entry"]', 'meetings');
  await page.selectOption('[name="costs.model"]', 'per_call');
  await page.waitForSelector('[name="costs.model"][aria-invalid="true"]');
  const model = await text(page, '#f-costs-model-e');
  assert.match(model, /le modèle « À l’appel » est facturé par appel, mais l’entonnoir commence à « Rendez-vous pris », après l’étape « Appels passés »/);
  assert.doesNotMatch(model, /per_call|meetings|calls/);

  // An imported file the core refuses: French, the field by its label.
  await page.setInputFiles('#import', { name: 'taux.json', mimeType: 'application/json', buffer: Buffer.from('{"funnel": {"close_rate": 2}}') });
  await page.waitForSelector('#notices .notice.bad');
  const bad = await text(page, '#notices .notice.bad');
  assert.match(bad, /Fichier refusé, rien n’a changé : taux\.json/);
  assert.match(bad, /Taux de signature : doit être compris entre 0 % et 100 % \(saisi : 200 %\)/);
  assert.doesNotMatch(bad, ENGLISH);
  // An accepted file with an unknown key: its warning in French.
  await page.setInputFiles('#import', { name: 'cle.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "couleur": "bleu"}') });
  await page.waitForFunction(() => /clé inconnue, ignorée/.test(document.getElementById('notices').textContent));
  await page.context().close();
});

test('English page: the same link and fields in English', async () => {
  const page = await open('?lang=en' + BAD_LINK);
  const notice = await text(page, '#notices .notice.warn');
  assert.match(notice, /Some link parameters were ignored/);
  assert.match(notice, /Count at that stage: link key “vol” is not a plain decimal number: ignored/);
  assert.match(notice, /Close rate: link key “close” must be between 0% and 100%: ignored/);
  assert.match(notice, /link key “foo” is unknown: ignored/);
  await page.fill('[name="funnel.close_rate"]', '250');
  await page.waitForSelector('[name="funnel.close_rate"][aria-invalid="true"]');
  assert.match(await text(page, '#f-funnel-close_rate-e'), /^must be between 0% and 100% \(entered: 250%\)$/);
  await page.fill('[name="funnel.close_rate"]', '25');
  await page.selectOption('[name="funnel.entry"]', 'meetings');
  await page.selectOption('[name="costs.model"]', 'per_call');
  await page.waitForSelector('[name="costs.model"][aria-invalid="true"]');
  assert.match(await text(page, '#f-costs-model-e'), /the “Per call” model is priced per call, but the funnel starts at “Meetings booked”, after the “Calls made” stage/);
  await page.context().close();
});

test('switching the language translates the notices and field errors already shown', async () => {
  const page = await open('?lang=fr' + BAD_LINK);
  await page.setInputFiles('#import', { name: 'taux.json', mimeType: 'application/json', buffer: Buffer.from('{"funnel": {"close_rate": 2}}') });
  await page.waitForSelector('#notices .notice.bad');
  await page.fill('[name="funnel.close_rate"]', '250');
  await page.waitForSelector('[name="funnel.close_rate"][aria-invalid="true"]');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => /Some link parameters were ignored/.test(document.getElementById('notices').textContent));
  const notices = await text(page, '#notices');
  assert.match(notices, /Close rate: link key “close” must be between 0% and 100%: ignored/);
  assert.match(notices, /Close rate: must be between 0% and 100% \(entered: 200%\)/);
  assert.doesNotMatch(notices, /clé|ignorée|Taux de signature/);
  assert.match(await text(page, '#f-funnel-close_rate-e'), /^must be between 0% and 100% \(entered: 250%\)$/);
  await page.click('[data-lang="fr"]');
  await page.waitForFunction(() => /Certains paramètres du lien ont été ignorés/.test(document.getElementById('notices').textContent));
  assert.match(await text(page, '#notices'), /Taux de signature : la clé « close » doit être comprise entre 0 % et 100 % : ignorée/);
  await page.context().close();
});

test('calculation warnings in the page\'s language: a channel in another currency', async () => {
  const link = '#v=1&entry=meetings&vol=50&close=0.25&deal=6000&c0.n=Salon&c0.cur=GBP&c0.entry=meetings&c0.vol=10&c0.deal=100';
  const fr = await open('?lang=fr' + link);
  await fr.waitForSelector('#rwarn:not([hidden])');
  assert.match(await text(fr, '#rwarn'), /Canal 1 · Devise : diffère de la devise du scénario \(EUR\) : les montants sont comparés tels quels/);
  const en = await open('?lang=en' + link);
  await en.waitForSelector('#rwarn:not([hidden])');
  assert.match(await text(en, '#rwarn'), /Channel 1 · Currency: differs from the scenario’s currency \(EUR\)/);
  await Promise.all([fr, en].map((p) => p.context().close()));
});

test('the worked examples are named in the page\'s language', async () => {
  const fr = await open('?lang=fr');
  assert.equal(await fr.inputValue('[name="name"]'), 'Campagne facturée au rendez-vous');
  const en = await open('?lang=en');
  assert.equal(await en.inputValue('[name="name"]'), 'Campaign billed per meeting');
  assert.match(decodeURIComponent(new URL(await addressOf(en)).hash), /n=Campaign\+billed\+per\+meeting|n=Campaign billed per meeting/);
  const lead = await open('?lang=en&example=lead-generation');
  assert.equal(await lead.inputValue('[name="name"]'), 'Lead generation - quarter');
  assert.equal(await lead.inputValue('[name="costs.fixed[0].label"]'), 'Marketing (content, emailing, tools)');
  assert.equal(await lead.getAttribute('[data-out="roi"]', 'data-value'), '1.4');
  // A shared link keeps the name it carries, whatever the language.
  const shared = await open('?lang=en#v=1&n=Ma+campagne&vol=10');
  assert.equal(await shared.inputValue('[name="name"]'), 'Ma campagne');
  await Promise.all([fr, en, lead, shared].map((p) => p.context().close()));
});

test('switching the language renames the example, changed or not, but never words the user typed', async () => {
  const page = await open('?lang=fr&example=lead-generation');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Lead generation - quarter');
  assert.equal(await page.inputValue('[name="costs.fixed[0].label"]'), 'Marketing (content, emailing, tools)');
  assert.equal(await page.getAttribute('[data-out="roi"]', 'data-value'), '1.4', 'the same numbers');
  await page.click('[data-lang="fr"]');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Génération de leads - trimestre');
  // Changed (a third more contacts): its name and cost labels are still the
  // example's words, not the user's, and follow the language (a French
  // report used to keep « Campaign billed per meeting »); the figures stay.
  await page.fill('[name="funnel.volume"]', '400');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value !== '1.4');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Lead generation - quarter');
  assert.equal(await page.inputValue('[name="costs.fixed[0].label"]'), 'Marketing (content, emailing, tools)');
  assert.equal(await page.inputValue('[name="funnel.volume"]'), '400');
  // A label the user typed stays as typed.
  await page.fill('[name="costs.fixed[0].label"]', 'Mon marketing');
  await page.click('[data-lang="fr"]');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Génération de leads - trimestre');
  assert.equal(await page.inputValue('[name="costs.fixed[0].label"]'), 'Mon marketing');
  // A channel still named as its preset named it follows too; one renamed stays.
  await page.click('#io summary');
  await page.selectOption('#preset', 'content');
  await page.click('#channel-add');
  await page.selectOption('#preset', 'events');
  await page.click('#channel-add');
  await page.fill('[name="channels[1].name"]', 'Salon de Lyon');
  // « Comparer cette campagne comme un canal » names its copy « … (copie) »:
  // the page's words, which follow; the campaign's name inside follows when
  // the page wrote it (the example's), and stays when the user typed it.
  await page.click('#cmp [data-clone]');
  await page.fill('[name="name"]', 'Ma campagne');
  await page.click('#cmp [data-clone]');
  assert.deepEqual(await page.$$eval('[name^="channels["][name$="].name"]', (xs) => xs.map((x) => x.value).slice(2)),
    ['Génération de leads - trimestre (copie)', 'Ma campagne (copie)']);
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('[name="channels[0].name"]').value === 'Content / SEO');
  assert.equal(await page.inputValue('[name="channels[1].name"]'), 'Salon de Lyon');
  assert.equal(await page.inputValue('[name="channels[2].name"]'), 'Lead generation - quarter (copy)');
  assert.equal(await page.inputValue('[name="channels[3].name"]'), 'Ma campagne (copy)');
  await page.context().close();
});

test('a language switch while a field is refused: one name, the new one, above the last valid figures', async () => {
  const page = await open('?lang=fr&example=lead-generation');
  await page.fill('[name="funnel.close_rate"]', '250');
  await page.waitForSelector('[name="funnel.close_rate"][aria-invalid="true"]');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Lead generation - quarter');
  assert.equal(await text(page, '#res-h .scname'), 'Lead generation - quarter');
  assert.equal(await page.getAttribute('[data-out="roi"]', 'data-value'), '1.4', 'the last valid figures');
  await page.context().close();
});

noProblemsTest('no console error, no script error, no request to another host');
