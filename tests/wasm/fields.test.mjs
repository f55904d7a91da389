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
