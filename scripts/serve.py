"""Serves a static folder on 127.0.0.1 with the right MIME types and
forced revalidation (no-cache: a changed file is always seen, an unchanged
one is not sent twice); prints the address.  Usage: python3 scripts/serve.py DIR [PORT]"""
import functools
import http.server
import sys

directory = sys.argv[1] if len(sys.argv) > 1 else "build/site"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 0


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if "--verbose" in sys.argv:
            super().log_message(fmt, *args)


server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", port), functools.partial(Handler, directory=directory))
print(f"Serving {directory} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
