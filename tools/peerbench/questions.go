package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
)

// question is one question in each system's language, with how to sum up
// each answer so that they can be compared.
type question struct {
	name string
	vars func(t *targets) []map[string]any

	gql      string // this project's GraphQL
	gqlCount func(data map[string]any, vars map[string]any) string

	peer      string // @neo4j/graphql (node/server.mjs typeDefs)
	peerCount func(data map[string]any, vars map[string]any) string

	cypher       string // hand-written Cypher
	cypherParams func(vars map[string]any) map[string]any
	cypherCount  func(recs []*neo4j.Record) string
}

// targets are the generated people and organizations, by id, and the
// words of their names.
type targets struct {
	people, entities, terms []string
}

func newTargets(arts []gen.Article) *targets {
	t := &targets{}
	seen := map[string]bool{}
	terms := map[string]bool{}
	for _, a := range arts {
		for _, p := range a.People {
			if id := kg.EntityID(kg.Person, p); !seen[id] {
				seen[id] = true
				t.people = append(t.people, id)
				t.entities = append(t.entities, id)
				w := strings.Fields(p)
				terms[strings.ToLower(w[len(w)-1])] = true
			}
		}
		for _, o := range a.Organizations {
			if id := kg.EntityID(kg.Organization, o); !seen[id] {
				seen[id] = true
				t.entities = append(t.entities, id)
			}
		}
	}
	for w := range terms {
		t.terms = append(t.terms, w)
	}
	sort.Strings(t.terms)
	return t
}

// sample keeps n of xs spread evenly.
func sample(xs []string, n int) []string {
	if len(xs) <= n {
		return xs
	}
	out := make([]string, n)
	for i := range out {
		out[i] = xs[i*len(xs)/n]
	}
	return out
}

func idVars(xs []string) []map[string]any {
	out := make([]map[string]any, len(xs))
	for i, x := range xs {
		out[i] = map[string]any{"id": x}
	}
	return out
}

// The relation types of the two-hop question.
var hopTypes = []string{"COMMANDS", "MEMBER_OF", "LEADS", "WORKS_FOR"}

// allTypes is every relation type of the ontology.
func allTypes() []string {
	out := make([]string, len(kg.RelationTypes))
	for i, t := range kg.RelationTypes {
		out[i] = string(t)
	}
	return out
}

// peerField is node/server.mjs's field name of a relation type and
// direction: DETAINED, Out -> detainedOut.
func peerField(t, dir string) string {
	parts := strings.Split(strings.ToLower(t), "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "") + dir
}

// Decoding helpers for JSON answers.
func obj(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func list(v any) []any { l, _ := v.([]any); return l }

func relsEv(r, e int) string { return fmt.Sprintf("relations=%d evidence=%d", r, e) }

var questions = []*question{
	{
		// One entity with all its relations, both ends and the evidence.
		name: "entity",
		vars: func(t *targets) []map[string]any { return idVars(sample(t.entities, 64)) },
		gql: `query($id: ID!) { entity(id: $id) { id name relations { id type confidence
  source { id name } target { id name } evidence { text start end } } } }`,
		gqlCount: func(d, _ map[string]any) string {
			rs := list(obj(d, "entity", "relations"))
			ev := 0
			for _, r := range rs {
				ev += len(list(obj(r, "evidence")))
			}
			return relsEv(len(rs), ev)
		},
		peer: func() string {
			var b strings.Builder
			b.WriteString("query($id: ID!) { entities(where: {id: {eq: $id}}) { id name\n")
			for _, t := range allTypes() {
				for _, d := range []string{"Out", "In"} {
					fmt.Fprintf(&b, "  %sConnection(where: {edge: {retracted: {eq: false}}}) { edges { properties { id confidence } node { id name } } }\n", peerField(t, d))
				}
			}
			return b.String() + "  relationEvidence { rel text start end }\n} }"
		}(),
		peerCount: func(d, _ map[string]any) string {
			es := list(obj(d, "entities"))
			if len(es) == 0 {
				return relsEv(0, 0)
			}
			r := 0
			for k, v := range es[0].(map[string]any) {
				if strings.HasSuffix(k, "Connection") {
					r += len(list(obj(v, "edges")))
				}
			}
			return relsEv(r, len(list(obj(es[0], "relationEvidence"))))
		},
		cypher: `MATCH (e:Entity {id: $id})-[r:` + strings.Join(allTypes(), "|") + `]-(o:Entity)
WHERE NOT r.retracted
RETURN r.id AS id, type(r) AS type, r.confidence AS confidence, startNode(r) = e AS out, o.id AS other, o.name AS name,
  COLLECT { MATCH (x:Evidence {rel: r.id}) RETURN x {.text, .start, .end} } AS ev`,
		cypherParams: func(v map[string]any) map[string]any { return v },
		cypherCount: func(recs []*neo4j.Record) string {
			ev := 0
			for _, r := range recs {
				v, _ := r.Get("ev")
				ev += len(list(v))
			}
			return relsEv(len(recs), ev)
		},
	},
	{
		// The entities within two hops over four relation types, either
		// direction.
		name: "two-hops",
		vars: func(t *targets) []map[string]any { return idVars(sample(t.people, 64)) },
		gql: `query($id: ID!) { neighborhood(id: $id, hops: 2, types: [COMMANDS, MEMBER_OF, LEADS, WORKS_FOR]) {
  nodes { id label type depth } edges { id source target type } } }`,
		gqlCount: func(d, v map[string]any) string {
			n := 0
			for _, x := range list(obj(d, "neighborhood", "nodes")) {
				if obj(x, "id") != v["id"] {
					n++
				}
			}
			return fmt.Sprintf("entities=%d", n)
		},
		peer: func() string {
			var inner, outer strings.Builder
			for _, t := range hopTypes {
				for _, d := range []string{"Out", "In"} {
					fmt.Fprintf(&inner, " %s { id name type }", peerField(t, d))
				}
			}
			for _, t := range hopTypes {
				for _, d := range []string{"Out", "In"} {
					fmt.Fprintf(&outer, "  %s { id name type%s }\n", peerField(t, d), inner.String())
				}
			}
			return "query($id: ID!) { entities(where: {id: {eq: $id}}) { id\n" + outer.String() + "} }"
		}(),
		peerCount: func(d, v map[string]any) string {
			seen := map[any]bool{}
			var walk func(x any, depth int)
			walk = func(x any, depth int) {
				m, _ := x.(map[string]any)
				for k, val := range m {
					if k == "id" || k == "name" || k == "type" {
						continue
					}
					for _, y := range list(val) {
						if id := obj(y, "id"); id != v["id"] {
							seen[id] = true
						}
						if depth < 2 {
							walk(y, depth+1)
						}
					}
				}
			}
			for _, e := range list(obj(d, "entities")) {
				walk(e, 1)
			}
			return fmt.Sprintf("entities=%d", len(seen))
		},
		cypher: `MATCH (e:Entity {id: $id})-[rs:COMMANDS|MEMBER_OF|LEADS|WORKS_FOR*1..2]-(m:Entity)
WHERE m <> e AND none(r IN rs WHERE r.retracted)
RETURN DISTINCT m.id AS id, m.name AS name, m.type AS type`,
		cypherParams: func(v map[string]any) map[string]any { return v },
		cypherCount:  func(recs []*neo4j.Record) string { return fmt.Sprintf("entities=%d", len(recs)) },
	},
	{
		// A name search, the best ten.
		name: "search",
		vars: func(t *targets) []map[string]any {
			var out []map[string]any
			for _, w := range sample(t.terms, 32) {
				out = append(out, map[string]any{"q": w, "folded": kg.FoldName(w), "lucene": lucene(w)})
			}
			return out
		},
		gql: `query($q: String!) { entities(query: $q, first: 10) { edges { score node { id name type } } } }`,
		gqlCount: func(d, _ map[string]any) string {
			return fmt.Sprintf("hits=%d", len(list(obj(d, "entities", "edges"))))
		},
		// The candidates neo4jstore's search reads: the full-text index
		// and a substring of the folded names (@neo4j/graphql through a
		// @cypher field); this project then scores them in Go.
		peer:      `query($folded: String!, $lucene: String!) { search(folded: $folded, lucene: $lucene) { id name type } }`,
		peerCount: func(d, _ map[string]any) string { return fmt.Sprintf("hits=%d", len(list(obj(d, "search")))) },
		cypher: `CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node RETURN node AS e
  UNION
  MATCH (e:Entity) WHERE e.searchKeys CONTAINS $folded RETURN e
}
RETURN e.id AS id, e.name AS name, e.type AS type LIMIT 10`,
		cypherParams: func(v map[string]any) map[string]any { return v },
		cypherCount:  func(recs []*neo4j.Record) string { return fmt.Sprintf("hits=%d", len(recs)) },
	},
	{
		// Who detained whom: the first 22 DETAINED relations with both
		// ends and the evidence.
		name: "detained",
		vars: func(*targets) []map[string]any { return []map[string]any{{}} },
		gql: `{ relations(types: [DETAINED], first: 22) { edges { node { id
  source { id name } target { id name } evidence { text start end } } } } }`,
		gqlCount: func(d, _ map[string]any) string {
			return fmt.Sprintf("relations=%d", len(list(obj(d, "relations", "edges"))))
		},
		peer: `{ entities(where: {detainedOutConnection: {some: {edge: {retracted: {eq: false}}}}}, sort: [{id: ASC}], limit: 22) {
  id name detainedOutConnection(where: {edge: {retracted: {eq: false}}}, sort: [{node: {id: ASC}}]) {
    edges { properties { id } node { id name } } } detainedOutEvidence { rel text start end } } }`,
		peerCount: func(d, _ map[string]any) string {
			n := 0
			for _, e := range list(obj(d, "entities")) {
				n += len(list(obj(e, "detainedOutConnection", "edges")))
			}
			return fmt.Sprintf("relations=%d", min(n, 22))
		},
		cypher: `MATCH (s:Entity)-[r:DETAINED]->(t:Entity) USING INDEX s:Entity(id)
WHERE s.id IS NOT NULL AND NOT r.retracted
WITH r, s, t ORDER BY s.id, t.id, r.id LIMIT 22
RETURN r.id AS id, s.id AS src, s.name AS srcName, t.id AS tgt, t.name AS tgtName, COLLECT { MATCH (x:Evidence {rel: r.id}) RETURN x {.text, .start, .end} } AS ev`,
		cypherParams: func(v map[string]any) map[string]any { return v },
		cypherCount:  func(recs []*neo4j.Record) string { return fmt.Sprintf("relations=%d", len(recs)) },
	},
	{
		// Up to three shortest paths of at most four hops between two
		// people.
		name: "paths",
		vars: func(t *targets) []map[string]any {
			ps := sample(t.people, 65)
			var out []map[string]any
			for i := 0; i+1 < len(ps); i++ {
				out = append(out, map[string]any{"from": ps[i], "to": ps[i+1]})
			}
			return out
		},
		gql: `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 3) { length nodes { id name } } }`,
		gqlCount: func(d, _ map[string]any) string {
			return pathSummary(list(obj(d, "paths")), func(p any) int { return int(obj(p, "length").(float64)) })
		},
		peer: `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 3) { length nodes names } }`,
		peerCount: func(d, _ map[string]any) string {
			return pathSummary(list(obj(d, "paths")), func(p any) int { return int(obj(p, "length").(float64)) })
		},
		cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:` + strings.Join(allTypes(), "|") + `*..4]-(b))
WHERE none(r IN relationships(p) WHERE r.retracted)
WITH p LIMIT 3
RETURN length(p) AS length, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names`,
		cypherParams: func(v map[string]any) map[string]any { return v },
		cypherCount: func(recs []*neo4j.Record) string {
			ps := make([]any, len(recs))
			for i, r := range recs {
				ps[i] = r
			}
			return pathSummary(ps, func(p any) int {
				v, _ := p.(*neo4j.Record).Get("length")
				return int(v.(int64))
			})
		},
	},
}

// lucene is the full-text query neo4jstore makes of a search: each folded
// word as a prefix, and within typo distance when long.
func lucene(q string) string {
	var cs []string
	for _, w := range strings.Fields(kg.FoldName(q)) {
		c := w + "*"
		switch n := len([]rune(w)); {
		case n >= 8:
			c = "(" + c + " OR " + w + "~2)"
		case n >= 4:
			c = "(" + c + " OR " + w + "~1)"
		}
		cs = append(cs, c)
	}
	return strings.Join(cs, " AND ")
}

// pathSummary is how many paths there are and how long the shortest is.
func pathSummary(ps []any, length func(any) int) string {
	if len(ps) == 0 {
		return "paths=0"
	}
	return fmt.Sprintf("paths=%d length=%d", len(ps), length(ps[0]))
}
