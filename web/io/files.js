// Export and import: the last valid scenario as its JSON document (any size:
// canonical when its link fits, as the core validated it otherwise), the
// channel comparison and the billing models as CSV (export.js), and a
// scenario file opened after the core validated it (a refused file changes
// nothing).
import { toCsv, download, fileName, scenarioDocument, scenarioJson } from '../export.js';
import { linkWarned } from './links.js';
import { problemData } from '../components/problems.js';
import { setting } from '../fields.js';

export function fileActions(store, roi, ctx, { rowName, csvRows, priceUnit }) {
  const { dispatch } = store;
  return {
    /** The last valid scenario, as its document. */
    exportJson() {
      const { result, valid } = store.getState();
      if (!result || !valid) return;
      const doc = scenarioDocument(roi, valid);
      if (!doc.ok) { dispatch({ type: 'notice', kind: 'bad', title: { key: 'stale' }, items: problemData(doc.errors) }); return; }
      download(fileName(doc.scenario.name, '.json'), 'application/json', scenarioJson(doc.scenario));
    },
    exportCsv(channels) {
      const { result: res, view } = store.getState();
      if (!res) return;
      const { t } = ctx();
      const head = (keys) => keys.map((k) => t('csv:' + k));
      let rows;
      const st = store.getState();
      // The risk only when the last run is this result's (an earlier
      // scenario's, while a new run is due, is no figure of this one).
      const last = st.sim.lastFor === st.result ? st.sim.last : null;
      if (channels) {
        // As the screen's ranking: each row's risk beside its figures (row 0
        // the campaign, the others its channels, as the simulation orders them).
        const keys = ['name', 'cost', 'revenue', 'margin', 'net', 'roi', 'cost_per_lead', 'cost_per_opportunity', 'cac', 'revenue_per_hour', 'payback_months', 'ltv_to_cac', 'p_loss', 'roi_p10', 'rank'];
        rows = [head(keys), ...res.comparison.map((r, i) => {
          const risk = last ? (i === 0 ? last : last.channels?.[i - 1]) : null;
          const cell = { name: rowName(res, i, t), p_loss: risk ? risk.p_loss : null, roi_p10: risk ? risk.roi.p10 : null };
          return keys.map((k) => (k in cell ? cell[k] : r[k]));
        })];
      } else {
        // As the screen's table: the maximum price with its unit (per hour,
        // per meeting…: one column held both, unsaid), the cost at half
        // results, and each model's risk from the last simulation.
        const basis = setting(st.valid, 'costs.meeting_basis');
        const sim = last?.billing || [];
        const keys = ['model', 'cost', 'net', 'roi', 'cost_per_deal', 'max_price', 'max_price_unit', 'cost_at_half', 'p_loss', 'roi_p10'];
        rows = [head(keys), ...res.billing.map((r, i) => {
          const risk = sim[i]?.model === r.model ? sim[i] : null;
          const cell = { model: t('o:costs.model:' + r.model), max_price_unit: t('mu:' + priceUnit(r.model, basis)).replace(/^\//, ''),
            p_loss: risk ? risk.p_loss : null, roi_p10: risk ? risk.roi.p10 : null };
          return keys.map((k) => (k in cell ? cell[k] : r[k]));
        })];
      }
      download(fileName(res.name, channels ? '-canaux.csv' : '-facturation.csv'), 'text/csv;charset=utf-8', toCsv(rows, view.lang));
    },
    /** The monthly projection's table, as the core computed it. */
    exportSchedule() {
      const { result: res, scenario, valid, view } = store.getState();
      if (!res?.schedule) return;
      // The stage the projection counts is its own scenario's (the last valid one).
      const entry = setting(valid || scenario, 'funnel.entry');
      download(fileName(res.name, '-projection.csv'), 'text/csv;charset=utf-8', toCsv(csvRows(res.schedule, entry, ctx().t), view.lang));
    },
    /** Opens a scenario file (its text, read by the caller, or the error
     *  reading it gave); returns whether it was opened.  A refused file
     *  changes nothing, and says why. */
    importFile(file, text, readError = null) {
      if (file.size > 1024 * 1024) { dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad' }, items: [{ key: 'importBig' }] }); return false; }
      if (readError || typeof text !== 'string') {
        dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad', suffix: file.name }, items: [String(readError?.message || readError)] });
        return false;
      }
      const res = roi.evaluate(text);
      if (!res.ok) {
        dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad', suffix: file.name }, items: problemData(res.errors) });
        return false;
      }
      const doc = scenarioDocument(roi, text); // any size: not through a link
      if (!doc.ok) { dispatch({ type: 'notice', kind: 'bad', title: { key: 'importBad', suffix: file.name }, items: problemData(doc.errors) }); return false; }
      if (res.warnings.length) dispatch(linkWarned(res.warnings));
      dispatch({ type: 'load', scenario: doc.scenario });
      return true;
    },
  };
}
