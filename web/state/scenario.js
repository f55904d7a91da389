// Scenario paths: "funnel.close_rate", "costs.fixed[1].amount",
// "channels[2].funnel.entry".  Reading, immutable writing, and moving the
// per-path maps (typed texts, errors) when a list item goes or comes.

// Renderers read a few hundred paths on every keystroke, always the same
// ones: each path is split once (the keys are never modified by callers).
const split = new Map();
export function splitPath(path) {
  let keys = split.get(path);
  if (!keys) split.set(path, keys = Object.freeze(path.replace(/\[(\d+)\]/g, '.$1').split('.')));
  return keys;
}

/** Value at a path (undefined when any step is missing). */
export function getPath(obj, path) {
  let o = obj;
  for (const k of splitPath(path)) {
    if (o == null || typeof o !== 'object') return undefined;
    o = o[k];
  }
  return o;
}

/** A copy of obj with the value at path set (or, for undefined, deleted);
 *  missing objects on the way are created.  obj itself is not touched. */
export function setPath(obj, path, value) {
  const keys = splitPath(path);
  const root = structuredClone(obj ?? {});
  let o = root;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  return root;
}

/** A per-path map ({path: x}) without the entries of list `list` (a prefix
 *  such as "channels" or "costs.fixed"), or with them re-indexed after item
 *  `removed` left: items after it move down by one. */
export function dropList(map, list) {
  const out = {};
  for (const [k, v] of Object.entries(map)) if (!k.startsWith(list + '[')) out[k] = v;
  return out;
}

export function shiftList(map, list, removed) {
  const re = new RegExp('^' + list.replace(/[.[\]]/g, '\\$&') + '\\[(\\d+)\\](.*)$');
  const out = {};
  for (const [k, v] of Object.entries(map)) {
    const m = re.exec(k);
    if (!m) { out[k] = v; continue; }
    const i = Number(m[1]);
    if (i === removed) continue;
    out[i > removed ? `${list}[${i - 1}]${m[2]}` : k] = v;
  }
  return out;
}

/** A map without the given keys. */
export function omit(map, keys) {
  const out = { ...map };
  for (const k of keys) delete out[k];
  return out;
}
