// The Monte Carlo section: sample count and seed, progress, status, the
// percentiles ([data-sim]), each compared row's risk ([data-simrow]), each
// billing model's risk ([data-billsim]) and the histogram.  The worker itself is io/simulation.js.
import { getPath } from '../../state/scenario.js';
import { seedOf } from '../../state/view.js';
import { drawHistogram } from '../../charts/charts.js';
import { $, setProp, say } from '../dom.js';

export function render(state, prev, { t, fmt }) {
  const { sim, view } = state;
  setProp($('sim-samples'), 'value', view.samples);
  setProp($('sim-seed'), 'value', view.seedText);
  const ok = seedOf(view.seedText) !== null;
  const input = $('sim-seed'), err = $('sim-seed-e');
  input.toggleAttribute('aria-invalid', !ok);
  input.closest('.field').classList.toggle('invalid', !ok);
  err.hidden = ok;
  err.textContent = ok ? '' : t('sim.seedErr');
  $('sim-progress').hidden = !sim.running;
  $('sim-cancel').hidden = !sim.running || sim.samples < 100000;
  $('sim-status').textContent = say(sim.status, t, fmt);
  const r = sim.last;
  if (!r) return;
  // Figures of an earlier scenario, while the new one's run is due: dimmed
  // and marked busy, never passed off as current.
  const pending = sim.lastFor !== state.result;
  $('sim').setAttribute('aria-busy', String(pending));
  for (const el of document.querySelectorAll('[data-sim], [data-simrow], [data-billsim]')) el.classList.toggle('pending', pending);
  for (const out of document.querySelectorAll('[data-sim]')) {
    const v = getPath(r, out.dataset.sim);
    out.classList.toggle('null', v === null);
    out.dataset.value = v === null ? '' : String(v);
    out.textContent = v === null ? t('n:cost') : fmt[out.dataset.fmt](v);
  }
  for (const td of document.querySelectorAll('[data-simrow]')) {
    const i = Number(td.dataset.simrow);
    const outcome = i === 0 ? r : r.channels[i - 1];
    const v = outcome ? getPath(outcome, td.dataset.simkey) : undefined;
    td.dataset.value = v === null || v === undefined ? '' : String(v);
    td.textContent = v === undefined ? '…' : v === null ? t('n:cost') : fmt[td.dataset.fmt](v);
  }
  // Each billing model's own run (same samples and seed, costs.model changed).
  for (const td of document.querySelectorAll('[data-billsim]')) {
    const b = r.billing?.[Number(td.dataset.billsim)];
    const v = b && b.model === td.dataset.model ? getPath(b, td.dataset.simkey) : undefined;
    td.dataset.value = v === null || v === undefined ? '' : String(v);
    td.textContent = v === undefined ? '…' : v === null ? t('n:cost') : fmt[td.dataset.fmt](v);
  }
  $('sim').dataset.samples = String(r.samples);
  $('sim').dataset.seed = String(r.seed);
  if (r !== prev.sim.last || state.view.lang !== prev.view.lang || !$('histchart').firstChild) drawHistogram($('histchart'), r, t, fmt);
}
