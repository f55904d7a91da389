// Seeded generator of random scenario documents for the wasm tests: valid
// ones across every field, entry, model, channel and range, plus some with
// deliberate mistakes.
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

// A document with one or two mistakes the validator must name.
export function broken(r) {
  const s = scenario(r);
  const mistakes = [
    () => { s.funnel.close_rate = 1.5; },
    () => { s.value.deal_value = 'beaucoup'; },
    () => { s.costs.model = 'per_lead'; },
    () => { s.version = 2; },
    () => { s.currency = 'euro'; },
    () => { s.time.talk_share = 0; },
    () => { s.funnel.entry = 'meetings'; s.costs.model = 'per_call'; },
  ];
  mistakes[Math.floor(r() * mistakes.length)]();
  return s;
}
