// The way back from a scenario replaced (reset, an example, a file, a
// saved scenario, a channel removed): « Revenir à mon scénario » in a
// notice.  Loaded with the engine (io/actions.js): it judges whether the
// scenario replaced was worth keeping (untouchedExample) and gives its words
// back in the page's language (pageWords).
import { untouchedExample, pageWords } from './links.js';
import { observedCounts } from '../state/observed.js';
import { $ } from '../components/dom.js';

export function wayBackActions(store, roi) {
  const { dispatch } = store;
  /** Replaces the scenario shown (replace() returns whether it did), with a
   *  way back: the scenario replaced rides in a notice, « Revenir à mon
   *  scénario » reopens it, with its counts typed in retrospective mode and
   *  « Préparé pour » (client).  An example nobody changed is not worth one,
   *  unless always (an import says it was done either way).  focus: the id
   *  the focus goes back to; place: the box the notice shows in (update.js). */
  function wayBack(title, replace, { client = '', always = false, focus = 'reset', place } = {}) {
    const state = store.getState();
    const { valid, view, observed, library } = state;
    const worth = valid && (client || !untouchedExample(roi, state));
    const counts = view.retro ? observedCounts(observed, view.lang) : null;
    // A way back offered already (reset, then another scenario opened over
    // the untouched example): it still leads to the work before, under the
    // words of what was just done.
    const before = state.notices.find((n) => n.tag === 'reset' && n.action)?.action;
    if (!replace()) return;
    // What « Revenir » gives back: the scenario, its counts, « Préparé pour »,
    // the name in « Mes scénarios » (the one it would be saved under) and
    // where the focus goes back to.
    const action = worth ? { id: 'undo-reset', key: 'undo', scenario: valid, counts, client, lib: { name: library.name, current: library.current }, focus, lang: view.lang } : before;
    if (action) dispatch({ type: 'notice', kind: 'info', title, action, tag: 'reset', place });
    else if (always) dispatch({ type: 'notice', kind: 'info', title, tag: 'done' }); // not over a way back still offered
  }
  /** « Revenir à mon scénario »: what wayBack's notice holds (its action),
   *  given back as it was left. */
  function giveBack(a) {
    dispatch({ type: 'load', scenario: a.scenario }); // as it was: no view currency applied over it
    if (a.counts) dispatch({ type: 'retro', on: true, counts: a.counts });
    if (a.client) dispatch({ type: 'prepared', who: 'for', text: a.client });
    if (a.lib) dispatch({ type: 'libRestore', ...a.lib });
    // Given back in another language than it was left in: the words the page wrote follow.
    const lang = store.getState().view.lang;
    if (a.lang && a.lang !== lang) for (const edit of pageWords(roi, a.scenario, a.lang, lang)) dispatch({ type: 'edit', ...edit });
    $(a.focus || 'reset').focus();
  }

  /** The notice whose action button b is: dismissed; returns its action. */
  function takeNotice(b) {
    const n = store.getState().notices.find((x) => x.id === Number(b.closest('.notice').dataset.notice));
    dispatch({ type: 'dismiss', id: n.id });
    return n.action;
  }
  return { wayBack, giveBack, takeNotice };
}
