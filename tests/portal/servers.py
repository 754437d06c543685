"""Local stand-ins for the servers notices go to: a group robot (HTTP) and a mail server that never answers."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WebhookServer:
    """A group robot on 127.0.0.1: records each POST and answers with the scripted replies, then errcode 0.

    Use as a context manager; ``url`` is the robot's address with its access token.
    """

    def __init__(self):
        self.requests = []
        self.replies = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                server.requests.append({"path": self.path, "headers": dict(self.headers), "json": json.loads(body)})
                status, answer = server.replies.pop(0) if server.replies else (200, {"errcode": 0, "errmsg": "ok"})
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format, *args):
                pass  # tests print nothing

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.httpd.server_port}"
        self.url = f"http://{self.host}/cgi-bin/webhook/send?key=robot-token"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def contents(self):
        return [request["json"]["text"]["content"] for request in self.requests]


class SilentSmtpServer:
    """Accepts connections (the kernel completes them from the backlog) and never sends a greeting."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.listener.close()

    def configure(self, settings, timeout):
        """Point Django's SMTP backend at this server, waiting at most ``timeout`` seconds."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = timeout
