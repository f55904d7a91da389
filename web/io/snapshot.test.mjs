// The build's result for another language (changes) and when an address
// opens on it (snapshotHolds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changes } from './snapshot.js';
import { snapshotHolds } from '../first-paint.js';

test('changes: the [path, value] pairs that turn one language\'s actions into the other\'s; null when their shapes differ', () => {
  const fr = { actions: [{ type: 'load', scenario: { name: 'Campagne', funnel: { volume: 50 } }, link: 'n=Campagne' }, { type: 'evaluated', result: { roi: 3.8, comparison: [{ name: 'Campagne' }] } }] };
  const en = structuredClone(fr);
  en.actions[0].scenario.name = 'Campaign';
  en.actions[0].link = 'n=Campaign';
  en.actions[1].result.comparison[0].name = 'Campaign';
  assert.deepEqual(changes(fr, fr), []);
  assert.deepEqual(changes(fr, en), [
    [['actions', 0, 'scenario', 'name'], 'Campaign'], [['actions', 0, 'link'], 'n=Campaign'], [['actions', 1, 'result', 'comparison', 0, 'name'], 'Campaign']]);
  const longer = structuredClone(en);
  longer.actions[1].result.comparison.push({ name: 'x' });
  assert.equal(changes(fr, longer), null);
  const other = structuredClone(en);
  other.actions[1].result.extra = 1;
  assert.equal(changes(fr, other), null);
});

test('snapshotHolds: the default example in a language the build computed, at its own address, default simulation, not framed', () => {
  const links = { fr: 'v=2&n=Campagne', en: 'v=2&n=Campaign' };
  const cases = [
    ['', '', ['fr-FR'], true],
    ['?lang=en', '', ['fr-FR'], true],
    ['', '', ['en-GB'], true],
    ['?lang=en', '#v=2&n=Campaign', ['fr-FR'], true],
    ['?lang=en', '#v=2&n=Campagne', ['fr-FR'], false], // the French link on the English page: a scenario to open
    ['', '#v=2&n=Campagne&_pfor=Client', ['fr-FR'], true], // « préparé pour »: the page's own, not the scenario's
    ['?samples=1000', '', ['fr-FR'], false],
    ['?seed=2', '', ['fr-FR'], false],
    ['?embed=1', '', ['fr-FR'], false],
    ['?currency=GBP', '', ['fr-FR'], false],
    ['?retro=1', '', ['fr-FR'], false],
    ['?example=in-house', '', ['fr-FR'], false],
  ];
  for (const [search, hash, langs, holds] of cases) assert.equal(snapshotHolds(search, hash, langs, links), holds, `${search} ${hash} ${langs}`);
  assert.equal(snapshotHolds('?lang=en', '', ['fr-FR'], { fr: links.fr }), false, 'no English result built');
});
