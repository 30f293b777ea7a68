"""Python client for a newsgraph server: typed helpers over its GraphQL API,
with pandas DataFrames and networkx graphs on request.

The client needs only the standard library; pandas and networkx are
imported when a conversion asks for them.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Sequence

__all__ = [
    "Client", "Entity", "Evidence", "Relation", "GraphNode", "GraphEdge", "Subgraph", "Path",
    "TimelineEntry", "NewsgraphError", "NotFound", "BadUserInput", "Unauthenticated",
    "Unavailable", "Timeout", "LimitExceeded", "InternalError",
]

# ---- errors ---------------------------------------------------------------


class NewsgraphError(Exception):
    """An error the server reported; `code` is its extensions.code."""

    def __init__(self, message: str, code: str = "", path: Optional[list] = None):
        super().__init__(message if not code else f"{message} ({code})")
        self.message, self.code, self.path = message, code, path


class NotFound(NewsgraphError):
    """NOT_FOUND: an id the store does not know."""


class BadUserInput(NewsgraphError):
    """BAD_USER_INPUT or GraphQL validation: the request itself is wrong."""


class Unauthenticated(NewsgraphError):
    """UNAUTHENTICATED: the API key is missing or wrong."""


class Unavailable(NewsgraphError):
    """UNAVAILABLE: the store cannot be reached; retry later."""


class Timeout(NewsgraphError):
    """TIMEOUT: the request took longer than the server allows."""


class LimitExceeded(NewsgraphError):
    """DEPTH_LIMIT_EXCEEDED or COMPLEXITY_LIMIT_EXCEEDED (or another limit)."""


class InternalError(NewsgraphError):
    """INTERNAL or an unknown code: the server failed."""


_ERRORS = {
    "NOT_FOUND": NotFound,
    "BAD_USER_INPUT": BadUserInput,
    "GRAPHQL_VALIDATION_FAILED": BadUserInput,
    "GRAPHQL_PARSE_FAILED": BadUserInput,
    "UNAUTHENTICATED": Unauthenticated,
    "FORBIDDEN": Unauthenticated,
    "UNAVAILABLE": Unavailable,
    "TIMEOUT": Timeout,
    "DEPTH_LIMIT_EXCEEDED": LimitExceeded,
    "COMPLEXITY_LIMIT_EXCEEDED": LimitExceeded,
}


def _error(e: Dict[str, Any]) -> NewsgraphError:
    code = (e.get("extensions") or {}).get("code", "")
    cls = _ERRORS.get(code)
    if cls is None:
        cls = LimitExceeded if code.endswith("_LIMIT_EXCEEDED") else InternalError
    return cls(e.get("message", "unknown error"), code, e.get("path"))


# ---- types ----------------------------------------------------------------


@dataclass
class Entity:
    id: str
    name: str
    type: str
    subtype: Optional[str] = None
    aliases: List[str] = field(default_factory=list)


@dataclass
class Evidence:
    text: str
    article_id: str
    article_title: str
    published: Optional[str]
    url: Optional[str]
    start: int
    end: int
    confidence: float
    extractor: str


@dataclass
class Relation:
    id: str
    type: str
    source: Entity
    target: Entity
    confidence: float
    properties: Dict[str, str]
    evidence: List[Evidence]


@dataclass
class GraphNode:
    id: str
    label: str
    type: str
    subtype: Optional[str]
    weight: int
    depth: int


@dataclass
class GraphEdge:
    id: str
    source: str
    target: str
    type: str
    label: str
    weight: int
    confidence: float


@dataclass
class Subgraph:
    nodes: List[GraphNode]
    edges: List[GraphEdge]
    truncated: bool

    def to_networkx(self):
        """A networkx MultiDiGraph with the nodes' and edges' fields as attributes."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in self.nodes:
            g.add_node(n.id, label=n.label, type=n.type, subtype=n.subtype, weight=n.weight, depth=n.depth)
        for e in self.edges:
            g.add_edge(e.source, e.target, key=e.id, type=e.type, label=e.label, weight=e.weight,
                       confidence=e.confidence)
        return g


@dataclass
class Path:
    length: int
    nodes: List[Entity]
    relations: List[Relation]


@dataclass
class TimelineEntry:
    date: Optional[str]
    event: str
    event_type: str
    role: Optional[str]
    sentence: Optional[str]


# ---- GraphQL fragments ------------------------------------------------------

_ENTITY = "id name type subtype aliases"
_RELATION = ("id type confidence properties { key value } source { %s } target { %s } "
             "evidence { text start end confidence extractor article { id title published url } }") % (_ENTITY, _ENTITY)


def _entity(d: Dict[str, Any]) -> Entity:
    return Entity(d["id"], d["name"], d["type"], d.get("subtype"), list(d.get("aliases") or []))


def _relation(d: Dict[str, Any]) -> Relation:
    ev = [Evidence(e["text"], e["article"]["id"], e["article"]["title"], e["article"].get("published"),
                   e["article"].get("url"), e["start"], e["end"], e["confidence"], e["extractor"])
          for e in d.get("evidence") or []]
    props = {p["key"]: p["value"] for p in d.get("properties") or []}
    return Relation(d["id"], d["type"], _entity(d["source"]), _entity(d["target"]), d["confidence"], props, ev)


def _subgraph(d: Dict[str, Any]) -> Subgraph:
    nodes = [GraphNode(n["id"], n["label"], n["type"], n.get("subtype"), n["weight"], n["depth"]) for n in d["nodes"]]
    edges = [GraphEdge(e["id"], e["source"], e["target"], e["type"], e["label"], e["weight"], e["confidence"])
             for e in d["edges"]]
    return Subgraph(nodes, edges, d["truncated"])


_GRAPH = "truncated nodes { id label type subtype weight depth } edges { id source target type label weight confidence }"


# ---- client -----------------------------------------------------------------


class Client:
    """A newsgraph server at `url` (e.g. http://localhost:8080)."""

    def __init__(self, url: str = "http://localhost:8080", api_key: Optional[str] = None, timeout: float = 60):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        # The largest relations page the server accepted: the page size
        # (max 500) and the complexity limit both bound it.
        self._page = 500

    def _request(self, path: str, body: Optional[bytes] = None, accept: str = "application/json") -> bytes:
        headers = {"Accept": accept}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.api_key:
            headers["Authorization"] = "Bearer " + self.api_key
        req = urllib.request.Request(self.url + path, data=body, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as err:
            raw = err.read()
            try:
                errors = json.loads(raw).get("errors") or []
            except ValueError:
                errors = []
            if errors:
                raise _error(errors[0]) from None
            if err.code == 401:
                raise Unauthenticated(raw.decode("utf-8", "replace").strip(), "UNAUTHENTICATED") from None
            if err.code == 400:
                raise BadUserInput(raw.decode("utf-8", "replace").strip(), "BAD_USER_INPUT") from None
            if err.code in (502, 503, 504):
                raise Unavailable(f"HTTP {err.code}", "UNAVAILABLE") from None
            raise InternalError(f"HTTP {err.code}: {raw[:200]!r}") from None
        except urllib.error.URLError as err:
            raise Unavailable(f"cannot reach {self.url}: {err.reason}", "UNAVAILABLE") from None

    def query(self, query: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """Runs one GraphQL operation and returns its data; the first error raises."""
        raw = self._request("/query", json.dumps({"query": query, "variables": variables or {}}).encode())
        resp = json.loads(raw)
        if resp.get("errors"):
            raise _error(resp["errors"][0])
        return resp["data"]

    # -- look-ups --------------------------------------------------------

    def search(self, text: str, types: Optional[Sequence[str]] = None, first: int = 10) -> List[Entity]:
        """Entities whose name or alias matches text (typo-tolerant), best first."""
        d = self.query("query($q: String!, $t: [EntityType!], $n: Int) { entities(query: $q, types: $t, first: $n,"
                       " orderBy: RELEVANCE) { edges { node { %s } } } }" % _ENTITY,
                       {"q": text, "t": list(types) if types else None, "n": first})
        return [_entity(e["node"]) for e in d["entities"]["edges"]]

    def entity(self, id: str) -> Optional[Entity]:
        """The entity with this id (a merged id resolves to the survivor), or None."""
        d = self.query("query($id: ID!) { entity(id: $id) { %s } }" % _ENTITY, {"id": id})
        return _entity(d["entity"]) if d["entity"] else None

    def relations(self, types: Optional[Sequence[str]] = None, entity: Optional[str] = None,
                  source: Optional[str] = None, target: Optional[str] = None,
                  min_confidence: Optional[float] = None, article: Optional[str] = None,
                  date_from: Optional[str] = None, date_to: Optional[str] = None) -> Iterator[Relation]:
        """Every relation matching the filters, with its evidence, paging behind the scenes."""
        q = ("query($types: [RelationType!], $entity: ID, $source: ID, $target: ID, $min: Float, $article: ID,"
             " $from: String, $to: String, $first: Int, $after: String) {"
             " relations(types: $types, entity: $entity, source: $source, target: $target, minConfidence: $min,"
             " article: $article, from: $from, to: $to, first: $first, after: $after) {"
             " pageInfo { hasNextPage endCursor } edges { node { %s } } } }" % _RELATION)
        v = {"types": list(types) if types else None, "entity": entity, "source": source, "target": target,
             "min": min_confidence, "article": article, "from": date_from, "to": date_to, "after": None}
        while True:
            v["first"] = self._page
            try:
                d = self.query(q, v)["relations"]
            except LimitExceeded as err:
                if err.code != "COMPLEXITY_LIMIT_EXCEEDED" or self._page <= 1:
                    raise
                self._page //= 2
                continue
            for e in d["edges"]:
                yield _relation(e["node"])
            if not d["pageInfo"]["hasNextPage"]:
                return
            v["after"] = d["pageInfo"]["endCursor"]

    def relations_frame(self, **filters):
        """The relations of `relations(**filters)` as a pandas DataFrame, one row each."""
        import pandas as pd

        rows = []
        for r in self.relations(**filters):
            first = r.evidence[0] if r.evidence else None
            rows.append({
                "id": r.id, "type": r.type, "source": r.source.name, "source_id": r.source.id,
                "source_type": r.source.type, "target": r.target.name, "target_id": r.target.id,
                "target_type": r.target.type, "confidence": r.confidence, "evidence": len(r.evidence),
                "sentence": first.text if first else None, "article": first.article_title if first else None,
                "published": first.published if first else None, **{"prop_" + k: v for k, v in r.properties.items()},
            })
        return pd.DataFrame(rows)

    # -- traversal -------------------------------------------------------

    def neighborhood(self, id: str, hops: int = 1, types: Optional[Sequence[str]] = None,
                     entity_types: Optional[Sequence[str]] = None, min_confidence: Optional[float] = None,
                     limit_per_hop: Optional[int] = None) -> Subgraph:
        """The entities within `hops` of an entity and the relations between them."""
        d = self.query("query($id: ID!, $h: Int, $t: [RelationType!], $et: [EntityType!], $m: Float, $l: Int) {"
                       " neighborhood(id: $id, hops: $h, types: $t, entityTypes: $et, minConfidence: $m,"
                       " limitPerHop: $l) { %s } }" % _GRAPH,
                       {"id": id, "h": hops, "t": list(types) if types else None,
                        "et": list(entity_types) if entity_types else None, "m": min_confidence, "l": limit_per_hop})
        return _subgraph(d["neighborhood"])

    def subgraph(self, seeds: Sequence[str], depth: int = 1, types: Optional[Sequence[str]] = None,
                 max_nodes: Optional[int] = None) -> Subgraph:
        """The entities within `depth` of any seed and the relations between them."""
        d = self.query("query($s: [ID!]!, $d: Int, $t: [RelationType!], $n: Int) {"
                       " subgraph(seeds: $s, depth: $d, types: $t, maxNodes: $n) { %s } }" % _GRAPH,
                       {"s": list(seeds), "d": depth, "t": list(types) if types else None, "n": max_nodes})
        return _subgraph(d["subgraph"])

    def paths(self, source: str, target: str, max_hops: int = 4, limit: int = 5) -> List[Path]:
        """The shortest paths between two entities, each hop with its relation and evidence."""
        d = self.query("query($f: ID!, $t: ID!, $h: Int, $l: Int) { paths(from: $f, to: $t, maxHops: $h, limit: $l) {"
                       " length nodes { %s } hops { relation { %s } } } }" % (_ENTITY, _RELATION),
                       {"f": source, "t": target, "h": max_hops, "l": limit})
        return [Path(p["length"], [_entity(n) for n in p["nodes"]], [_relation(h["relation"]) for h in p["hops"]])
                for p in d["paths"]]

    def timeline(self, id: str) -> List[TimelineEntry]:
        """The events an entity took part in, in time order."""
        out: List[TimelineEntry] = []
        after = None
        while True:
            d = self.query("query($id: ID!, $a: String) { timeline(id: $id, first: 100, after: $a) {"
                           " pageInfo { hasNextPage endCursor } edges { node { date role event { name type }"
                           " evidence { text } } } } }", {"id": id, "a": after})["timeline"]
            for e in d["edges"]:
                n = e["node"]
                out.append(TimelineEntry(n.get("date"), n["event"]["name"], n["event"]["type"], n.get("role"),
                                         n["evidence"][0]["text"] if n["evidence"] else None))
            if not d["pageInfo"]["hasNextPage"]:
                return out
            after = d["pageInfo"]["endCursor"]

    # -- exports ---------------------------------------------------------

    def export(self, file: str = "graph.graphml", types: Optional[Sequence[str]] = None,
               entity_types: Optional[Sequence[str]] = None, min_confidence: Optional[float] = None) -> bytes:
        """One of the server's exports: graph.graphml, graph.gexf, nodes.csv, edges.csv, graph.jsonl."""
        params = {}
        if types:
            params["types"] = ",".join(types)
        if entity_types:
            params["entityTypes"] = ",".join(entity_types)
        if min_confidence is not None:
            params["minConfidence"] = str(min_confidence)
        path = "/export/" + urllib.parse.quote(file)
        if params:
            path += "?" + urllib.parse.urlencode(params)
        return self._request(path, accept="*/*")

    def graph(self, **filters):
        """The whole store (or the part the filters of `export` select) as a networkx MultiDiGraph."""
        import networkx as nx

        return nx.read_graphml(io.BytesIO(self.export("graph.graphml", **filters)))

    def stats(self) -> Dict[str, int]:
        """What the store holds."""
        return self.query("{ stats { articles entities relations events quotes } }")["stats"]
