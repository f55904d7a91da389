// The widget's options from its address: every host option checked against
// its narrow pattern (anything else ignored), the host's scenario or
// starting values kept in the fragment, and the starting link built from
// them without losing or inventing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig, readBounds, startLink, opensAsBuilt } from './config.js';
import { PRESETS, DEFAULT_PRESET } from './presets.js';
import { EXAMPLES } from '../examples.js';

test('defaults: French, pay-per-meeting starting values, no events without a host', () => {
  const c = readConfig('', '', []);
  assert.equal(c.lang, 'fr');
  assert.equal(c.preset, null);
  assert.equal(c.host, null);
  assert.equal(c.embedded, false);
  assert.equal(c.cta, null);
  assert.equal(startLink(c), PRESETS['pay-per-meeting'].start);
  assert.equal(readConfig('', '', ['en-US']).lang, 'en');
  assert.equal(readConfig('?lang=fr', '', ['en-US']).lang, 'fr');
});

test('the host\'s options, each checked; a bad value is ignored', () => {
  const c = readConfig('?embed=1&host=https%3A%2F%2Fwww.client.example%2Fpath&preset=in-house&lang=en&currency=gbp'
    + '&cta=Get+my+study+(%7Broi%7D)&ctaurl=https%3A%2F%2Fclient.example%2Fdemo&accent=c2410c&font=Georgia&theme=dark&questions=ops,%20ihc', '');
  assert.equal(c.host, 'https://www.client.example');
  assert.equal(c.preset, 'in-house');
  assert.equal(c.lang, 'en');
  assert.equal(c.currency, 'GBP');
  assert.deepEqual(c.cta, { label: 'Get my study ({roi})', url: 'https://client.example/demo' });
  assert.equal(c.accent, '#c2410c');
  assert.equal(c.font, 'Georgia');
  assert.equal(c.theme, 'dark');
  assert.deepEqual(c.questions, ['ops', 'ihc']);
  const bad = readConfig('?embed=1&host=javascript:alert(1)&preset=nope&currency=EURO&cta=x&ctaurl=javascript:x&accent=red'
    + '&font=%22%3Bx&theme=blue&lang=de', '', []);
  assert.equal(bad.host, null);
  assert.equal(bad.preset, null);
  assert.equal(bad.currency, null);
  assert.equal(bad.cta, null);
  assert.equal(bad.accent, null);
  assert.equal(bad.font, null);
  assert.equal(bad.theme, null);
  assert.equal(bad.lang, 'fr');
  // A host only counts when framed by embed.js (embed=1); the label's first 60 characters.
  assert.equal(readConfig('?host=https%3A%2F%2Fa.example', '').host, null);
  assert.equal(readConfig('?cta=' + 'x'.repeat(80) + '&ctaurl=https%3A%2F%2Fa.example', '').cta.label.length, 60);
});

test('the fragment: the host\'s whole scenario, or (values=1) its values over the preset\'s', () => {
  const host = 'v=1&n=Acme&entry=meetings&vol=40&model=per_meeting&pmeet=150';
  const c = readConfig('?preset=pay-per-meeting', '#' + host);
  assert.equal(c.hostScenario, true);
  assert.equal(startLink(c), host);
  const v = readConfig('?preset=in-house&values=1', '#ihc=42&vol=12');
  assert.equal(v.hostScenario, false);
  assert.equal(startLink(v), PRESETS['in-house'].start + '&ihc=42&vol=12');
  // A worked example: its values, not its name (the host did not give one).
  const e = readConfig('?example=lead-generation', '');
  const link = startLink(e, EXAMPLES);
  assert.doesNotMatch(link, /(^|&)n=/);
  assert.equal(link, EXAMPLES['lead-generation'].replace(/&n=[^&]*/, ''));
  assert.equal(startLink(readConfig('?example=nope', ''), EXAMPLES), PRESETS['pay-per-meeting'].start);
  // The view's currency only for a scenario that names none.
  assert.equal(readConfig('?currency=GBP', '#v=1&cur=USD&vol=3').currency, null);
  assert.equal(readConfig('?currency=GBP', '#v=2&cu=USD&q=3').currency, null);
  assert.equal(readConfig('?currency=GBP', '#v=1&vol=3').currency, 'GBP');
});

test('readBounds: min:max[:step] in the field\'s units; anything else dropped', () => {
  assert.deepEqual(readBounds('pmeet=50:400:10&close=0.05:0.5'), { pmeet: { min: 50, max: 400, step: 10 }, close: { min: 0.05, max: 0.5 } });
  assert.deepEqual(readBounds('price=0:300'), { price: { min: 0, max: 300 } });
  assert.deepEqual(readBounds('pmeet=400:50&close=a:b&nope=1:2&deal=1:2:0&vol=1&margin=0:1:2:3&ops=1e1:2E1'), { ops: { min: 10, max: 20 } });
  assert.deepEqual(readBounds(null), {});
});

test('opensAsBuilt: the build-time answer only for what readConfig reads as the default preset, in French', () => {
  const fr = ['fr-FR'];
  const built = readConfig('', '', fr);
  // What decides the questions and the numbers.
  const answerOf = (c) => JSON.stringify([c.lang, c.preset ?? 'pay-per-meeting', c.example, c.fragment, c.currency, c.questions, c.bounds]);
  const cases = [
    ['', '', fr, true], ['?preset=pay-per-meeting', '', fr, true], ['?embed=1&host=https://a.example&theme=dark&accent=c24&cta=Demo&ctaurl=https://a.example/d', '', fr, true],
    ['?bench=1', '', fr, true], ['?lang=fr', '', ['en-GB'], true],
    ['?preset=in-house', '', fr, false], ['?lang=en', '', fr, false], ['', '', ['en-US'], false],
    ['', '#v=2&q=60', fr, false], ['?values=1', '#q=60', fr, false], ['?example=lead-generation', '', fr, false],
    ['?currency=GBP', '', fr, false], ['?questions=vol,close', '', fr, false], ['?bounds=close=0.1:0.5', '', fr, false],
    // Given but refused by readConfig: still not the build's (stricter, never wrong).
    ['?currency=euro', '', fr, false], ['?preset=nope', '', fr, false],
  ];
  for (const [search, hash, langs, holds] of cases) {
    assert.equal(opensAsBuilt(search, hash, langs), holds, `${search} ${hash} ${langs}`);
    // Whenever it holds, readConfig opens the same questions and numbers.
    if (holds) assert.equal(answerOf(readConfig(search, hash, langs)), answerOf(built), search);
  }
});

test('opensAsBuilt for a preset\'s own page: its preset asked or none, nothing else of the host\'s', () => {
  const fr = ['fr-FR'];
  for (const preset of Object.keys(PRESETS).filter((p) => p !== DEFAULT_PRESET)) {
    assert.equal(opensAsBuilt(`?embed=1&host=https://a.example&preset=${preset}&theme=dark`, '', fr, preset), true, preset);
    assert.equal(readConfig(`?preset=${preset}`, '', fr).preset, preset);
    // No preset asked: this page's own (a page opened directly shows what
    // it was written for), unless a host scenario's model is to choose.
    assert.equal(opensAsBuilt('', '', fr, preset), true, preset);
    assert.equal(readConfig('', '', fr, preset).preset, preset);
    assert.equal(readConfig('', '#v=2&q=60', fr, preset).preset, null);
    assert.equal(readConfig('?example=lead-generation', '', fr, preset).preset, null);
    assert.equal(readConfig('?values=1', '#q=60', fr, preset).preset, preset);
    assert.equal(opensAsBuilt(`?preset=${DEFAULT_PRESET}`, '', fr, preset), false, preset);
    for (const more of ['&lang=en', '&currency=GBP', '&questions=vol', '&bounds=close=0.1:0.5', '&example=in-house'])
      assert.equal(opensAsBuilt(`?preset=${preset}${more}`, '', fr, preset), false, preset + more);
    assert.equal(opensAsBuilt(`?preset=${preset}&values=1`, '#q=60', fr, preset), false, preset);
  }
});

