// roi.js - the calculator engine (C core compiled to WebAssembly) behind a
// plain JavaScript API (wasm/roi_bind.js documents each function).
//
//   import * as roi from './roi.js';
//   roi.evaluate({ funnel: { entry: 'meetings', volume: 50 } })  // result document
//   roi.version
import createRoiModule from './roi_core.js';
import { load, bind } from './roi_bind.js';

const api = bind(await load(createRoiModule, new URL('./roi_core.wasm', import.meta.url)));

export const {
  evaluate, evaluateText, simulate, simulateText, encodeLink, decodeLink, qrSvg, codes,
  canonical, canonicalText, fieldsText, fields, version,
} = api;
