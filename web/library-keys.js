// Where « Mes scénarios » lives in localStorage: the library's keys, read
// by library.js and, without loading it, by io/snapshot.js and the first
// paint's guard (a browser that holds saved scenarios opens with the engine
// and its library at once).
export const KEY = 'roi-calculator.library.v2';
export const KEY_V1 = 'roi-calculator.library.v1';

/** Whether this browser may hold saved scenarios (or will not say: storage refused). */
export function savedHere() {
  try {
    return localStorage.getItem(KEY) !== null || localStorage.getItem(KEY_V1) !== null;
  } catch {
    return true;
  }
}
