// The library's wiring: localStorage through library.js, each stored link
// decoded and validated by the core like any link, results to the state.
import { loadLibrary, saveScenario, renameScenario, deleteScenario } from '../library.js';
import { linkRefused, linkWarned } from './links.js';

/** ctx(): the current { t, fmt } (the untitled name is in the page's language). */
export function libraryActions(store, roi, ctx) {
  const dispatch = store.dispatch;
  const list = (message) => dispatch({ type: 'library', items: loadLibrary(), message });
  return {
    refresh: () => list(),
    save() {
      const { result, scenario, library } = store.getState();
      if (!result) { dispatch({ type: 'libMessage', message: { key: 'stale' } }); return; }
      const name = library.name.trim() || result.name || ctx().t('lib.untitled');
      const ok = saveScenario(name, roi.encodeLink(scenario));
      list(ok ? { key: 'lib.saved', params: { n: name } } : { key: 'lib.refused' });
    },
    open(name) {
      const item = loadLibrary().find((x) => x.name === name);
      if (!item) return;
      let decoded;
      try { decoded = roi.decodeLink(item.link); } catch (e) {
        dispatch(linkRefused(e));
        return;
      }
      if (decoded.warnings.length) dispatch(linkWarned(decoded.warnings));
      dispatch({ type: 'load', scenario: decoded.scenario });
      dispatch({ type: 'libMessage', message: { key: 'lib.opened', params: { n: name } } });
    },
    rename(name) {
      const next = store.getState().library.name.trim();
      if (!next) { dispatch({ type: 'libMessage', message: { key: 'lib.renameHow' } }); return false; }
      list(renameScenario(name, next) ? { key: 'lib.renamed', params: { a: name, b: next } } : { key: 'lib.renameTaken', params: { n: next } });
      return true;
    },
    remove(name) {
      deleteScenario(name);
      list({ key: 'lib.deleted' });
    },
    /** The two picked, their key figures from the core. */
    compare() {
      const { library } = store.getState();
      const items = library.picked.map((n) => loadLibrary().find((x) => x.name === n)).filter(Boolean);
      if (items.length !== 2) return;
      const side = items.map((it) => {
        let result;
        try { result = roi.evaluate(roi.decodeLink(it.link).scenario); } catch { result = { ok: false }; }
        return { name: it.name, result };
      });
      dispatch({ type: 'libSide', side });
    },
  };
}
