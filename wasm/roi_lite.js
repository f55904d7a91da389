// roi_lite.js - the widget's engine: the same C core built without the
// simulation, the QR encoder and the field and code tables (ROI_WASM_LITE),
// about two thirds of the full module.  Same API as roi.js for what it has:
// evaluate, evaluateText, encodeLink, decodeLink, version; the same bytes.
import createRoiModule from './roi_lite_core.js';
import { load, bind } from './roi_bind.js';

const api = bind(await load(createRoiModule, new URL('./roi_lite_core.wasm', import.meta.url)));

export const { evaluate, evaluateText, encodeLink, decodeLink, version } = api;
