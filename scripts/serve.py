"""Serves a static folder on 127.0.0.1 under the site's header policy
(deploy/headers.json, the same table the production header files are
generated from): the Content-Security-Policy with each page's
frame-ancestors, X-Content-Type-Options, Referrer-Policy, the MIME types,
and Cache-Control (a year, immutable, for content-hashed names; no-cache,
i.e. revalidation, for everything else).  A file with a precompressed
sibling (.br, .gz: the production build, build/dist) is sent compressed,
with Content-Encoding and Vary, to a client that accepts it.  Prints the
address.
Usage: python3 scripts/serve.py [DIR] [PORT] [--verbose]
  DIR: web (unbundled), build/site (bundled) or build/dist (production;
  the default); PORT 0 (the default) takes any free port."""
import base64
import email.utils
import functools
import hashlib
import http.server
import json
import os
import posixpath
import re
import sys
import urllib.parse

POLICY_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "headers.json")
args = [a for a in sys.argv[1:] if not a.startswith("--")]
directory = args[0] if len(args) > 0 else "build/dist"
port = int(args[1]) if len(args) > 1 else 0
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def load_policy():
    with open(POLICY_FILE, encoding="utf-8") as f:
        return json.load(f)


def inline_hashes(html):
    """The CSP hash sources of a page's inline <style> blocks and <script>
    blocks without src; the same rules as inlineHashes() in deploy/policy.mjs."""
    def h(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    return {
        "style-src": [h(m) for m in re.findall(r"<style>([\s\S]*?)</style>", html)],
        "script-src": [h(m) for m in re.findall(r"<script(?![^>]*\ssrc=)(?![^>]*\stype=\"application/json\")[^>]*>([\s\S]*?)</script>", html) if m],
    }


def site_inline(policy, directory):
    """The union of inline_hashes() over the entry pages found in directory
    (siteInline() in deploy/policy.mjs), read again whenever one of them
    changes: a rebuild while the server runs changes them."""
    pages = [os.path.join(directory, *rel.split("/")) for rel in policy["entries"] if rel.endswith(".html")]
    key = tuple((p, os.stat(p).st_mtime_ns) for p in pages if os.path.isfile(p))
    if key not in _inline_cache:
        out = {"style-src": set(), "script-src": set()}
        for path, _ in key:
            with open(path, encoding="utf-8") as f:
                for k, v in inline_hashes(f.read()).items():
                    out[k].update(v)
        _inline_cache.clear()
        _inline_cache[key] = {k: sorted(v) for k, v in out.items()}
    return _inline_cache[key]


_inline_cache = {}


def headers_for(policy, rel, inline=None):
    """The policy's headers for a file (posix path relative to the site);
    the same rules as headersFor() in deploy/policy.mjs."""
    fa = policy["frame_ancestors"].get(rel, policy["frame_ancestors"]["*"])
    inline = inline or {}
    csp = "; ".join(f"{k} {v}" for k, v in [
        *((k, " ".join([v, *inline.get(k, [])])) for k, v in policy["csp"].items()), ("frame-ancestors", fa)])
    hashed = re.search(policy["hashed_name"], rel) is not None
    return {
        "Cache-Control": policy["cache"]["hashed" if hashed else "revalidate"],
        "Content-Security-Policy": csp,
        **policy["headers"],
    }


def accepted(header):
    """The content codings a client accepts (q=0 refuses)."""
    out = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = re.search(r"q=([0-9.]+)", params)
        if name and not (q and float(q.group(1)) == 0):
            out.add(name.strip().lower())
    return out


class Handler(http.server.SimpleHTTPRequestHandler):
    policy = load_policy()

    def do_GET(self):
        self.respond(body=True)

    def do_HEAD(self):
        self.respond(body=False)

    def plain(self, status, rel, extra=()):
        self.send_response(status)
        for k, v in headers_for(self.policy, rel, site_inline(self.policy, self.directory)).items():
            self.send_header(k, v)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def respond(self, body):
        url_path = urllib.parse.urlsplit(self.path).path
        fs_path = self.translate_path(self.path)
        root = os.path.abspath(self.directory)
        if os.path.isdir(fs_path):
            if not url_path.endswith("/"):
                parts = urllib.parse.urlsplit(self.path)
                return self.plain(301, "", [("Location", parts.path + "/" + (("?" + parts.query) if parts.query else ""))])
            fs_path = os.path.join(fs_path, "index.html")
        rel = os.path.relpath(os.path.abspath(fs_path), root).replace(os.sep, "/")
        if (rel.startswith("../") or posixpath.basename(rel) in self.policy["not_served"]
                or not os.path.isfile(fs_path)):
            return self.plain(404, rel)
        ext = posixpath.splitext(rel)[1].lower()
        ctype = self.policy["types"].get(ext) or self.guess_type(fs_path)
        siblings = [(enc, fs_path + suffix) for enc, suffix in ENCODINGS if os.path.isfile(fs_path + suffix)]
        want = accepted(self.headers.get("Accept-Encoding"))
        encoding, send = None, fs_path
        for enc, path in siblings:
            if enc in want:
                encoding, send = enc, path
                break
        st = os.stat(send)
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        try:
            fresh = since and email.utils.parsedate_to_datetime(since).timestamp() >= int(st.st_mtime)
        except (TypeError, ValueError):
            fresh = False
        self.send_response(304 if fresh else 200)
        for k, v in headers_for(self.policy, rel, site_inline(self.policy, root)).items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        if siblings:
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Last-Modified", last_modified)
        if fresh:
            self.end_headers()
            return
        self.send_header("Content-Length", str(st.st_size))
        self.end_headers()
        if body:
            with open(send, "rb") as f:
                self.copyfile(f, self.wfile)

    def log_message(self, fmt, *args):
        if "--verbose" in sys.argv:
            super().log_message(fmt, *args)


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=directory))
    print(f"Serving {directory} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
