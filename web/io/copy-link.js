// « Copier le lien »: the address of the scenario shown to the clipboard,
// or, with no clipboard (permissions, http), the link shown selected to copy
// by hand; a scenario too big for a link says so (size, limit) and copies
// nothing.  Each message goes after 4 s.
import { shareUrl } from './links.js';
import { $ } from '../components/dom.js';

let flashTimer = 0;
export async function copyLink(store) {
  const { dispatch } = store;
  const flash = () => {
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => dispatch({ type: 'copy', message: null }), 4000);
  };
  const { tooLong } = store.getState();
  if (tooLong) {
    dispatch({ type: 'copy', message: { key: 'linkLongShort', num: tooLong } });
    return flash();
  }
  const url = shareUrl();
  try {
    await navigator.clipboard.writeText(url);
    dispatch({ type: 'copy', message: 'copied' });
  } catch {
    dispatch({ type: 'copy', message: 'copyManual', manual: url });
    $('linkfield').focus();
    $('linkfield').select();
  }
  flash();
}
