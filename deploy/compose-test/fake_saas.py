#!/usr/bin/env python3
"""The two SaaS APIs the compose test's flow touches, on one port of the host that the containers reach
(host.containers.internal): GitHub's REST API for the issues of octo-org/widgets (what issue-sync reads when
linking; its comments and labels are accepted and counted) and Zendesk's Support API for tickets (read,
update with safe_update, comments), as crm-bridge uses them. The test reads and steers it through /_fake/*.

    fake_saas.py PORT    (stops by itself after SWITCHBOARD_FAKE_LIFETIME seconds, default 3600)
"""
import json
import os
import re
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
ISSUES = {}  # number -> {"state", "reason", "updated_at"}
TICKETS = {}  # id -> {"status", "updated_at", "comments": [...]}
UPDATES = []  # every ticket update received: {"ticket", "status", "comment"}
GITHUB_WRITES = []
IDS = [900000000]
API_USER = 900000001

ISSUE = re.compile(r"^/repos/octo-org/widgets/issues/(\d+)$")
TICKET = re.compile(r"^/api/v2/tickets/(\d+)\.json$")
COMMENTS = re.compile(r"^/api/v2/tickets/(\d+)/comments\.json$")


def now():
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(timezone.utc).replace(microsecond=0)


def next_id():
    IDS[0] += 1
    return IDS[0]


def issue_json(number, issue):
    closed = issue["state"] == "closed"
    return {
        "url": f"https://api.github.com/repos/octo-org/widgets/issues/{number}",
        "repository_url": "https://api.github.com/repos/octo-org/widgets",
        "html_url": f"https://github.com/octo-org/widgets/issues/{number}",
        "id": 800000000 + number, "number": number, "title": f"Compose test issue {number}",
        "user": {"login": "octocat", "id": 1}, "labels": [], "state": issue["state"],
        "state_reason": issue["reason"], "locked": False, "comments": 0,
        "created_at": "2026-01-01T00:00:00Z", "updated_at": issue["updated_at"],
        "closed_at": issue["updated_at"] if closed else None, "body": "It burns.",
    }


def ticket_json(ticket_id, ticket):
    return {"id": int(ticket_id), "status": ticket["status"], "subject": f"Compose test ticket {ticket_id}",
            "requester_id": 700000001, "updated_at": iso(ticket["updated_at"]),
            "created_at": "2026-01-01T00:00:00Z", "tags": []}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.command, self.path))

    def reply(self, status, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw) if raw.strip() else {}

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_PATCH(self):
        self.handle_any("PATCH")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        path = self.path.split("?", 1)[0]
        body = self.body() if method in ("POST", "PUT", "PATCH") else {}
        with LOCK:
            status, answer = self.route(method, path, body)
        self.reply(status, answer)

    def route(self, method, path, body):
        # the test's controls
        if path == "/_fake/state":
            return 200, {"tickets": {k: {"status": t["status"], "comments": t["comments"]} for k, t in TICKETS.items()},
                         "updates": UPDATES, "githubWrites": len(GITHUB_WRITES)}
        if path == "/_fake/issue" and method == "POST":
            ISSUES[int(body["number"])] = {"state": body["state"], "reason": body.get("reason"),
                                           "updated_at": body.get("updatedAt") or iso(now())}
            return 200, issue_json(int(body["number"]), ISSUES[int(body["number"])])
        if path == "/_fake/ticket" and method == "POST":
            TICKETS[str(body["id"])] = {"status": body.get("status", "solved"), "comments": [],
                                        "updated_at": now().replace(second=0)}
            return 200, {}
        # GitHub
        match = ISSUE.match(path)
        if method == "GET" and match:
            issue = ISSUES.get(int(match.group(1)))
            return (200, issue_json(int(match.group(1)), issue)) if issue else (404, {"message": "Not Found"})
        if path.startswith("/repos/"):
            if method == "GET":
                return 200, []
            GITHUB_WRITES.append({"method": method, "path": path})
            return (204, None) if method == "DELETE" else (200 if method == "PATCH" else 201, {"id": next_id(), "body": ""})
        # Zendesk
        match = TICKET.match(path)
        if match:
            ticket = TICKETS.get(match.group(1))
            if ticket is None:
                return 404, {"error": "RecordNotFound"}
            if method == "PUT":
                return self.update(match.group(1), ticket, body.get("ticket", {}))
            return 200, {"ticket": ticket_json(match.group(1), ticket)}
        match = COMMENTS.match(path)
        if match:
            ticket = TICKETS.get(match.group(1))
            if ticket is None:
                return 404, {"error": "RecordNotFound"}
            comments = [dict(c, plain_body=c["body"]) for c in reversed(ticket["comments"])]
            return 200, {"comments": comments, "next_page": None, "count": len(comments)}
        if re.match(r"^/api/v2/users/\d+\.json$", path):
            return 200, {"user": {"id": API_USER, "name": "Switchboard", "email": "integrations@example.com",
                                  "phone": None, "role": "agent"}}
        return 404, {"error": "InvalidEndpoint"}

    def update(self, ticket_id, ticket, update):
        stamp = update.get("updated_stamp")
        if update.get("safe_update") and stamp and parse(stamp) != ticket["updated_at"]:
            return 409, {"error": "UpdateConflict"}
        comment = update.get("comment") or {}
        if "body" in comment:
            ticket["comments"].append({"id": next_id(), "body": comment["body"], "public": comment.get("public", True),
                                       "author_id": API_USER, "created_at": iso(now())})
        if "status" in update:
            ticket["status"] = update["status"]
        UPDATES.append({"ticket": ticket_id, "status": update.get("status"), "comment": comment.get("body")})
        moment = now()
        # Zendesk's stamps are to the second: every update moves it by at least one
        ticket["updated_at"] = moment if moment > ticket["updated_at"] else ticket["updated_at"] + timedelta(seconds=1)
        return 200, {"ticket": ticket_json(ticket_id, ticket)}


def main():
    server = ThreadingHTTPServer(("0.0.0.0", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    lifetime = float(os.environ.get("SWITCHBOARD_FAKE_LIFETIME", "3600"))
    threading.Timer(lifetime, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
