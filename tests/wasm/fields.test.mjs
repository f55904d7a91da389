// fields(): the field list the core generates, the same bytes as `roi fields`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cli, roi } from './env.mjs';

test('fields(): the same JSON as `roi fields`, byte for byte', () => {
  const native = execFileSync(cli, ['fields'], { encoding: 'utf8' });
  assert.equal(roi.fieldsText() + '\n', native);
  assert.deepEqual(roi.fields(), JSON.parse(native));
  const pretty = execFileSync(cli, ['fields', '--pretty'], { encoding: 'utf8' });
  assert.deepEqual(roi.fields(), JSON.parse(pretty));
});

test('fields(): every path, with its default, evaluates without a warning', () => {
  const { fields } = roi.fields();
  const byPath = new Map(fields.map((f) => [f.path, f]));
  assert.equal(byPath.get('funnel.close_rate').default, 1);
  assert.equal(byPath.get('funnel.entry').default, 'calls');
  assert.equal(byPath.get('goal.metric').default, null);
  assert.deepEqual(byPath.get('schedule.months'), {
    path: 'schedule.months', kind: 'months', key: 'mo', unit: 'months', scope: 'scenario',
    default: 0, nullable: false, min: 0, max: 60, min_exclusive: false, whole: true,
  });
  const s = {};
  for (const f of fields) {
    if (f.path.startsWith('uncertainty.ranges.')) continue;
    const [group, rest] = f.path.split(/\.(.*)/s);
    if (rest === undefined) s[group] = f.default;
    else (s[group] ||= {})[rest] = f.default;
  }
  const result = roi.evaluate(s);
  assert.equal(result.ok, true);
  assert.deepEqual(result.warnings, []);
});

test('canonical(): the same bytes as `roi canonical`, the document a link decodes to, for any size', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../fixtures/', import.meta.url);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const native = execFileSync(cli, ['canonical', '-'], { input: text, encoding: 'utf8' });
    assert.equal(roi.canonicalText(text) + '\n', native, name);
    const doc = roi.canonical(text);
    assert.equal(doc.ok, true, name);
    assert.deepEqual(doc.scenario, roi.decodeLink(roi.encodeLink(text)).scenario, name);
  }
  // 20 channels of long names: no link can hold it, the canonical document can.
  const big = { name: 'x'.repeat(80), channels: Array.from({ length: 20 }, (_, i) => ({
    name: 'é'.repeat(80), funnel: { entry: 'deals', volume: i }, costs: { model: 'flat', flat_fee: 100,
      fixed: Array.from({ length: 5 }, () => ({ label: 'ü'.repeat(80), amount: 1 })) } })) };
  assert.throws(() => roi.encodeLink(big), (e) => e.errors[0].code === 'link_too_long');
  const doc = roi.canonical(big);
  assert.equal(doc.ok, true);
  assert.equal(doc.scenario.channels.length, 20);
  assert.equal(doc.scenario.channels[19].funnel.volume, 19);
  assert.equal(roi.canonical({ funnel: { close_rate: 3 } }).errors[0].code, 'range');
});
