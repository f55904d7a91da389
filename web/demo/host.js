// The host page's side: listens to the widget's events, as a site would to
// fill its own lead form or CRM, and lists them.
const seen = [];
window.roiEvents = seen;
for (const id of ['full', 'compact', 'mobile']) {
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
