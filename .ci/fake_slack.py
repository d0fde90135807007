#!/usr/bin/env python3
"""A tiny stand-in for slack.com's Web API for .ci/readme-first-run.sh: answers the methods Rapport
calls at start-up and for a first weekly prompt, records every call (one JSON line each) and every
post to a response_url. Usage: fake_slack.py PORT_FILE CALLS_FILE [REFUSED_TOKEN]"""
import json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, calls_file = sys.argv[1], sys.argv[2]
refused = sys.argv[3] if len(sys.argv) > 3 else None
SCOPES = ("commands,chat:write,chat:write.public,channels:read,groups:read,im:write,im:history,"
          "channels:history,groups:history,users:read,files:write")
seq = [1000]

def next_ts():
    seq[0] += 1
    return "%d.%06d" % (1700000000 + seq[0], seq[0])

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body or "{}")
        else:
            params = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
        method = self.path.split("?")[0].rsplit("/", 1)[-1]
        record = {"path": self.path, "method": method, "params": params,
                  "auth": self.headers.get("Authorization", "")}
        with open(calls_file, "a") as f:
            f.write(json.dumps(record) + "\n")
        headers = {}
        if self.path.startswith("/response/"):
            return self.reply({"ok": True})
        token = self.headers.get("Authorization", "").replace("Bearer ", "")
        if refused and token == refused:
            return self.reply({"ok": False, "error": "invalid_auth"})
        out = {"ok": True}
        if method == "auth.test":
            out.update(url="https://readme-test.slack.com/", team="README Test", user="rapport",
                       team_id="T0README", user_id="UBOTREADME", bot_id="BREADME")
            headers["x-oauth-scopes"] = SCOPES
        elif method == "users.info":
            user = params.get("user", "U0")
            out["user"] = {"id": user, "team_id": "T0README", "name": user.lower(), "tz": "UTC",
                           "tz_offset": 0, "deleted": False, "is_bot": False, "real_name": user}
        elif method == "conversations.open":
            out["channel"] = {"id": "D" + str(params.get("users", "U0")).split(",")[0]}
        elif method == "conversations.info":
            out["channel"] = {"id": params.get("channel"), "is_channel": True, "is_private": False,
                              "is_member": False, "is_archived": False}
        elif method == "conversations.history" or method == "conversations.replies":
            out.update(messages=[], has_more=False)
        elif method in ("chat.postMessage", "chat.update"):
            out.update(channel=params.get("channel"), ts=params.get("ts") or next_ts())
        elif method.startswith("views."):
            out["view"] = {"id": "V%d" % seq[0], "hash": "h"}
        elif method == "users.profile.get":
            out["profile"] = {"status_text": "", "status_emoji": "", "status_expiration": 0}
        return self.reply(out, headers)

    def reply(self, obj, headers=None):
        data = json.dumps(obj).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
