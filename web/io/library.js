// The library's wiring: localStorage through library.js (which stores the
// scenario document itself, any size, and reports every failure as a
// reason), each stored entry validated by the core like any input (a
// document with evaluate, a first-format link with decodeLink), results and
// messages to the state.
import { observedCounts } from '../state/observed.js';
import { readLibrary, loadLibrary, findScenario, saveScenario, renameScenario, deleteScenario, restoreScenario } from '../library.js';
import { scenarioDocument } from '../export.js';
import { problemData } from '../components/problems.js';
import { linkWarned } from './links.js';

/** What a refused library call really met, as a message of the state. */
export const libFail = (r, name) => ({ key: 'lib.err.' + r.reason, params: { n: name, max: r.max ?? '' } });

/** ctx(): the current { t, fmt } (the untitled name is in the page's language). */
export function libraryActions(store, roi, ctx) {
  const dispatch = store.dispatch;
  const list = (message) => {
    const lib = readLibrary();
    dispatch({ type: 'library', items: lib.items, message: message === undefined && !lib.ok ? libFail(lib, '') : message });
  };
  return {
    refresh: () => list(),
    /** Saves the scenario shown, when valid, as its document. */
    save() {
      const { result, valid, stale, library } = store.getState();
      const doc = result && valid && !stale ? scenarioDocument(roi, valid) : null;
      if (!doc || !doc.ok) { dispatch({ type: 'libMessage', message: { key: 'stale' } }); return; }
      const name = library.name.trim() || result.name || ctx().t('lib.untitled');
      // Over another saved scenario than the one opened or saved last: only
      // when asked twice (a second « Enregistrer » with the same name).
      const other = name !== library.current && library.items.some((x) => x.name === name);
      if (other && library.confirm !== name) { dispatch({ type: 'libConfirm', name, message: { key: 'lib.replaceAsk', params: { n: name } } }); return; }
      const { view, observed } = store.getState();
      const r = saveScenario(name, doc.scenario, undefined, view.retro ? observedCounts(observed, view.lang) : null);
      if (r.ok) dispatch({ type: 'libOpened', name });
      list(r.ok ? { key: other ? 'lib.replacedSaved' : 'lib.saved', params: { n: name } } : libFail(r, name));
    },
    /** Opens a saved scenario, its name in the name box (« Enregistrer »
     *  then saves it back, not over the name typed before); what the core
     *  refuses changes nothing, and says so.  Returns whether it opened. */
    open(name) {
      const found = findScenario(name);
      if (!found.ok) { list(libFail(found, name)); return false; }
      const { item } = found;
      let scenario;
      if (item.link !== undefined) {
        let decoded;
        try { decoded = roi.decodeLink(item.link); } catch (e) {
          // Nothing was opened: say so (not "the example was loaded instead").
          dispatch({ type: 'notice', kind: 'bad', title: { key: 'lib.bad', params: { n: name } }, items: problemData(e.errors) });
          return false;
        }
        if (decoded.warnings.length) dispatch(linkWarned(decoded.warnings));
        scenario = decoded.scenario;
      } else {
        const doc = scenarioDocument(roi, item.scenario);
        if (!doc.ok) { dispatch({ type: 'notice', kind: 'bad', title: { key: 'lib.bad', params: { n: name } }, items: problemData(doc.errors) }); return false; }
        scenario = doc.scenario;
      }
      dispatch({ type: 'load', scenario });
      // Saved in retrospective mode: it reopens so, with its counts.
      if (item.observed) dispatch({ type: 'retro', on: true, counts: item.observed });
      dispatch({ type: 'libOpened', name });
      dispatch({ type: 'libMessage', message: { key: 'lib.opened', params: { n: name } } });
      return true;
    },
    rename(name) {
      const next = store.getState().library.name.trim();
      if (!next) { dispatch({ type: 'libMessage', message: { key: 'lib.renameHow' } }); return false; }
      const r = renameScenario(name, next);
      // The saved scenario shown, renamed: saved again under its new name without asking.
      if (r.ok && store.getState().library.current === name) dispatch({ type: 'libOpened', name: next });
      list(r.ok ? { key: 'lib.renamed', params: { a: name, b: next } } : libFail(r, r.reason === 'taken' ? next : name));
      return true;
    },
    /** Deletes a saved scenario, with a way back (« Annuler »). */
    remove(name) {
      const r = deleteScenario(name);
      list(r.ok ? { key: 'lib.deletedN', params: { n: name } } : libFail(r, name));
      if (r.ok) dispatch({ type: 'notice', kind: 'info', title: { key: 'lib.deletedN', params: { n: name } }, action: { id: 'undo-libdel', key: 'lib.undoDelete', item: r.item }, tag: 'libdel' });
    },
    /** Puts back the scenario a notice's « Annuler » holds. */
    restore(item) {
      const r = restoreScenario(item);
      list(r.ok ? { key: 'lib.restored', params: { n: item.name } } : libFail(r, item.name));
    },
    /** The two picked, their key figures from the core. */
    compare() {
      const { library } = store.getState();
      const all = loadLibrary();
      const items = library.picked.map((n) => all.find((x) => x.name === n)).filter(Boolean);
      if (items.length !== 2) return;
      const side = items.map((it) => {
        let result;
        try { result = roi.evaluate(it.link === undefined ? it.scenario : roi.decodeLink(it.link).scenario); } catch { result = { ok: false }; }
        return { name: it.name, result };
      });
      dispatch({ type: 'libSide', side });
    },
  };
}
