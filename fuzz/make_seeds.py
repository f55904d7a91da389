#!/usr/bin/env python3
"""Writes the seed corpora (fuzz/corpus/<harness>/) and the dictionaries
(fuzz/<harness>.dict) from the fixtures, the frozen links and the core's field
list.  Run it again when the fixtures or the fields change, and commit what it
writes:

    python3 fuzz/make_seeds.py build/release/roi

The argument is a built `roi` command (any build): it prints the field list
(`roi fields`), a fixture's link (`roi link encode`) and a scenario's canonical
document (`roi canonical`).  Only text files are written, one seed per file.
"""
import json
import re
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FUZZ = ROOT / "fuzz"
CORPUS = FUZZ / "corpus"


def run(roi, *args, stdin=None):
    return subprocess.run([roi, *args], input=stdin, capture_output=True, check=False).stdout


def write(harness, name, data):
    path = CORPUS / harness / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    roi = sys.argv[1]
    shutil.rmtree(CORPUS, ignore_errors=True)

    fixtures = sorted(FIXTURES.glob("*.json"))
    frozen = sorted((FIXTURES / "links").glob("*.link"))

    # ---- links: the frozen ones as printed, each fixture's own, and a few
    # that reach the refusals and the less common keys.
    links = {}
    for f in frozen:
        links["frozen-" + f.stem] = f.read_bytes().rstrip(b"\r\n")
    for f in fixtures:
        links["fixture-" + f.stem] = run(roi, "link", "encode", str(f)).strip()
    links.update({
        "hand-version-3": b"v=3&entry=meetings&vol=50",
        "hand-two-versions": b"v=1&entry=deals&v=2&q=3",
        "hand-v2-channels": b"v=2&n=Appels&e=3&q=50&w=0.25&d=6000&pm=120&b=4&c=Emailing&e=1"
                            b"&q=2000&l=0.02&b=6&ff=1500&c=Salon&f=300:Stand&c=&mo=2&c=Vide",
        "hand-v2-v1-keys": b"v=2&entry=meetings&vol=40&close=0.2&c=Mix&vol=10&x=meetings,held"
                           b"&ra=0.5,1&r.w=0.1:0.3&r.close=0.2:0.4&sp=0.1&rm=0.5&e=9",
        "hand-channels": b"v=1&c0.n=Emailing&c0.entry=contacts&c0.vol=2000&c0.lead=0.02"
                         b"&c1.model=flat&c1.flat=5000&c19.n=Salon&c3.mo=2",
        "hand-ranges": b"v=1&r.close=0.2:0.3&r.deal=5000:7000&r.vol=10:90&spread=0.1"
                       b"&rmin=0.5&rshift=0.3&r.margin=0.5:0.4",
        "hand-schedule-goal": b"v=1&skip=meetings,held&ramp=0.4,0.7,0.9&goal=deals&gv=10"
                              b"&mo=3&setup=100&entry=contacts",
        "hand-bad-values": b"v=1&close=25%25&deal=1e12&margin=.5&vol=-1&x=y&&=&pmeet"
                           b"&hz=1e999&tl=0x10&fix=-5:&fix=3",
        "hand-text": b"n=%F0%9F%98%80+%E2%82%AC+%C3%A9t%C3%A9&cur=GBP&round=expected"
                     b"&basis=held&model=hybrid&bonus=20&rate=40&comm=0.1&ihm=0.5&ihr=60",
        "hand-url": b"https://calc.example/index.html?lang=en&samples=100#v=1&entry=deals"
                    b"&vol=2&deal=1000&pdeal=100&model=per_deal",
    })
    for name, link in links.items():
        write("link", name, link)

    # ---- scenario documents: the fixtures as written, the canonical documents
    # of the frozen links (every field written out), a few broken ones.
    docs = {}
    for f in fixtures + sorted((FIXTURES / "invalid").glob("*.json")):
        docs["fixture-" + f.stem] = f.read_bytes()
    seen = {bytes(v) for v in docs.values()}
    for f in sorted((FIXTURES / "links").glob("*.json")):
        scenario = json.loads(f.read_text())
        text = json.dumps(scenario, ensure_ascii=False, separators=(",", ":")).encode()
        if text not in seen:
            seen.add(text)
            docs["frozen-" + f.stem] = text
    docs.update({
        "hand-nul-escape": b'{"name": "a\\u0000b", "funnel": {"entry": "deals", "volume": 1}}',
        "hand-deep": b'{"channels": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}',
        "hand-trailing": b'{"version": 1} {"version": 1}',
        "hand-types": b'{"version": "1", "name": 5, "funnel": {"volume": null, "entry": 3},'
                      b' "value": [], "costs": {"fixed": {}}, "schedule": {"ramp": [2, -1]}}',
        "hand-every-model": b'{"funnel": {"entry": "calls", "volume": 1000, "contact_rate": 0.3},'
                            b' "channels": ['
                            + b",".join(b'{"costs": {"model": "%s"}}' % m for m in
                                        (b"in_house", b"hourly", b"hybrid", b"per_call",
                                         b"per_meeting", b"per_deal", b"flat"))
                            + b"]}",
        "hand-extremes": b'{"horizon_months": 600, "target_roi": 1000, "funnel": {"entry":'
                         b' "deals", "volume": 1e12, "rounding": "expected"}, "value":'
                         b' {"deal_value": 1e12, "monthly_value": 1e12, "lifetime_months": 600,'
                         b' "sales_cycle_months": 120}, "schedule": {"months": 60, "ramp":'
                         b' [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1, 1]},'
                         b' "goal": {"metric": "revenue", "value": 1e15}}',
    })
    for name, doc in docs.items():
        write("eval", name + ".json", doc)

    # ---- simulation: "<samples> <seed>" then a document.
    heads = ["100 1", "1 0", "64 9007199254740991", "10000 42", "17 3", "50 7", "2 1", "33 12345",
             "64 5"]
    for i, f in enumerate(fixtures):
        write("sim", f.stem + ".txt", heads[i % len(heads)].encode() + b"\n" + f.read_bytes())
    write("sim", "hand-bad-options.txt", b"0.5 -1\n" + fixtures[0].read_bytes())
    write("sim", "hand-huge-options.txt", b"1e9 9007199254740992\n" + fixtures[0].read_bytes())
    write("sim", "hand-no-header.txt", b'{"funnel": {"entry": "deals", "volume": 3}}')
    write("sim", "hand-ranges.txt", b'20 2\n{"funnel": {"entry": "meetings", "volume": 40,'
          b' "close_rate": 0.2}, "value": {"deal_value": 5000}, "uncertainty": {"spread": 0,'
          b' "ranges": {"funnel.close_rate": {"low": 0.1, "high": 0.3}, "value.deal_value":'
          b' {"low": 5000, "high": 5000}}}}')
    write("sim", "hand-invalid.txt", b"5 5\n" + (FIXTURES / "invalid" / "many-errors.json").read_bytes())

    # ---- QR: an options byte (see fuzz_qr.c), then the text.
    options = "lABCEGhz0178 (/`ag"
    texts = list(links.values()) + [
        b"https://example.com/",
        "Campagne facturée au rendez-vous — 50 € · Zürich · Ελληνικά · 日本語 · 😀".encode(),
        b"0123456789" * 30,
    ]
    for i, text in enumerate(texts):
        opt = options[i % len(options)]
        write("qr", "%02d-%s" % (i, "link" if opt >= "`" else "opt-%02x" % ord(opt)),
              opt.encode() + text)
    write("qr", "empty-L", b"@")
    write("qr", "capacity-40-L", b"@" + (b"A" * 2953))

    # ---- dictionaries: link keys and values; JSON keys and values.
    fields = json.loads(run(roi, "fields"))["fields"]
    keys, names, values = set(), set(), set()

    def walk(entries):
        for f in entries:
            names.update(f["path"].split("."))
            key = f.get("key")
            if key:
                keys.add(key)
            values.update(f.get("values") or [])
            item = f.get("item")
            if isinstance(item, dict):
                walk(item.get("fields") or [])
                values.update(item.get("values") or [])

    walk(fields)
    # Version 2's short keys, from the table of core/roi_link.c (roi fields
    # lists the version-1 keys).
    table = (ROOT / "core" / "roi_link.c").read_text()
    table = table[table.index("KEYS_V2[] = {"):]
    table = table[:table.index("};")]
    keys.update(re.findall(r'\{"([a-z.]+)", "[a-z.]+"\}', table))
    keys.add("c")
    names.update(["uncertainty", "ranges", "low", "high", "label", "amount", "channels",
                  "reallocation"])
    range_keys = [f["path"][len("uncertainty.ranges."):] for f in fields
                  if f["path"].startswith("uncertainty.ranges.")]

    def dict_line(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"\n'

    link_words = sorted(k + "=" for k in keys if not k.startswith("c<")) + \
        sorted(values) + ["v=1", "v=2", "c0.", "c19.", "c20.", "r.", "&", "#", ":", ",", "%25", "%C3%A9",
                          "%F0%9F%98%80", "+", "1e12", "-0.5", "5e-5"]
    (FUZZ / "link.dict").write_text("# Link keys and values (fuzz/make_seeds.py)\n" +
                                    "".join(dict_line(w) for w in link_words))
    json_words = sorted('"%s"' % n for n in names) + sorted('"%s"' % v for v in values) + \
        sorted('"%s"' % k for k in range_keys) + \
        ["null", "true", "false", "\\u0000", "\\ud83d\\ude00", "1e308", "-0", "5e-324", "[]", "{}"]
    header = "# JSON keys and values of the scenario document (fuzz/make_seeds.py)\n"
    for harness in ("eval", "sim"):
        (FUZZ / (harness + ".dict")).write_text(header + "".join(dict_line(w) for w in json_words))

    for harness in sorted(p.name for p in CORPUS.iterdir()):
        files = list((CORPUS / harness).iterdir())
        print("%-5s %3d seeds, %6d bytes" % (harness, len(files), sum(f.stat().st_size for f in files)))


if __name__ == "__main__":
    main()
