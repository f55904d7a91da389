import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstPaintHolds } from './first-paint.js';

const LINK = 'v=2&n=Campagne&e=meetings&vol=50';
const fr = ['fr-FR', 'fr'];

test('the build-time figures hold for the default example in French, and for nothing else', () => {
  const cases = [
    // [search, hash, languages, holds]
    ['', '', fr, true],
    ['', '#' + LINK, fr, true],              // the address the page writes for itself
    ['?bench=3', '', fr, true],              // unknown parameters change nothing
    ['?example=pay-per-meeting', '', fr, true],
    ['', '', ['de-DE', 'fr'], true],         // the first fr… or en… language decides
    ['', '', [], true],                      // no language: French
    ['', '#v=2&n=Autre&e=meetings&vol=60', fr, false], // another scenario
    ['', '#' + LINK + '&w=0.3', fr, false],
    ['?example=per-hour', '', fr, false],
    ['?lang=en', '', fr, false],
    ['', '', ['en-GB', 'fr'], false],
    ['?lang=fr', '', ['en-GB'], true],
    ['?currency=GBP', '', fr, false],
    ['?retro=1', '', fr, false],
    ['?example=per-hour', '#' + LINK, fr, true], // the fragment wins over the example, as in the page
  ];
  for (const [search, hash, langs, holds] of cases) {
    assert.equal(firstPaintHolds(search, hash, langs, LINK), holds, `${search} ${hash} ${langs}`);
  }
});

test('no link written at build time: only the address without a fragment holds', () => {
  assert.equal(firstPaintHolds('', '', fr, undefined), true);
  assert.equal(firstPaintHolds('', '#v=2', fr, undefined), false);
});
