// roi_post_full.js - appended (--post-js) to the full engine's loader after
// roi_post.js: the exports only the full engine has (simulation, QR code,
// canonical document, field and code tables), by the names roi_bind.js's
// bindFull calls.  Kept apart so that the widget's lite loader carries none
// of it.
Module['ready'] = Module['ready'].then(function () {
  Module['_roi_wasm_simulate'] = _roi_wasm_simulate;
  Module['_roi_wasm_qr_svg'] = _roi_wasm_qr_svg;
  Module['_roi_wasm_qr_max'] = _roi_wasm_qr_max;
  Module['_roi_wasm_canonical'] = _roi_wasm_canonical;
  Module['_roi_wasm_fields'] = _roi_wasm_fields;
  Module['_roi_wasm_codes'] = _roi_wasm_codes;
  return Module;
});
