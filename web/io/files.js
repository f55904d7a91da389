// Export and import: the last valid scenario as the canonical JSON document,
// the channel comparison and the billing models as CSV (export.js), and a
// scenario file opened after the core validated it (a refused file changes
// nothing).
import { toCsv, download, fileName } from '../export.js';
import { rowName } from '../components/comparison/comparison.js';
import { linkWarned } from './links.js';
import { problemData } from '../components/problems.js';
import { csvRows } from '../components/schedule/text.js';
import { FIELDS } from '../fields.js';

export function fileActions(store, roi, ctx) {
  const { dispatch } = store;
  /** A valid scenario (object or JSON text) as the canonical document, every
   *  field written, through the core's link codec. */
  const canonical = (scenario) => roi.decodeLink(roi.encodeLink(scenario)).scenario;
  return {
    exportJson() {
      const { result, scenario } = store.getState();
      if (!result) return;
      const doc = canonical(scenario);
      download(fileName(doc.name, '.json'), 'application/json', JSON.stringify(doc, null, 2) + '\n');
    },
    exportCsv(channels) {
      const { result: res, view } = store.getState();
      if (!res) return;
      const { t } = ctx();
      const head = (keys) => keys.map((k) => t('csv:' + k));
      let rows;
      if (channels) {
        const keys = ['name', 'cost', 'revenue', 'margin', 'net', 'roi', 'cost_per_lead', 'cost_per_opportunity', 'cac', 'revenue_per_hour', 'payback_months', 'ltv_to_cac', 'rank'];
        rows = [head(keys), ...res.comparison.map((r, i) => keys.map((k) => (k === 'name' ? rowName(res, i, t) : r[k])))];
      } else {
        const keys = ['model', 'cost', 'net', 'roi', 'cost_per_deal', 'max_price'];
        rows = [head(keys), ...res.billing.map((r) => keys.map((k) => (k === 'model' ? t('o:costs.model:' + r.model) : r[k])))];
      }
      download(fileName(res.name, channels ? '-canaux.csv' : '-facturation.csv'), 'text/csv;charset=utf-8', toCsv(rows, view.lang));
    },
    /** The monthly projection's table, as the core computed it. */
    exportSchedule() {
      const { result: res, scenario, view } = store.getState();
      if (!res?.schedule) return;
      const entry = scenario.funnel?.entry ?? FIELDS.get('funnel.entry').dflt;
      download(fileName(res.name, '-projection.csv'), 'text/csv;charset=utf-8', toCsv(csvRows(res.schedule, entry, ctx().t), view.lang));
    },
    async importFile(file) {
      if (file.size > 1024 * 1024) { dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad' }, items: [{ key: 'importBig' }] }); return; }
      const text = await file.text();
      const res = roi.evaluate(text);
      if (!res.ok) {
        dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad', suffix: file.name }, items: problemData(res.errors) });
        return;
      }
      if (res.warnings.length) dispatch(linkWarned(res.warnings));
      dispatch({ type: 'load', scenario: canonical(text) });
    },
  };
}
