// Scenario links: the worked examples, opening the fragment (or an example),
// the address to share, and keeping the address in step with the state
// (fragment = last valid scenario; lang, samples, seed in the query).
import { writeSimParams } from '../state/view.js';

// The worked examples, as links (the browser tests check them against
// tests/fixtures/ through the CLI).  Pay per meeting is what a first visit shows;
// an embed can ask for another with ?example=<name>.
export const EXAMPLES = {
  "pay-per-meeting": "v=1&n=Campagne+factur%C3%A9e+au+rendez-vous&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120",
  "lead-generation": "v=1&n=G%C3%A9n%C3%A9ration+de+leads+-+trimestre&entry=contacts&vol=300&lead=0.4&opp=0.3&close=0.25&deal=10000&margin=0.4&fix=6000:Marketing+(contenus,+emailing,+outils)&fix=7000:Temps+commercial&fix=2000:Fichiers+et+enrichissement",
  "hourly-revenue-subscription": "v=1&n=Abonnement+B2B+-+3+t%C3%A9l%C3%A9op%C3%A9rateurs&ops=3&hrs=20&vol=1800&contact=0.1&meet=0.3&close=0.3&deal=2000",
  "call-campaign-revenue": "v=1&n=Campagne+d'appels+-+ROI+sur+chiffre+d'affaires&entry=deals&vol=1&deal=30000&fix=12000:Co%C3%BBt+total+de+la+campagne",
};
export const DEFAULT_LINK = EXAMPLES['pay-per-meeting'];

import { explain } from '../components/form/explain.js';

/** A link's warnings as lines of a notice. */
export const warningItems = (warnings) => warnings.map((w) => (w.field ? w.field + ' : ' : '') + w.message);

// What a shared link keeps: the scenario (fragment) and the view settings a
// reader needs; not how one host page framed the widget.
const FRAMING = ['embed', 'host', 'sections', 'accent', 'font', 'theme', 'cta', 'ctaurl', 'currency', 'example'];

/** The address to share, print or hand to the host: this page, its scenario. */
export function shareUrl() {
  const url = new URL(location.href);
  for (const k of FRAMING) url.searchParams.delete(k);
  return url.href;
}

/** Opens the scenario in the fragment, if any; the example otherwise. */
export function openFromHash(store, roi, ctx) {
  const { dispatch } = store;
  const raw = location.hash.replace(/^#/, '');
  const asked = store.getState().view.example;
  const example = Object.hasOwn(EXAMPLES, asked) ? EXAMPLES[asked] : DEFAULT_LINK;
  const openExample = () => dispatch({ type: 'load', scenario: roi.decodeLink(example).scenario, link: example });
  if (!raw) return openExample();
  let decoded;
  try {
    decoded = roi.decodeLink(raw);
  } catch (e) {
    const { t, fmt } = ctx();
    dispatch({ type: 'notice', kind: 'bad', title: { key: 'linkBad' }, items: (e.errors || []).map((x) => explain(x, t, fmt)) });
    return openExample();
  }
  if (decoded.warnings.length) dispatch({ type: 'notice', kind: 'warn', title: { key: 'linkWarn' }, items: warningItems(decoded.warnings) });
  dispatch({ type: 'load', scenario: decoded.scenario, link: raw });
}

/** Keeps the address in step: the fragment follows the last valid scenario
 *  (emptied when that one is too big for a link, so that the address never
 *  holds another scenario), the query the view settings the user changed. */
export function followAddress(store) {
  store.subscribe((state, prev) => {
    const url = new URL(location.href);
    let changed = false;
    if (state.link !== prev.link && (state.link || state.tooLong) && state.link !== url.hash.replace(/^#/, '')) { url.hash = state.link; changed = true; }
    if (state.view.lang !== prev.view.lang) { url.searchParams.set('lang', state.view.lang); changed = true; }
    if (state.view.samples !== prev.view.samples || state.view.seedText !== prev.view.seedText) {
      url.search = writeSimParams(url.search, state.view).toString();
      changed = true;
    }
    if (changed) history.replaceState(null, '', url);
  });
}
