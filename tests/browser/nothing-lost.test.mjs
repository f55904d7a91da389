// Issue 10, "Nothing lost, whatever is typed or stored": a scenario too big
// for a link is saved, exported, imported and handed to the host whole; a
// number the page cannot hold is refused; storage failures say what really
// happened; user text in messages is shown as typed; notices tell the truth.
// Same harness as page.test.mjs: build/site served on 127.0.0.1, Debian's
// Chromium through playwright-core, expected numbers from the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, noProblemsTest, base, browser, root, cliEval, value, addressOf } from './harness.mjs';

const roi = await import(path.join(root, 'build/site/engine/roi.js'));

// The demo's sandboxed iframes make Chromium warn that they can escape their sandboxing: not a problem.
const { open, watch } = useBrowser({ ignore: /can escape its sandboxing/ });
const flat = (s) => s.replace(/\s/g, '');

// 20 channels with long labels: valid, and its link passes 8 KiB.
const nm = (i) => ('Équipe télévente « élargie » — zone Île-de-France, été, spécialisée n°' + i).slice(0, 80);
const BIG = {
  version: 1, name: 'Vingt canaux, libellés longs', funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 },
  value: { deal_value: 6000, margin_rate: 0.4 }, costs: { model: 'per_meeting', per_meeting: 120 },
  channels: Array.from({ length: 20 }, (_, i) => ({
    name: nm(i), currency: 'EUR',
    funnel: { entry: 'contacts', volume: 5000 + i, lead_rate: 0.02, meeting_rate: 0.4, show_rate: 0.8, opportunity_rate: 0.5, close_rate: 0.2 },
    costs: { model: 'flat', flat_fee: 1500, fixed: [{ label: 'Coûts annexes ' + 'è'.repeat(40), amount: 200 }] }, value: { deal_value: 6000 },
  })),
};
const BIG_BYTES = (() => { try { roi.encodeLink(BIG); } catch (e) { return e.errors[0].params.bytes; } return 0; })();

const importBig = (target) => target.locator('#import').setInputFiles({ name: 'vingt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BIG)) });
const shows = (page, name) => page.waitForFunction((n) => document.querySelector('[data-out="name"]').dataset.value === n, name);

test('the big scenario is valid and its link passes 8 KiB (the premise of the tests below)', () => {
  assert.equal(cliEval(BIG).ok, true);
  assert.ok(BIG_BYTES > 8192, String(BIG_BYTES));
});

test('a 20-channel scenario imports, says its link is too long, exports whole, saves and reopens from the library', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await open('?lang=fr', { context });
  await page.click('#io summary');
  await importBig(page);
  await shows(page, BIG.name);
  assert.equal(Number(await value(page, 'roi')), cliEval(BIG).roi);
  assert.match(await page.textContent('#notices'), /«\s?vingt\.json\s?» importé/); // said, over the untouched example: no way back needed
  // The page says the link cannot hold it, with the size and the limit, and offers the file.
  await page.waitForFunction(() => /8\s?192/.test(document.getElementById('notices').textContent));
  const said = flat(await page.textContent('#notices'));
  assert.ok(said.includes(String(BIG_BYTES)), said);
  assert.match(said, /JSON/);
  // The address no longer claims to hold another scenario.
  assert.equal(new URL((await addressOf(page))).hash, '');
  // Copy link: says why there is no link to copy.
  await page.click('#copy');
  await page.waitForFunction(() => /8\s?192/.test(document.getElementById('copied').textContent));
  // Export: the whole scenario, which the CLI evaluates to the same numbers.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const exported = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.channels.length, 20);
  assert.deepEqual(exported.channels.map((c) => c.name), BIG.channels.map((c) => c.name));
  assert.deepEqual(cliEval(exported), cliEval(BIG));
  // The offer in the notice downloads the same file.
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#notices [data-action="export-json"]')]);
  assert.deepEqual(JSON.parse(readFileSync(await dl2.path(), 'utf8')), exported);
  // Library: saved, and after a reset and a reload it opens the big one, not the example.
  await page.click('#lib summary');
  await page.fill('#lib-name', 'Vingt');
  await page.click('#lib-save');
  assert.equal(await page.textContent('#lib-msg'), '«\u00a0Vingt\u00a0» enregistré.');
  await page.click('#reset');
  await shows(page, 'Campagne facturée au rendez-vous');
  // « Réinitialiser » says what it replaced and gives it back, whole (this
  // one is too big for a link: the address could not).
  assert.match(await page.textContent('#notices .notice.info:has([data-action="undo-reset"])'), /L’exemple a remplacé votre scénario/);
  await page.click('#notices [data-action="undo-reset"]');
  await shows(page, BIG.name);
  assert.equal(Number(await value(page, 'roi')), cliEval(BIG).roi);
  assert.equal(await page.locator('#notices .notice.info:has([data-action="undo-reset"])').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset');
  await page.click('#reset');
  await page.click('#reset'); // the example again: nothing to give back, no second notice
  assert.equal(await page.locator('#notices .notice.info:has([data-action="undo-reset"])').count(), 1);
  // The one left still holds the big one.
  await page.click('#notices [data-action="undo-reset"]');
  await shows(page, BIG.name);
  await page.click('#reset');
  await shows(page, 'Campagne facturée au rendez-vous');
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  await page.click('#lib summary');
  await page.click('[data-libopen="Vingt"]');
  await shows(page, BIG.name);
  assert.equal(Number(await value(page, 'roi')), cliEval(BIG).roi);
  assert.equal(await page.$$eval('#channel-list [data-channel]', (l) => l.length), 20);
  // Re-importing the exported file works too.
  await page.click('#reset');
  await shows(page, 'Campagne facturée au rendez-vous');
  await page.locator('#import').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await shows(page, BIG.name);
  await context.close();
});

test('embed: the host gets the big scenario whole, with no link, and nothing throws', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  await context.route('https://example.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: 'demo' }));
  const page = await context.newPage();
  watch(page);
  await page.goto(base + 'demo/');
  await page.waitForFunction(() => (window.roiEvents || []).some((e) => e.widget === 'full' && e.type === 'roi:ready'));
  const full = page.frameLocator('#full iframe');
  await full.locator('#io summary').click();
  await importBig(full);
  await page.waitForFunction((n) => window.roiEvents.some((e) => e.widget === 'full' && e.type === 'roi:change' && e.detail.scenario && e.detail.scenario.name === n), BIG.name);
  const change = await page.evaluate(() => window.roiEvents.findLast((e) => e.widget === 'full' && e.type === 'roi:change').detail);
  assert.equal(change.scenario.channels.length, 20);
  assert.equal(change.link, null);
  assert.equal(change.results.roi, cliEval(BIG).roi);
  // Back to a small scenario: a link again.
  await full.locator('#reset').click();
  await page.waitForFunction(() => { const c = window.roiEvents.findLast((e) => e.widget === 'full' && e.type === 'roi:change'); return c.detail.link !== null; });
  await context.close();
});

test('a number past what a double holds is refused with a message, never turned into the default', async () => {
  const page = await open('?lang=fr');
  const huge = '1' + '0'.repeat(400);
  await page.fill('[name="funnel.close_rate"]', huge);
  await page.waitForSelector('#f-funnel-close_rate[aria-invalid="true"]');
  assert.match(await page.textContent('.field.invalid .err'), /trop grand/);
  assert.equal(await value(page, 'roi'), '3.8'); // the last valid results, dimmed
  assert.match(new URL((await addressOf(page))).hash, /&w=0\.25(&|$)/);
  await page.fill('[name="value.deal_value"]', '-' + huge);
  await page.waitForSelector('#f-value-deal_value[aria-invalid="true"]');
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.fill('[name="value.deal_value"]', '6000');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value === '5');
  // English too.
  await page.click('[data-lang="en"]');
  await page.waitForSelector('html[lang="en"]');
  await page.fill('[name="funnel.close_rate"]', huge);
  await page.waitForSelector('#f-funnel-close_rate[aria-invalid="true"]');
  assert.match(await page.textContent('.field.invalid .err'), /too large/);
  await page.context().close();
});

test('a rate emptied and left is refused, never turned into its 100 % default; an amount emptied is none', async () => {
  const page = await open('?lang=fr');
  await page.fill('[name="funnel.close_rate"]', '');
  await page.press('[name="funnel.close_rate"]', 'Tab');
  await page.waitForSelector('#f-funnel-close_rate[aria-invalid="true"]');
  assert.match(await page.textContent('.field.invalid .err'), /valeur attendue/);
  assert.equal(await page.inputValue('[name="funnel.close_rate"]'), '', 'the field stays as the user left it');
  assert.equal(await value(page, 'roi'), '3.8'); // 25 %, the last valid figures, not 100 %'s
  assert.match(new URL((await addressOf(page))).hash, /&w=0\.25(&|$)/);
  await page.fill('[name="funnel.close_rate"]', '20');
  await page.waitForFunction(() => !document.querySelector('#f-funnel-close_rate[aria-invalid="true"]'));
  assert.equal(Number(await value(page, 'roi')), cliEval({ version: 1, name: 'Campagne facturée au rendez-vous',
    funnel: { entry: 'meetings', volume: 50, close_rate: 0.2 }, value: { deal_value: 6000, margin_rate: 0.4 },
    costs: { model: 'per_meeting', per_meeting: 120 } }).roi);
  // An amount emptied and left: none (its placeholder, 0), at once.
  await page.fill('[name="value.deal_value"]', '');
  await page.press('[name="value.deal_value"]', 'Tab');
  const none = cliEval({ version: 1, name: 'Campagne facturée au rendez-vous', funnel: { entry: 'meetings', volume: 50, close_rate: 0.2 },
    value: { margin_rate: 0.4 }, costs: { model: 'per_meeting', per_meeting: 120 } }).roi;
  await page.waitForFunction((v) => document.querySelector('[data-out="roi"]').dataset.value === v, none === null ? '' : String(none));
  assert.equal(await page.$('#f-value-deal_value[aria-invalid="true"]'), null);
  // English.
  await page.click('[data-lang="en"]');
  await page.waitForSelector('html[lang="en"]');
  await page.fill('[name="value.margin_rate"]', '');
  await page.press('[name="value.margin_rate"]', 'Tab');
  await page.waitForSelector('#f-value-margin_rate[aria-invalid="true"]');
  assert.match(await page.textContent('.field.invalid .err'), /a value is needed/);
  await page.context().close();
});

test('« Mes scénarios »: opening puts its name in the box, saving over another asks first; open, import and a channel removed each offer the way back', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await open('?lang=fr', { context });
  const roiIs = (v) => page.waitForFunction((x) => document.querySelector('[data-out="roi"]').dataset.value === x, v);
  await page.click('#lib summary');
  await page.fill('#lib-name', 'Offre A');
  await page.click('#lib-save');
  await page.fill('[name="funnel.close_rate"]', '30');
  await roiIs('5');
  await page.fill('#lib-name', 'Offre B');
  await page.click('#lib-save');
  // Open A: its name in the box, so « Enregistrer » does not write A's
  // figures over B (the reviewer lost B this way).
  await page.fill('[name="value.deal_value"]', '9000'); // unsaved work
  await page.click('[data-libopen="Offre A"]');
  await roiIs('3.8');
  assert.equal(await page.inputValue('#lib-name'), 'Offre A');
  // The way back to the unsaved work.
  assert.match(await page.textContent('#notices'), /«\s?Offre A\s?» a remplacé votre scénario/);
  await page.click('#notices [data-action="undo-reset"]');
  await page.waitForFunction(() => document.querySelector('[name="value.deal_value"]').value.replace(/\s/g, '') === '9000');
  // Back on the unsaved work, the box says « Offre B » again, the focus on
  // it: « Enregistrer » saves that work under B, as before « Ouvrir », not
  // over A.
  assert.equal(await page.inputValue('#lib-name'), 'Offre B');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lib-name');
  const stored = () => page.evaluate(() => localStorage.getItem('roi-calculator.library.v2'));
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» enregistré/);
  const saved = JSON.parse(await stored()).items;
  assert.deepEqual(saved.map((x) => [x.name, x.scenario.value.deal_value]), [['Offre B', 9000], ['Offre A', 6000]]);
  // After a reset, the box still says « Offre B » but the example is no
  // saved scenario: saving asks first.
  await page.click('#reset');
  await page.waitForFunction(() => document.querySelector('[name="value.deal_value"]').value.replace(/\s/g, '') === '6000');
  const kept = await stored();
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» existe déjà/);
  assert.equal(await stored(), kept);
  // Saving over another saved scenario: the first click asks, nothing written.
  await page.click('[data-libopen="Offre A"]');
  await roiIs('3.8');
  await page.fill('#lib-name', 'Offre B');
  const before = await stored();
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» existe déjà/);
  assert.equal(await stored(), before, 'B untouched');
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» remplacé/);
  assert.notEqual(await stored(), before);
  // Saving the one opened (B now) again asks nothing, renamed too.
  await page.fill('[name="funnel.close_rate"]', '20');
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» enregistré/);
  await page.fill('#lib-name', 'Offre B2');
  await page.click('[data-librename="Offre B"]');
  await page.fill('[name="funnel.close_rate"]', '21');
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B2\s?» enregistré/);
  await page.fill('#lib-name', 'Offre B');
  await page.click('[data-librename="Offre B2"]');
  await page.fill('[name="funnel.close_rate"]', '20');
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre B\s?» enregistré/);
  // An import says it was done, with the way back.
  await page.click('#io summary');
  const file = JSON.stringify({ version: 1, name: 'Importé', funnel: { entry: 'meetings', volume: 10, close_rate: 0.5 }, value: { deal_value: 1000 }, costs: { model: 'flat', flat_fee: 500 } });
  await page.locator('#import').setInputFiles({ name: 'offre.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForFunction(() => document.querySelector('[data-out="name"]').dataset.value === 'Importé');
  assert.match(await page.textContent('#notices'), /«\s?offre\.json\s?» importé/);
  await page.click('#notices [data-action="undo-reset"]');
  await page.waitForFunction(() => document.querySelector('[name="funnel.close_rate"]').value === '20');
  // A channel removed: its fields come back.
  await page.selectOption('#preset', 'emailing');
  await page.click('#channel-add');
  await page.fill('[name="channels[0].name"]', 'Mon emailing');
  await page.waitForFunction(() => /&c=Mon\+emailing/.test(location.hash));
  await page.click('[data-chdel="0"]');
  // Said where the channel was, in view, not at the page's top.
  assert.match(await page.textContent('#channel-undo'), /Canal «\s?Mon emailing\s?» supprimé/);
  assert.ok(await page.evaluate(() => { const r = document.querySelector('#channel-undo .notice').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
  await page.click('#channel-undo [data-action="undo-reset"]');
  await page.waitForFunction(() => document.querySelector('[name="channels[0].name"]')?.value === 'Mon emailing');
  // A saved scenario deleted: « Annuler la suppression » puts it back.
  await page.click('[data-libdel="Offre A"]');
  assert.deepEqual(await page.$$eval('.lib-label', (l) => l.map((x) => x.textContent)), ['Offre B']);
  assert.match(await page.textContent('#notices'), /«\s?Offre A\s?» supprimé de vos scénarios/);
  await page.click('#notices [data-action="undo-libdel"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.lib-label')].map((x) => x.textContent).join() === 'Offre A,Offre B');
  assert.match(await page.textContent('#lib-msg'), /«\s?Offre A\s?» rétabli/);
  await context.close();
});

test('a scenario saved in retrospective mode reopens from « Mes scénarios » in that mode, with its counts', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await open('?lang=fr', { context });
  await page.check('#f-retro');
  await page.fill('[name="observed.meetings"]', '48');
  await page.fill('[name="observed.deals"]', '9');
  await page.waitForFunction(() => document.querySelector('[data-out="funnel.deals"]').dataset.value === '9');
  await page.click('#lib summary');
  await page.fill('#lib-name', 'Bilan T1');
  await page.click('#lib-save');
  await page.click('#reset');
  await page.waitForFunction(() => !document.querySelector('#f-retro').checked);
  await page.click('[data-libopen="Bilan T1"]');
  await page.waitForFunction(() => document.querySelector('#f-retro').checked);
  assert.equal(await page.inputValue('[name="observed.meetings"]'), '48');
  assert.equal(await page.inputValue('[name="observed.deals"]'), '9');
  assert.equal(await page.getAttribute('[data-out="funnel.deals"]', 'data-value'), '9');
  await context.close();
});

test('a way back taken after a language switch gives the scenario back in the page\'s language', async () => {
  const page = await open('?lang=fr');
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value === '5');
  await page.click('#reset');
  await page.click('[data-lang="en"]');
  await page.waitForSelector('html[lang="en"]');
  await page.click('#notices [data-action="undo-reset"]');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value === '5');
  await page.waitForFunction(() => document.querySelector('[name="name"]').value === 'Campaign billed per meeting');
  await page.context().close();
});

test('storage that throws: save, rename and delete say what happened and the entry stays', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await open('?lang=fr', { context });
  await page.click('#lib summary');
  await page.fill('#lib-name', 'Gardé');
  await page.click('#lib-save');
  assert.equal(await page.textContent('#lib-msg'), '«\u00a0Gardé\u00a0» enregistré.');
  // Writes refused from now on (private browsing, blocked site data).
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    Storage.prototype.removeItem = Storage.prototype.setItem;
  });
  await page.fill('#lib-name', 'Autre nom');
  await page.click('[data-librename="Gardé"]');
  const renamed = await page.textContent('#lib-msg');
  assert.doesNotMatch(renamed, /déjà pris/);
  assert.match(renamed, /refuse/);
  assert.deepEqual(await page.$$eval('.lib-label', (l) => l.map((x) => x.textContent)), ['Gardé']);
  await page.click('[data-libdel="Gardé"]');
  const deleted = await page.textContent('#lib-msg');
  assert.doesNotMatch(deleted, /supprimé\./);
  assert.match(deleted, /refuse/);
  assert.deepEqual(await page.$$eval('.lib-label', (l) => l.map((x) => x.textContent)), ['Gardé']);
  // Storage full: said as such.
  await page.evaluate(() => { Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); }; });
  await page.fill('#lib-name', 'Encore');
  await page.click('#lib-save');
  assert.match(await page.textContent('#lib-msg'), /plein/);
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  await page.click('#lib summary');
  assert.deepEqual(await page.$$eval('.lib-label', (l) => l.map((x) => x.textContent)), ['Gardé']);
  await context.close();
  // Reading refused too: the library says storage is refused, not "no scenario".
  const ctx2 = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  await ctx2.addInitScript(() => {
    Storage.prototype.getItem = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  const p2 = await open('?lang=fr', { context: ctx2 });
  await p2.click('#lib summary');
  assert.match(await p2.textContent('#lib-msg'), /refuse/);
  await ctx2.close();
});

test('a name holding $& or {n} is shown as typed in every message', async () => {
  const page = await open('?lang=fr');
  await page.click('#lib summary');
  await page.fill('#lib-name', 'A $& B {n} $1');
  await page.click('#lib-save');
  assert.equal(await page.textContent('#lib-msg'), '«\u00a0A $& B {n} $1\u00a0» enregistré.');
  await page.fill('#lib-name', "C $' D");
  await page.click('[data-librename="A $& B {n} $1"]');
  assert.equal(await page.textContent('#lib-msg'), "«\u00a0A $& B {n} $1\u00a0» renommé en «\u00a0C $' D\u00a0».");
  assert.equal(await page.getAttribute("[data-libopen=\"C $' D\"]", 'aria-label'), "Ouvrir «\u00a0C $' D\u00a0»");
  await page.context().close();
});

test('a saved link over the limit: the notice says nothing was opened, and nothing changes', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await open('?lang=fr', { context });
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value === '5');
  const hash = new URL((await addressOf(page))).hash;
  // An entry of the first library format, its link past 8 KiB.
  await page.evaluate(() => localStorage.setItem('roi-calculator.library.v1', JSON.stringify([
    { name: 'Trop long', link: 'v=1&n=' + 'a'.repeat(9000), saved: '2024-01-01T00:00:00.000Z' }])));
  await page.evaluate(() => localStorage.removeItem('roi-calculator.library.v2'));
  await page.click('#lib summary');
  await page.fill('#lib-name', 'x');
  await page.click('#lib-save'); // re-lists: the v1 entry is read (migrated) beside the new one
  await page.click('[data-libopen="Trop long"]');
  await page.waitForSelector('#notices .notice.bad');
  const text = await page.textContent('#notices .notice.bad');
  assert.doesNotMatch(text, /exemple/);
  assert.match(text, /Trop long/);
  assert.match(flat(text), /8192/);
  assert.equal(await value(page, 'roi'), '5');
  assert.equal(new URL((await addressOf(page))).hash, hash);
  await context.close();
});

noProblemsTest('no console error, no script error, no request to another host, in any test above');
