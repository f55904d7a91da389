// The Monte Carlo section: sample count and seed, progress, status, the
// percentiles ([data-sim]), each compared row's risk ([data-simrow]), each
// billing model's risk ([data-billsim]) and the histogram.  The worker itself is io/simulation.js.
import { getPath } from '../../state/scenario.js';
import { seedOf } from '../../state/view.js';
import { drawHistogram } from '../../charts/charts.js';
import { $, setProp, say } from '../dom.js';

export function render(state, prev, { t, fmt, problem }) {
  const { sim, view } = state;
  // The counts in the page's number format (« 10 000 », "10,000").
  for (const o of $('sim-samples').options) setProp(o, 'textContent', fmt.num(Number(o.value)));
  setProp($('sim-samples'), 'value', view.samples);
  setProp($('sim-seed'), 'value', view.seedText);
  const ok = seedOf(view.seedText) !== null;
  const input = $('sim-seed'), err = $('sim-seed-e');
  input.toggleAttribute('aria-invalid', !ok);
  input.closest('.field').classList.toggle('invalid', !ok);
  setProp(err, 'hidden', ok);
  setProp(err, 'textContent', ok ? '' : t('sim.seedErr'));
  setProp($('sim-progress'), 'hidden', !sim.running);
  setProp($('sim-cancel'), 'hidden', !sim.running || sim.samples < 100000);
  setProp($('sim-status'), 'textContent', sim.status?.errors ? sim.status.errors.map(problem).join(' ; ') : say(sim.status, t, fmt));
  const r = sim.last;
  if (!r) return;
  // Figures of an earlier scenario, while the new one's run is due: dimmed
  // and marked busy, never passed off as current.
  const pending = sim.lastFor !== state.result;
  if ($('sim').getAttribute('aria-busy') !== String(pending)) $('sim').setAttribute('aria-busy', String(pending));
  for (const el of document.querySelectorAll('[data-sim], [data-simrow], [data-billsim]')) el.classList.toggle('pending', pending);
  // Written only where they change: a keystroke redraws the page's
  // results, not these (they change when a run ends).
  const show = (el, v) => {
    const value = v === null || v === undefined ? '' : String(v);
    if (el.dataset.value !== value) el.dataset.value = value;
    setProp(el, 'textContent', v === undefined ? '…' : v === null ? t('n:cost') : fmt[el.dataset.fmt](v));
  };
  for (const out of document.querySelectorAll('[data-sim]')) {
    const v = getPath(r, out.dataset.sim);
    out.classList.toggle('null', v === null);
    show(out, v);
  }
  for (const td of document.querySelectorAll('[data-simrow]')) {
    const i = Number(td.dataset.simrow);
    const outcome = i === 0 ? r : r.channels[i - 1];
    show(td, outcome ? getPath(outcome, td.dataset.simkey) : undefined);
  }
  // Each billing model's own run (same samples and seed, costs.model changed).
  for (const td of document.querySelectorAll('[data-billsim]')) {
    const b = r.billing?.[Number(td.dataset.billsim)];
    show(td, b && b.model === td.dataset.model ? getPath(b, td.dataset.simkey) : undefined);
  }
  setProp($('sim').dataset, 'samples', String(r.samples));
  setProp($('sim').dataset, 'seed', String(r.seed));
  if (r !== prev.sim.last || state.view.lang !== prev.view.lang || !$('histchart').firstChild) drawHistogram($('histchart'), r, t, fmt);
}
