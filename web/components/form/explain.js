// The core's message for a field, in the page's language and units,
// translated from the core's code and params (docs/ERRORS.md); never parsed.
import { fieldOf } from '../../fields.js';

export function explain(err, t, fmt) {
  const fd = fieldOf(err.field) || { kind: 'num' };
  const show = (x) => {
    const v = Number(x);
    if (!Number.isFinite(v)) return x;
    return fd.kind === 'pct' ? fmt.pct(v) : fmt.num(v);
  };
  const p = err.params || {};
  switch (err.code) {
    case 'range': return t('e:range', { a: show(p.min), b: show(p.max), g: show(p.got) });
    case 'range_above': return t('e:gt', { a: show(p.min) }) + ', ≤ ' + show(p.max) + ' (' + show(p.got) + ')';
    case 'too_long': return t('e:maxlen', { n: p.max });
    case 'currency': return t('e:currency');
    case 'needs_count': return t('e:model', { e: t('o:funnel.entry:' + p.entry) });
    case 'needs_held': return t('e:internal', { e: t('o:funnel.entry:' + p.entry) });
    case 'link_too_long': return t('e:linkLong', { bytes: fmt.num(p.bytes), max: fmt.num(p.max) });
    default: break;
  }
  return err.message;
}
