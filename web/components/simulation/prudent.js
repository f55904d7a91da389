// The note that reconciles the prudent case (scenarios.prudent: every
// uncertain input at its low end at once) with the simulation (each input
// drawn at random): « Prudent −26 % » never stands next to « 0 % de risque
// de perte » without a word on why.  Shown under the three scenarios
// (.prudent-note), whenever a prudent case exists.
export function render(state, prev, { t, fmt }) {
  if (state.result === prev.result && state.sim.last === prev.sim.last && state.view.lang === prev.view.lang) return;
  const pr = state.result.scenarios?.prudent;
  const s = state.sim.last;
  let text = '';
  if (pr && pr.roi !== null && pr.roi !== undefined) {
    text = s && s.fields?.length && s.p_loss !== null && s.roi
      ? t('prudent.note', { p: fmt.pct(pr.roi), l: fmt.pct(s.p_loss), p10: fmt.pct(s.roi.p10) })
      : t('prudent.noteNoSim');
  }
  for (const p of document.querySelectorAll('.prudent-note')) {
    p.hidden = !text;
    p.textContent = text;
  }
}
