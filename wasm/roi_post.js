// roi_post.js - appended (--post-js) to both engines' MINIMAL_RUNTIME
// loaders, which keep the module's exports in their own scope: once the
// module is instantiated, hand roi_bind.js the functions it calls, by the
// names Emscripten's full loader would give them.  The lite engine (the
// widget's) has no simulation, QR code, field or code table: the full one
// hands those over in roi_post_full.js, appended after this file.
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
  return Module;
});
