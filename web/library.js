// The scenario library: named scenarios saved in this browser only
// (localStorage), as their links.  What comes back from storage is treated
// like any link: decoded and validated by the core before use.
const KEY = 'roi-calculator.library.v1';
const MAX = 100;

export function loadLibrary() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(items)
      ? items.filter((x) => x && typeof x.name === 'string' && typeof x.link === 'string').slice(0, MAX)
      : [];
  } catch {
    return []; // storage refused (private mode) or unreadable: an empty library
  }
}

function store(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
    return true;
  } catch {
    return false;
  }
}

/** Saves (or replaces, by name) a scenario link; false when storage refused. */
export function saveScenario(name, link) {
  const items = loadLibrary().filter((x) => x.name !== name);
  items.unshift({ name, link, saved: new Date().toISOString() });
  return store(items.slice(0, MAX));
}

export function renameScenario(oldName, newName) {
  const items = loadLibrary();
  if (items.some((x) => x.name === newName)) return false;
  const item = items.find((x) => x.name === oldName);
  if (!item) return false;
  item.name = newName;
  return store(items);
}

export function deleteScenario(name) {
  return store(loadLibrary().filter((x) => x.name !== name));
}
