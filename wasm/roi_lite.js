// roi_lite.js - the widget's engine: the same C core built without the
// simulation, the QR encoder and the field and code tables (ROI_WASM_LITE),
// about two thirds of the full module, behind Emscripten's minimal runtime
// (which takes the module's bytes from here).  Same API as roi.js for what
// it has: evaluate, evaluateText, encodeLink, decodeLink, version; the same
// bytes.
import createRoiModule from './roi_lite_core.js';
import { bind } from './roi_bind.js';

// Written from the parent folder so that the address holds both here
// (engine/) and once bundled into the widget's module (widget/widget.js).
const url = new URL('../engine/roi_lite_core.wasm', import.meta.url);
const isNode = typeof process === 'object' && !!process.versions && !!process.versions.node;
const wasm = isNode ? await (await import('node:fs/promises')).readFile(url) : await (await fetch(url)).arrayBuffer();
const api = bind(await createRoiModule({ wasm }));

export const { evaluate, evaluateText, encodeLink, decodeLink, version } = api;
