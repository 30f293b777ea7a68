"""Unit tests of the client against a scripted fake server: errors map from
extensions.code, and relations() pages through cursors, halving the page
when the complexity limit refuses it."""

import json
import threading
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer

import newsgraph

RELATION = {
    "id": "rel:1", "type": "DETAINED", "confidence": 0.8, "properties": [{"key": "place", "value": "Camp"}],
    "source": {"id": "organization:a", "name": "A", "type": "Organization", "subtype": None, "aliases": []},
    "target": {"id": "person:b", "name": "B", "type": "Person", "subtype": None, "aliases": ["Bee"]},
    "evidence": [{"text": "A detained B.", "start": 0, "end": 13, "confidence": 0.8, "extractor": "rules",
                  "article": {"id": "article:1", "title": "T", "published": "2020", "url": None}}],
}


class Fake(BaseHTTPRequestHandler):
    """Answers /query by the scenario in the server's `script` list."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.seen.append((body, self.headers.get("Authorization")))
        status, answer = self.server.answer(body)
        raw = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


def serve(answer):
    srv = HTTPServer(("127.0.0.1", 0), Fake)
    srv.answer, srv.seen = answer, []
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, newsgraph.Client("http://127.0.0.1:%d" % srv.server_port, api_key="k")


class ErrorTest(unittest.TestCase):
    def test_codes(self):
        cases = {
            "NOT_FOUND": newsgraph.NotFound, "BAD_USER_INPUT": newsgraph.BadUserInput,
            "UNAUTHENTICATED": newsgraph.Unauthenticated, "UNAVAILABLE": newsgraph.Unavailable,
            "TIMEOUT": newsgraph.Timeout, "DEPTH_LIMIT_EXCEEDED": newsgraph.LimitExceeded,
            "COMPLEXITY_LIMIT_EXCEEDED": newsgraph.LimitExceeded, "INTERNAL": newsgraph.InternalError,
            "SOMETHING_NEW": newsgraph.InternalError,
        }
        for code, cls in cases.items():
            srv, ng = serve(lambda body, code=code: (200, {"errors": [{"message": "no", "extensions": {"code": code}}]}))
            with self.assertRaises(cls) as ctx:
                ng.entity("person:x")
            self.assertEqual(ctx.exception.code, code)
            self.assertEqual(srv.seen[0][1], "Bearer k")
            srv.shutdown(); srv.server_close()

    def test_http_error_with_graphql_body(self):
        srv, ng = serve(lambda body: (422, {"errors": [{"message": "bad", "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}}]}))
        with self.assertRaises(newsgraph.BadUserInput):
            ng.query("{ nope }")
        srv.shutdown(); srv.server_close()

    def test_unreachable(self):
        with self.assertRaises(newsgraph.Unavailable):
            newsgraph.Client("http://127.0.0.1:9", timeout=2).stats()


class PagingTest(unittest.TestCase):
    def test_relations_pages_and_halves(self):
        # Pages of more than 120 are refused as too complex; 3 relations
        # come one page of 2 and one of 1 once the page fits.
        def answer(body):
            v = body["variables"]
            if v["first"] > 120:
                return 200, {"errors": [{"message": "too complex", "extensions": {"code": "COMPLEXITY_LIMIT_EXCEEDED"}}]}
            start = int(v["after"] or 0)
            items = [dict(RELATION, id="rel:%d" % i) for i in range(3)][start:start + 2]
            end = start + len(items)
            return 200, {"data": {"relations": {"pageInfo": {"hasNextPage": end < 3, "endCursor": str(end)},
                                                 "edges": [{"node": n} for n in items]}}}

        srv, ng = serve(answer)
        # A page of 2 items at most per answer, whatever "first" says.
        rels = list(ng.relations(types=["DETAINED"]))
        self.assertEqual([r.id for r in rels], ["rel:0", "rel:1", "rel:2"])
        firsts = [b["variables"]["first"] for b, _ in srv.seen]
        self.assertEqual(firsts[:3], [500, 250, 125])
        self.assertTrue(all(f == 62 for f in firsts[3:]), firsts)
        r = rels[0]
        self.assertEqual((r.source.name, r.target.aliases, r.properties, r.evidence[0].article_title),
                         ("A", ["Bee"], {"place": "Camp"}, "T"))
        srv.shutdown(); srv.server_close()

    def test_other_limits_raise(self):
        srv, ng = serve(lambda body: (200, {"errors": [{"message": "deep", "extensions": {"code": "DEPTH_LIMIT_EXCEEDED"}}]}))
        with self.assertRaises(newsgraph.LimitExceeded):
            list(ng.relations())
        srv.shutdown(); srv.server_close()


if __name__ == "__main__":
    unittest.main()
