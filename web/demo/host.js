// The host page's side, as a site would write it: listens to the widgets'
// events (to fill its own lead form and list them), switches its tabs and
// opens its modal.  No code of the calculator runs here but embed.js.
const seen = [];
window.roiEvents = seen;
const ids = ['ppm', 'in-house', 'hourly', 'leads', 'side', 'modal-box', 'full'];
for (const id of ids) {
  const box = document.getElementById(id);
  for (const type of ['roi:ready', 'roi:change', 'roi:cta']) {
    box.addEventListener(type, (e) => {
      seen.push({ widget: id, type, detail: e.detail });
      const li = document.createElement('li');
      const roi = e.detail.results && e.detail.results.roi;
      li.textContent = `${id} · ${type}` + (roi === undefined || roi === null ? '' : ` · ROI ${Math.round(roi * 100)} %`);
      document.getElementById('events').append(li);
    });
  }
}

// The lead form keeps the figures of the first widget (docs/INTEGRATION.md).
const form = document.getElementById('lead');
function fill(e) {
  const r = e.detail.results;
  form.elements.roi_link.value = e.detail.link || '';
  form.elements.roi_roi_percent.value = r && r.roi !== null ? String(Math.round(r.roi * 100)) : '';
  form.elements.roi_net.value = r && r.net !== null ? String(r.net) : '';
  document.getElementById('captured').textContent = r
    ? `Chiffres reçus : ROI ${form.elements.roi_roi_percent.value} %, résultat net ${form.elements.roi_net.value} ${r.currency}.`
    : 'Le formulaire reçoit les chiffres du calculateur.';
}
for (const type of ['roi:ready', 'roi:change', 'roi:cta']) document.getElementById('ppm').addEventListener(type, fill);

// Tabs (WAI-ARIA tabs pattern): a click or the arrow keys show a panel.
const tabs = [...document.querySelectorAll('[role="tab"]')];
function show(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
}
for (const [i, t] of tabs.entries()) {
  t.addEventListener('click', () => show(t));
  t.addEventListener('keydown', (e) => {
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1 }[e.key];
    if (next === undefined) return;
    const to = tabs[(next + tabs.length) % tabs.length];
    show(to);
    to.focus();
  });
}

// The modal.
document.getElementById('open-modal').addEventListener('click', () => document.getElementById('modal').showModal());
