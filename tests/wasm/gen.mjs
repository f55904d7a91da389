// Seeded generator of random scenario documents for the wasm tests: valid
// ones across every field, entry, model, channel and range, plus some with
// deliberate mistakes.  About half use the 2026-12 fields (funnel.skip,
// costs.commission_rate, schedule, goal): see newFields() and usesNewFields().
export function rng(seed) {
  // mulberry32: small, deterministic, good enough to pick test inputs.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'];
const MODELS = ['in_house', 'hourly', 'hybrid', 'per_call', 'per_meeting', 'per_deal', 'flat'];
const RATES = ['contact_rate', 'lead_rate', 'meeting_rate', 'show_rate', 'opportunity_rate', 'close_rate'];
const NAMES = ['Campagne RDV', 'Emailing & relances', 'Salon "Vivatech"', 'SEO 100% = +', 'Été €uro #1',
  '<img src=x onerror=alert(1)>', '', 'a/b?c=d', 'Téléprospection in-house', '日本語 テスト'];

export function scenario(r, { channels = true } = {}) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const maybe = (p) => r() < p;
  const money = () => Math.round(r() * 10 ** (1 + Math.floor(r() * 5)) * 100) / 100;
  const rate = () => (maybe(0.1) ? pick([0, 1]) : Math.round(r() * 1000) / 1000);
  const entryIndex = Math.floor(r() * STAGES.length);
  const s = { version: 1, name: pick(NAMES) };
  if (maybe(0.2)) s.currency = pick(['EUR', 'USD', 'GBP', 'CHF']);
  if (maybe(0.3)) s.horizon_months = Math.floor(r() * 60);
  if (maybe(0.3)) s.target_roi = Math.round((r() * 3 - 0.5) * 100) / 100;
  if (maybe(0.2)) s.target_ltv_cac = 1 + Math.floor(r() * 5);
  s.time = { operators: 1 + Math.floor(r() * 5), hours_per_operator: maybe(0.8) ? Math.floor(r() * 160) : 0 };
  if (maybe(0.5)) s.time.talk_share = Math.max(0.05, rate());
  s.funnel = { entry: STAGES[entryIndex], volume: Math.floor(r() * 5000) };
  for (const k of RATES) if (maybe(0.7)) s.funnel[k] = rate();
  if (maybe(0.3)) s.funnel.rounding = pick(['floor', 'expected']);
  s.value = { deal_value: money(), margin_rate: maybe(0.7) ? rate() : 1 };
  if (maybe(0.4)) { s.value.monthly_value = money() / 10; s.value.lifetime_months = Math.floor(r() * 48); }
  if (maybe(0.3)) s.value.sales_cycle_months = Math.floor(r() * 12);
  // A model whose count the funnel knows (see METHODOLOGY: costs.model).
  const usable = MODELS.filter((m) => {
    if (m === 'per_call') return entryIndex === 0;
    if (m === 'per_meeting' || m === 'hybrid') return entryIndex <= 3;
    return true;
  });
  s.costs = { model: pick(usable) };
  for (const k of ['in_house_hourly_cost', 'in_house_fixed', 'hourly_rate', 'bonus_per_meeting',
    'per_call', 'per_meeting', 'per_deal', 'flat_fee']) if (maybe(0.4)) s.costs[k] = money() / 10;
  if (maybe(0.4)) {
    s.costs.fixed = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ label: pick(NAMES), amount: money() }));
  }
  if (entryIndex <= 3 && maybe(0.3)) {
    s.costs.internal_hours_per_meeting = 1 + Math.floor(r() * 3);
    s.costs.internal_hourly_cost = 30 + Math.floor(r() * 50);
  }
  if (maybe(0.55)) newFields(r, s, entryIndex, { topLevel: channels });
  if (!channels) return s;
  if (maybe(0.4)) {
    s.uncertainty = { spread: Math.round(r() * 50) / 100 };
    if (maybe(0.5) && s.funnel.close_rate !== undefined) {
      const c = s.funnel.close_rate;
      s.uncertainty.ranges = { 'funnel.close_rate': [c * 0.5, Math.min(1, c * 1.5)] };
    }
  }
  if (maybe(0.5)) {
    s.channels = Array.from({ length: 1 + Math.floor(r() * 3) }, () => scenario(r, { channels: false }));
    if (maybe(0.5)) s.reallocation = { min_roi: Math.round(r() * 200) / 100, shift: Math.round(r() * 100) / 100 };
  }
  return s;
}

// The 2026-12 fields, valid for the campaign as generated so far:
// funnel.skip lists only stages after the entry and before deals, never one a
// cost needs (booked meetings for per_meeting and hybrid, held meetings for
// internal costs), and the rates into skipped stages are 1 or left out;
// costs.commission_rate; at the top level only (topLevel), schedule (whole
// months 0..60, at most 12 ramp values in 0..1, setup_cost) and goal (meetings
// and held only when the funnel knows that count).
function newFields(r, s, entryIndex, { topLevel }) {
  const maybe = (p) => r() < p;
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const needed = new Set();
  if (s.costs.model === 'per_meeting' || s.costs.model === 'hybrid') needed.add(3);
  if (s.costs.internal_hours_per_meeting) needed.add(4);
  const skipped = [];
  if (maybe(0.6)) {
    for (let st = entryIndex + 1; st < 6; st++) if (!needed.has(st) && maybe(0.4)) skipped.push(st);
    if (skipped.length) {
      if (maybe(0.3)) skipped.reverse(); // any order is accepted
      s.funnel.skip = skipped.map((st) => STAGES[st]);
      for (const st of skipped) {
        if (maybe(0.5)) delete s.funnel[RATES[st - 1]];
        else s.funnel[RATES[st - 1]] = 1;
      }
    }
  }
  if (maybe(0.5)) s.costs.commission_rate = maybe(0.1) ? pick([0, 1]) : Math.round(r() * 300) / 1000;
  if (!topLevel) return;
  if (maybe(0.5)) {
    s.schedule = { months: maybe(0.1) ? pick([0, 60]) : Math.floor(r() * 61) };
    if (maybe(0.6)) s.schedule.ramp = Array.from({ length: Math.floor(r() * 13) }, () => Math.round(r() * 100) / 100);
    if (maybe(0.5)) s.schedule.setup_cost = Math.round(r() * 1e6) / 100;
  }
  if (maybe(0.5)) {
    const known = (st) => st >= entryIndex && !skipped.includes(st);
    const metrics = ['revenue', 'margin', 'net', 'deals'];
    if (known(3)) metrics.push('meetings');
    if (known(4)) metrics.push('held');
    const metric = pick(metrics);
    s.goal = { metric };
    if (maybe(0.9)) {
      s.goal.value = ['deals', 'meetings', 'held'].includes(metric)
        ? Math.floor(r() * 200) : Math.round(r() * 1e7) / 100;
    }
  }
}

/** True when a generated document sets any of the 2026-12 fields. */
export function usesNewFields(s) {
  return !!((s.funnel && s.funnel.skip) || (s.costs && s.costs.commission_rate !== undefined) ||
    s.schedule || s.goal);
}

// A document with one or two mistakes the validator must name; brokenWithField
// also returns the field path one of its errors must have, and for some the
// error's code.
export function brokenWithField(r) {
  const s = scenario(r);
  const entry = STAGES.indexOf(s.funnel.entry);
  const mistakes = [
    () => { s.funnel.close_rate = 1.5; return 'funnel.close_rate'; },
    () => { s.value.deal_value = 'beaucoup'; return 'value.deal_value'; },
    () => { s.costs.model = 'per_lead'; return 'costs.model'; },
    () => { s.version = 2; return 'version'; },
    () => { s.currency = 'euro'; return 'currency'; },
    () => { s.time.talk_share = 0; return 'time.talk_share'; },
    () => { s.funnel.entry = 'meetings'; s.costs.model = 'per_call'; return 'costs.model'; },
    // A rate into a skipped stage must be 1.
    () => {
      if (entry > 4) { s.funnel.close_rate = -0.1; return 'funnel.close_rate'; }
      const st = entry + 1 + Math.floor(r() * (5 - entry));
      s.funnel.skip = [...(s.funnel.skip || []).filter((x) => x !== STAGES[st]), STAGES[st]];
      s.funnel[RATES[st - 1]] = 0.5;
      return [`funnel.${RATES[st - 1]}`, 'skip_rate'];
    },
    () => { s.funnel.skip = ['deals']; return 'funnel.skip'; },
    () => { s.costs.commission_rate = 1.2; return 'costs.commission_rate'; },
    () => { s.schedule = { ...s.schedule, months: 6.5 }; return 'schedule.months'; },
    () => { s.schedule = { ...s.schedule, months: 61 }; return 'schedule.months'; },
    () => { s.schedule = { ...s.schedule, ramp: Array(13).fill(0.5) }; return 'schedule.ramp'; },
    () => { s.schedule = { ...s.schedule, ramp: [0.5, 1.5] }; return 'schedule.ramp[1]'; },
    () => { s.funnel.entry = 'opportunities'; s.goal = { metric: 'meetings', value: 10 }; return 'goal.metric'; },
    () => { s.goal = { metric: 'profit', value: 10 }; return 'goal.metric'; },
  ];
  const made = mistakes[Math.floor(r() * mistakes.length)]();
  const [field, code] = Array.isArray(made) ? made : [made, null];
  return [s, field, code];
}

export function broken(r) {
  return brokenWithField(r)[0];
}
