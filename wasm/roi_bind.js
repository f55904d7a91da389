// roi_bind.js - the engine's JavaScript API over an instantiated Emscripten
// module (h3-js style: pointers and the heap stay in here).  roi.js binds the
// full engine (bind + bindFull), roi_lite.js the widget's (bind: evaluation
// and links only); both export the same functions for what they have, so
// code written for one runs on the other.
const isNode = typeof process === 'object' && !!process.versions && !!process.versions.node;

/** Instantiates an Emscripten module factory (its minimal runtime) with
 *  the bytes of the .wasm file at wasmUrl: fetched, or in Node read from
 *  the file (Node cannot fetch() a side file). */
export async function load(create, wasmUrl) {
  const wasm = isNode ? await (await import('node:fs/promises')).readFile(wasmUrl) : await (await fetch(wasmUrl)).arrayBuffer();
  return create({ wasm });
}

const utf8 = new TextEncoder();

/** Calls fn(pointer, length, ...extra) with text copied into mod's heap as
 *  UTF-8 (the platform's encoder: Emscripten's is left out of the loaders),
 *  returns the string the core produced and frees both. */
function callWithText(mod, fn, text, ...extra) {
  const bytes = utf8.encode(text);
  const input = mod._malloc(bytes.length + 1);
  if (!input) throw new Error('roi: out of memory');
  let output = 0;
  try {
    const heap = mod.heap(); // after malloc, which may have grown the memory
    heap.set(bytes, input);
    heap[input + bytes.length] = 0;
    output = fn(input, bytes.length, ...extra);
    if (!output) throw new Error('roi: out of memory');
    return mod.UTF8ToString(output);
  } finally {
    mod._free(input);
    if (output) mod._roi_wasm_free(output);
  }
}

const toText = (scenario) => (typeof scenario === 'string' ? scenario : JSON.stringify(scenario));

/** The engine's API over an instantiated module, full or lite: evaluation
 *  and links (evaluate, evaluateText, encodeLink, decodeLink, version).
 *  roi.js adds bindFull()'s; roi_lite.js, bundled for the site, leaves
 *  them out. */
export function bind(mod) {
  /** Evaluates a scenario (object or JSON text); returns the result document:
   *  { ok: true, ... } or { ok: false, errors: [{ field, code, params, message }],
   *  warnings } (codes: docs/ERRORS.md and codes()). */
  function evaluate(scenario) {
    return JSON.parse(evaluateText(toText(scenario)));
  }

  /** Same as evaluate, with the result as JSON text (byte-identical to the CLI). */
  function evaluateText(text) {
    return callWithText(mod, mod._roi_wasm_evaluate, text);
  }

  /** Encodes a scenario as a link fragment (without '#'): short key=value
   *  pairs, defaults left out.  Every link it returns opens ('#' + link is at
   *  most 8 KiB).  Throws an Error carrying .errors ([{ field, code, params,
   *  message }]) when the scenario is invalid, or when its link would be too
   *  long: then .errors is [{ field: '', code: 'link_too_long', params:
   *  { bytes, max: 8192 } }] (long names and labels in many channels). */
  function encodeLink(scenario) {
    const doc = JSON.parse(callWithText(mod, mod._roi_wasm_link_encode, toText(scenario)));
    if (!doc.ok) {
      const what = doc.errors.some((e) => e.code === 'link_too_long') ? 'link too long' : 'invalid scenario';
      const err = new Error(`roi: ${what}: ` + doc.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
      err.errors = doc.errors;
      throw err;
    }
    return doc.link;
  }

  /** Decodes a link fragment (with or without '#', or a whole URL).  Tolerant:
   *  returns { scenario, warnings } with every good field kept and each dropped
   *  one named in warnings ({ field, code, params, message }).  Throws an Error
   *  carrying .errors for a link over 8 KiB (code link_too_long) or of another
   *  format version than 1 or 2 (code link_version). */
  function decodeLink(text) {
    const doc = JSON.parse(callWithText(mod, mod._roi_wasm_link_decode, String(text)));
    if (!doc.ok) {
      const err = new Error('roi: ' + doc.errors.map((e) => e.message).join('; '));
      err.errors = doc.errors;
      throw err;
    }
    return { scenario: doc.scenario, warnings: doc.warnings };
  }

  /** Version of the engine, e.g. "0.1.0". */
  const version = mod.UTF8ToString(mod._roi_wasm_version());

  return { evaluate, evaluateText, encodeLink, decodeLink, version };
}

/** What only the full engine (roi.js) has: the simulation, QR codes, the
 *  canonical document and the field and code tables. */
export function bindFull(mod) {
  /** Monte Carlo simulation: { samples = 10000, seed = 1 } (whole numbers,
   *  samples 1 to 1 000 000, seed 0 to 2^53 - 1).  Returns the simulation
   *  document: { ok: true, samples, seed, fields, p_loss, roi: {p10, p50, p90,
   *  mean}, net: {...}, histogram: { edges, counts }, channels } or
   *  { ok: false, errors, warnings }.  Same inputs, same bytes as the CLI. */
  function simulate(scenario, { samples = 10000, seed = 1 } = {}) {
    return JSON.parse(simulateText(toText(scenario), { samples, seed }));
  }

  /** Same as simulate, with the document as JSON text. */
  function simulateText(text, { samples = 10000, seed = 1 } = {}) {
    return callWithText(mod, mod._roi_wasm_simulate, text, Number(samples), Number(seed));
  }

  /** SVG text of the QR code of a link or any text (UTF-8), for an <img> or
   *  inline: numbers only, never the input's text; white quiet zone included,
   *  no width or height (size it with CSS).  null when the text is too long for
   *  a QR code (over 2953 bytes of UTF-8). */
  function qrSvg(text) {
    const s = String(text);
    if (utf8.encode(s).length > mod._roi_wasm_qr_max()) return null;
    return callWithText(mod, mod._roi_wasm_qr_svg, s);
  }

  /** The table of error and warning codes (docs/ERRORS.md): [{ code, params:
   *  ['min', 'max', 'got'], message: 'must be between {min} and {max} (got
   *  {got})' }, ...].  Every entry of errors and warnings has a code from it and
   *  its params; translate from those, never from the English message. */
  function codes() {
    const output = mod._roi_wasm_codes();
    if (!output) throw new Error('roi: out of memory');
    try {
      return JSON.parse(mod.UTF8ToString(output));
    } finally {
      mod._roi_wasm_free(output);
    }
  }

  /** The canonical scenario document: every field written out, defaults
   *  included, unknown keys dropped with a warning, for a scenario of any size
   *  (no link involved).  Returns { ok: true, scenario, warnings } or
   *  { ok: false, errors, warnings }; same bytes as `roi canonical`. */
  function canonical(scenario) {
    return JSON.parse(canonicalText(toText(scenario)));
  }

  /** Same as canonical, with the answer as JSON text. */
  function canonicalText(text) {
    return callWithText(mod, mod._roi_wasm_canonical, text);
  }

  /** The field list of the scenario document as JSON text, byte-identical to
   *  `roi fields` (without its final line break). */
  function fieldsText() {
    const output = mod._roi_wasm_fields();
    if (!output) throw new Error('roi: out of memory');
    try {
      return mod.UTF8ToString(output);
    } finally {
      mod._roi_wasm_free(output);
    }
  }

  /** Every field of the scenario document, from the core's tables:
   *  { version: 1, fields: [{ path, kind, key, unit, scope, default, nullable,
   *  min, max, min_exclusive, whole | values | max_chars | min_items, max_items,
   *  item }, ...] }.  Build forms and link keys from it rather than copying
   *  defaults, bounds or enum names. */
  function fields() {
    return JSON.parse(fieldsText());
  }

  return { simulate, simulateText, qrSvg, codes, canonical, canonicalText, fieldsText, fields };
}
