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
  // 12 significant digits: the figure, without binary noise a spreadsheet
  // would show (46,080000000000005 meetings held is 46,08).
  v = Number(v.toPrecision(12));
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

/* ---- the scenario document: what export, import, the library and the host
 * payload hand over.  engine: the roi.js module (evaluate, encodeLink,
 * decodeLink), a parameter so that this stays testable without the page. */

const tooLongOf = (e) => (e && Array.isArray(e.errors) ? e.errors.find((x) => x.code === 'link_too_long') : undefined);
const internal = (e) => ({ ok: false, errors: [{ field: '', code: 'internal', params: {}, message: String((e && e.message) || e) }] });

/** The link of a valid scenario (object or JSON text), without '#'.  Never
 *  throws: { ok: true, link } when it fits, { ok: true, link: null,
 *  tooLong: { bytes, max } } when the link would pass the core's limit
 *  (8 KiB), { ok: false, errors } for an invalid scenario. */
export function linkFor(engine, scenario) {
  try {
    return { ok: true, link: engine.encodeLink(scenario) };
  } catch (e) {
    const tl = tooLongOf(e);
    if (tl) return { ok: true, link: null, tooLong: { bytes: tl.params.bytes, max: tl.params.max } };
    return Array.isArray(e && e.errors) ? { ok: false, errors: e.errors } : internal(e);
  }
}

/** A scenario (object or JSON text) as the document to save, export or hand
 *  to the host, whatever its size.  Never throws.  Returns
 *    { ok: true, scenario, link, tooLong, canonical }
 *  scenario: the canonical document (every field written out) from the core's
 *  canonical() — of any size — canonical true; link its link, or null with
 *  tooLong { bytes, max } when no link can hold it;
 *  or { ok: false, errors } (the core's errors) for an invalid scenario.
 *  An engine without canonical() (tests) falls back to the link's round trip,
 *  or to the validated scenario itself (canonical false). */
export function scenarioDocument(engine, scenario) {
  try {
    if (typeof engine.canonical === 'function') {
      const c = engine.canonical(scenario);
      if (!c.ok) return { ok: false, errors: c.errors };
      const l = linkFor(engine, c.scenario);
      if (!l.ok) return { ok: false, errors: l.errors };
      return { ok: true, scenario: c.scenario, link: l.link, tooLong: l.tooLong || null, canonical: true };
    }
    const l = linkFor(engine, scenario);
    if (!l.ok) {
      // encodeLink names the first problem; evaluate names them all.
      const r = engine.evaluate(scenario);
      return { ok: false, errors: r.ok ? l.errors : r.errors };
    }
    if (l.link !== null) return { ok: true, scenario: engine.decodeLink(l.link).scenario, link: l.link, tooLong: null, canonical: true };
    const r = engine.evaluate(scenario);
    if (!r.ok) return { ok: false, errors: r.errors };
    const copy = JSON.parse(typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
    return { ok: true, scenario: copy, link: null, tooLong: l.tooLong, canonical: false };
  } catch (e) {
    return internal(e);
  }
}

/** The text of a scenario file: the document, indented, with a final line break. */
export function scenarioJson(doc) {
  return JSON.stringify(doc, null, 2) + '\n';
}
