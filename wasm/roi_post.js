// roi_post.js - appended (--post-js) to both engines' MINIMAL_RUNTIME
// loaders, which keep the module's exports in their own scope: once the
// module is instantiated, hand roi_bind.js the functions it calls, by the
// names Emscripten's full loader would give them.  The lite engine (the
// widget's) has no simulation, QR code, field or code table: those five
// exist in the full one only.
Module['ready'] = Module['ready'].then(function () {
  // The heap's bytes as they are now (a view that memory growth replaces).
  Module['heap'] = function () { return HEAPU8; };
  Module['_malloc'] = _malloc;
  Module['_free'] = _free;
  Module['_roi_wasm_free'] = _roi_wasm_free;
  Module['_roi_wasm_evaluate'] = _roi_wasm_evaluate;
  Module['_roi_wasm_version'] = _roi_wasm_version;
  Module['_roi_wasm_link_encode'] = _roi_wasm_link_encode;
  Module['_roi_wasm_link_decode'] = _roi_wasm_link_decode;
  if (typeof _roi_wasm_simulate !== 'undefined') {
    Module['_roi_wasm_simulate'] = _roi_wasm_simulate;
    Module['_roi_wasm_qr_svg'] = _roi_wasm_qr_svg;
    Module['_roi_wasm_qr_max'] = _roi_wasm_qr_max;
    Module['_roi_wasm_canonical'] = _roi_wasm_canonical;
    Module['_roi_wasm_fields'] = _roi_wasm_fields;
    Module['_roi_wasm_codes'] = _roi_wasm_codes;
  }
  return Module;
});
