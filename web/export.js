// Taking results away: CSV (RFC 4180) and JSON files built in the browser.
// A French spreadsheet expects ";" between fields and "," as decimal mark;
// an English one "," and ".".  The byte-order mark makes Excel read UTF-8.

/** One field, quoted when it holds the separator, a quote or a line break. */
export function csvField(value, sep) {
  const s = value === null || value === undefined ? '' : String(value);
  return s.includes(sep) || /["\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** A number as a spreadsheet reads it: plain digits, the language's decimal
 *  mark, no grouping; empty for null. */
export function csvNumber(v, lang) {
  if (v === null || v === undefined) return '';
  const s = Number.isInteger(v) || Math.abs(v) >= 1e-6 ? String(v) : v.toFixed(12).replace(/0+$/, '');
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** rows: arrays of cells (strings as text, numbers through csvNumber). */
export function toCsv(rows, lang) {
  const sep = lang === 'fr' ? ';' : ',';
  const line = (r) => r.map((c) => csvField(typeof c === 'number' || c === null ? csvNumber(c, lang) : c, sep)).join(sep);
  return '\ufeff' + rows.map(line).join('\r\n') + '\r\n';
}

/** Offers text as a file download (nothing leaves the machine). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the scenario's name: letters, digits and dashes. */
export function fileName(name, suffix) {
  const base = (name || 'scenario').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'scenario';
  return base + suffix;
}
