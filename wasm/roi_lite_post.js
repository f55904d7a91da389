// roi_lite_post.js - appended (--post-js) to the widget's MINIMAL_RUNTIME
// loader, which keeps the module's exports in its own scope: once the
// module is instantiated, hand roi_bind.js the functions it calls, by the
// names the full loader gives them.
Module['ready'] = Module['ready'].then(function () {
  Module['_malloc'] = _malloc;
  Module['_free'] = _free;
  Module['_roi_wasm_free'] = _roi_wasm_free;
  Module['_roi_wasm_evaluate'] = _roi_wasm_evaluate;
  Module['_roi_wasm_version'] = _roi_wasm_version;
  Module['_roi_wasm_link_encode'] = _roi_wasm_link_encode;
  Module['_roi_wasm_link_decode'] = _roi_wasm_link_decode;
  return Module;
});
