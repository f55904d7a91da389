// roi_host.js - the number conversions of the WebAssembly core (roi_num.h),
// linked in with --js-library.  JavaScript's Number() and toExponential()
// are exactly rounded, so the module needs neither musl's strtod nor its
// printf, which work in 128-bit long double emulated in software and weighed
// a quarter of the module.  The one difference, ties (toExponential rounds
// them away from zero, the C library to even), is settled exactly with
// BigInt.  The WebAssembly tests compare every output with the CLI's bytes.
mergeInto(LibraryManager.library, {
  // strtod on text that starts with a decimal number; *used = its length.
  roi_host_parse: function (text, used) {
    var m = /^[+-]?(?:[0-9]+[.]?[0-9]*|[.][0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(UTF8ToString(text));
    HEAP32[used >> 2] = m ? m[0].length : 0;
    return m ? Number(m[0]) : 0;
  },

  // snprintf(buf, 32, "%.*g", digits, value) for a finite value.
  roi_host_format_g: function (value, digits, buf) {
    var a = Math.abs(value);
    var t = a.toExponential(digits - 1);
    var longer = a.toExponential(digits);
    var e = longer.indexOf('e');
    if (longer.charAt(e - 1) === '5') {
      // A tie when longer (digits + 1 of them, the last a 5) is exactly a:
      // compare d * 10^e10 with m * 2^k in integers.
      var d = BigInt(longer.slice(0, e).replace('.', ''));
      var e10 = Number(longer.slice(e + 1)) - digits;
      var view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, a);
      var hi = view.getUint32(0), lo = view.getUint32(4);
      var be = hi >>> 20;
      var m = BigInt(hi & 0xfffff) * BigInt(4294967296) + BigInt(lo);
      if (be === 0) be = 1; else m += BigInt(4503599627370496); // 2^52
      var k = be - 1075, l = d, r = m;
      var scale = BigInt(1), ten = BigInt(10);
      for (var i = Math.abs(e10); i > 0; i--) scale *= ten;
      if (e10 >= 0) l *= scale; else r *= scale;
      if (k >= 0) r <<= BigInt(k); else l <<= BigInt(-k);
      var kept = (d / BigInt(10)).toString();
      if (l === r && Number(kept.charAt(kept.length - 1)) % 2 === 0) {
        // To even: the digits without the 5 (no carry), same exponent.
        t = kept.charAt(0) + (kept.length > 1 ? '.' + kept.slice(1) : '') + longer.slice(e);
      }
    }
    var x = t.indexOf('e');
    var ds = t.slice(0, x).replace('.', '');
    var exp = Number(t.slice(x + 1));
    var out;
    if (exp < -4 || exp >= digits) {
      out = (ds.charAt(0) + '.' + ds.slice(1)).replace(/0+$/, '').replace(/[.]$/, '') +
        'e' + (exp < 0 ? '-' : '+') + (Math.abs(exp) < 10 ? '0' : '') + Math.abs(exp);
    } else if (exp < 0) {
      out = ('0.' + '0'.repeat(-exp - 1) + ds).replace(/0+$/, '');
    } else {
      out = (ds.slice(0, exp + 1) + '.' + ds.slice(exp + 1)).replace(/0+$/, '').replace(/[.]$/, '');
    }
    if (value < 0 || Object.is(value, -0)) out = '-' + out;
    // ASCII (at most 25 characters): written byte by byte, no encoder.
    for (var j = 0; j < out.length; j++) HEAPU8[buf + j] = out.charCodeAt(j);
    HEAPU8[buf + out.length] = 0;
    return out.length;
  },
});
