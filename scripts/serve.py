"""Serves the built site, target/site/ (or a given directory), for sfo-check on http://localhost:8080
with the page's Content-Security-Policy and the right MIME types, and text and
WebAssembly gzipped as any static host would send them, so what is measured
here is what users download. Python's own static server underneath."""

import datetime
import email.utils
import functools
import gzip
import http.server
import io
import os
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    "img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    # Compressed once per file version: (path, mtime, size) -> gzipped bytes.
    compressed = {}
    COMPRESSIBLE = {".wasm", ".js", ".mjs", ".css", ".html", ".json", ".svg", ".webmanifest"}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        ext = os.path.splitext(path)[1].lower()
        if ext not in self.COMPRESSIBLE or not self.accepts_gzip() or not os.path.isfile(path):
            return super().send_head()
        stat = os.stat(path)
        if self.not_modified_since(stat.st_mtime):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        key = (path, stat.st_mtime_ns, stat.st_size)
        body = self.compressed.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=9, mtime=0)
            self.compressed[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def not_modified_since(self, mtime):
        """As the plain server answers: unchanged since the browser's copy."""
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        if when is None:
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        return int(mtime) <= when.timestamp()

    def accepts_gzip(self):
        """Whether the browser takes gzip (`gzip;q=0` refuses it)."""
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.strip().partition(";")
            if name.strip().lower() in ("gzip", "*"):
                quality = params.strip().removeprefix("q=")
                try:
                    return not params or float(quality) > 0
                except ValueError:
                    return False
        return False

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("SFO_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def main():
    # serve.py [PORT [DIRECTORY]]: the directory is the built site
    # (target/site, made by make build) unless given (the service worker
    # update test serves a copy of www/).
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "site")
    handler = functools.partial(Handler, directory=os.path.normpath(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"sfo-check is at http://localhost:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
