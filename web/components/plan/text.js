// The plan in one sentence, from the core's plan object (goal → volume,
// scale, cost, hours, people): nothing recomputed.

const MONEY = ['revenue', 'margin', 'net'];

/** plan: result.plan; entry: the funnel's first stage (plan.volume's unit);
 *  monthly: a projection is on, the campaign entered is one month of it,
 *  and so is the goal; fixed: result.costs.fixed, the costs that do not
 *  follow the volume (the planner keeps them as they are: said, so that
 *  tripling a campaign on the same flat fee and files reads as a choice). */
export function planSentence(plan, entry, t, fmt, monthly = false, fixed = 0) {
  const forKey = 'plan.for:' + plan.metric;
  const goal = t(plan.metric === 'deals' ? fmt.agree(forKey, plan.value) : forKey, { v: MONEY.includes(plan.metric) ? fmt.money(plan.value) : fmt.num(plan.value) })
    + (monthly ? t('plan.perMonth') : '');
  if (!plan.reachable) {
    const u = t('plan.unreachable');
    return t('plan.outOf', { g: goal, u: u.charAt(0).toLowerCase() + u.slice(1) }) + ' ' + t(plan.metric === 'net' ? 'plan.whyNet' : 'plan.whyZero');
  }
  // The volume is a count of calls, leads or meetings to make: said whole,
  // rounded up (the core's 8 333,33 calls are 8 334 to make; the cost and
  // results that follow are the core's for its exact volume).
  const p = { g: goal, v: fmt.num(Math.ceil(plan.volume - 1e-9)), u: t('pu:' + entry), c: fmt.money(plan.cost) };
  let text = plan.scale === null ? t('plan.needNoScale', p) : t('plan.need', { ...p, k: fmt.num(plan.scale) });
  if (fixed > 0 && plan.scale !== 1) text += ' ' + t('plan.fixed', { f: fmt.money(fixed) });
  if (plan.hours > 0) {
    text += ' ' + (plan.operators === null ? t('plan.hours', { h: fmt.hours(plan.hours) })
      : t(fmt.plural(plan.operators) === 'one' ? 'plan.people1' : 'plan.people', { h: fmt.hours(plan.hours), o: fmt.num(plan.operators) }));
  }
  text += ' ' + t(fmt.agree('plan.gives', plan.funnel.deals), { d: fmt.num(plan.funnel.deals), net: fmt.money(plan.net), r: plan.roi === null ? '—' : fmt.pct(plan.roi) });
  return text;
}
