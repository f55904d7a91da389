// roi_lite.js - the widget's engine: the same C core built without the
// simulation, the QR encoder and the field and code tables (ROI_WASM_LITE),
// about two thirds of the full module, behind Emscripten's minimal runtime
// (which takes the module's bytes from here).  Same API as roi.js for what
// it has: evaluate, evaluateText, encodeLink, decodeLink, version; the same
// bytes.
import createRoiModule from './roi_lite_core.js';
import { load, bind } from './roi_bind.js';

// Beside this file; the widget's bundle, which holds this module, gives the
// address from where it is served (esbuild --define:ROI_LITE_WASM).
const url = new URL(typeof ROI_LITE_WASM === 'string' ? ROI_LITE_WASM : './roi_lite_core.wasm', import.meta.url);
const api = bind(await load(createRoiModule, url));

export const { evaluate, evaluateText, encodeLink, decodeLink, version } = api;
