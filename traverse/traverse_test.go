package traverse

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// storeMakers are the backends every test runs against.
var storeMakers = []struct {
	name string
	open func(t testing.TB) kg.Store
}{
	{"mem", func(testing.TB) kg.Store { return newMemStore() }},
}

// eachStore runs fn against every backend loaded with the small graph.
func eachStore(t *testing.T, fn func(t *testing.T, s kg.Store, fx fixture)) {
	for _, m := range storeMakers {
		t.Run(m.name, func(t *testing.T) {
			s := m.open(t)
			fx := loadSmall(t, s)
			fn(t, s, fx)
		})
	}
}

func pathRels(p Path) []string {
	out := make([]string, len(p.Hops))
	for i, h := range p.Hops {
		out[i] = h.Relation.ID
	}
	return out
}

// checkPath asserts that p is a well-formed walk from→to: consecutive hops,
// each carried by a relation joining its two ends, with evidence.
func checkPath(t *testing.T, p Path, from, to string) {
	t.Helper()
	if len(p.Nodes) != len(p.Hops)+1 || p.Nodes[0] != from || p.Nodes[len(p.Nodes)-1] != to {
		t.Fatalf("malformed path %v from %s to %s", p.Nodes, from, to)
	}
	for i, h := range p.Hops {
		if h.From != p.Nodes[i] || h.To != p.Nodes[i+1] {
			t.Fatalf("hop %d %s→%s does not follow nodes %v", i, h.From, h.To, p.Nodes)
		}
		r := h.Relation
		if r == nil {
			t.Fatalf("hop %d has no relation", i)
		}
		if !(r.Source == h.From && r.Target == h.To || r.Source == h.To && r.Target == h.From) {
			t.Fatalf("hop %d %s→%s carried by relation %s %s→%s", i, h.From, h.To, r.Type, r.Source, r.Target)
		}
		if len(r.Evidence) == 0 || r.Evidence[0].Text == "" || r.Evidence[0].ArticleID == "" {
			t.Fatalf("hop %d relation %s has no evidence: %+v", i, r.ID, r.Evidence)
		}
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if kg.ErrorCode(err) != code {
		t.Fatalf("got error %v (code %q), want code %q", err, kg.ErrorCode(err), code)
	}
}

func TestShortestPathsDiamondAndEvidence(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		// The retracted alliance would be a one-hop path; hidden, the
		// diamond's two two-hop paths remain.
		ps, err := tr.ShortestPaths(ctx, alice, gov, PathQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 {
			t.Fatalf("got %d paths, want the diamond's 2: %+v", len(ps), ps)
		}
		for _, p := range ps {
			checkPath(t, p, alice, gov)
			if len(p.Hops) != 2 {
				t.Fatalf("path of %d hops, want 2", len(p.Hops))
			}
			if p.Hops[0].Relation.Type != kg.WorksFor || p.Hops[1].Relation.Type != kg.PartOf {
				t.Fatalf("path types %s, %s", p.Hops[0].Relation.Type, p.Hops[1].Relation.Type)
			}
		}
		if slices.Compare(pathRels(ps[0]), pathRels(ps[1])) >= 0 {
			t.Fatalf("paths not ordered by relation ids: %v then %v", pathRels(ps[0]), pathRels(ps[1]))
		}

		// Five hops through the symmetric MET_WITH edges.
		ps, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 {
			t.Fatalf("alice→dave: got %d paths, want 2", len(ps))
		}
		for _, p := range ps {
			checkPath(t, p, alice, dave)
			want := []string{alice, p.Nodes[1], gov, bob, carol, dave}
			if !slices.Equal(p.Nodes, want) {
				t.Fatalf("alice→dave path %v", p.Nodes)
			}
		}
		// Reversed, the same paths walk backwards.
		back, err := tr.ShortestPaths(ctx, dave, alice, PathQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(back) != 2 || len(back[0].Hops) != 5 {
			t.Fatalf("dave→alice: %d paths", len(back))
		}
		checkPath(t, back[0], dave, alice)
	})
}

func TestShortestPathsBounds(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		ps, err := tr.ShortestPaths(ctx, alice, dave, PathQuery{MaxHops: 4})
		if err != nil || len(ps) != 0 {
			t.Fatalf("maxHops 4 for a 5-hop path: %d paths, err %v", len(ps), err)
		}
		ps, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{MaxHops: 5})
		if err != nil || len(ps) != 2 {
			t.Fatalf("maxHops 5: %d paths, err %v", len(ps), err)
		}
		all := ps
		ps, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{Limit: 1})
		if err != nil || len(ps) != 1 {
			t.Fatalf("limit 1: %d paths, err %v", len(ps), err)
		}
		if !slices.Equal(pathRels(ps[0]), pathRels(all[0])) {
			t.Fatalf("limit 1 returned %v, not the first path %v", pathRels(ps[0]), pathRels(all[0]))
		}
		// A Traverser allowing fewer hops refuses more, and its default is
		// its own maximum.
		small := New(s, MaxHops(3))
		_, err = small.ShortestPaths(ctx, alice, dave, PathQuery{MaxHops: 5})
		wantCode(t, err, kg.EInvalid)
		ps, err = small.ShortestPaths(ctx, alice, dave, PathQuery{})
		if err != nil || len(ps) != 0 {
			t.Fatalf("default hops of MaxHops(3): %d paths, err %v", len(ps), err)
		}
		// A node budget too small for the search is an error, not "no path".
		_, err = New(s, MaxNodes(4)).ShortestPaths(ctx, alice, dave, PathQuery{})
		wantCode(t, err, kg.EInvalid)
		_, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{Limit: -1})
		wantCode(t, err, kg.EInvalid)
		_, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{Types: []kg.RelationType{"LIKES"}})
		wantCode(t, err, kg.EInvalid)
		_, err = tr.ShortestPaths(ctx, alice, dave, PathQuery{MinConfidence: 1.5})
		wantCode(t, err, kg.EInvalid)
	})
}

func TestShortestPathsFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		count := func(from, to string, q PathQuery) int {
			t.Helper()
			ps, err := tr.ShortestPaths(ctx, from, to, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				checkPath(t, p, from, to)
				for _, h := range p.Hops {
					if len(q.Types) > 0 && !slices.Contains(q.Types, h.Relation.Type) {
						t.Fatalf("hop of type %s outside %v", h.Relation.Type, q.Types)
					}
					if q.Direction == kg.Out && !h.Relation.Type.Symmetric() && h.Relation.Source != h.From {
						t.Fatalf("Out path walks %s backwards", h.Relation.ID)
					}
				}
			}
			return len(ps)
		}
		if n := count(alice, bob, PathQuery{Types: []kg.RelationType{kg.WorksFor, kg.PartOf}}); n != 0 {
			t.Fatalf("without LEADS alice→bob has %d paths", n)
		}
		if n := count(alice, bob, PathQuery{Types: []kg.RelationType{kg.WorksFor, kg.PartOf, kg.Leads}}); n != 2 {
			t.Fatalf("with LEADS alice→bob has %d paths, want 2", n)
		}
		// government ← ministries ← alice: only against the arrows.
		if n := count(gov, alice, PathQuery{Direction: kg.Out}); n != 0 {
			t.Fatalf("Out gov→alice: %d paths", n)
		}
		if n := count(gov, alice, PathQuery{Direction: kg.In}); n != 2 {
			t.Fatalf("In gov→alice: %d paths, want 2", n)
		}
		if n := count(alice, gov, PathQuery{Direction: kg.Out}); n != 2 {
			t.Fatalf("Out alice→gov: %d paths, want 2", n)
		}
		// Symmetric relations are followed both ways even with Out.
		if n := count(dave, bob, PathQuery{Direction: kg.Out}); n != 1 {
			t.Fatalf("Out dave→bob over MET_WITH: %d paths, want 1", n)
		}
		if n := count(bob, dave, PathQuery{Direction: kg.Out}); n != 1 {
			t.Fatalf("Out bob→dave over MET_WITH: %d paths, want 1", n)
		}
		// dave→erin rests on one low-confidence relation.
		if n := count(dave, erin, PathQuery{}); n != 1 {
			t.Fatalf("dave→erin: %d paths", n)
		}
		if n := count(dave, erin, PathQuery{MinConfidence: 0.5}); n != 0 {
			t.Fatalf("dave→erin at minConfidence 0.5: %d paths", n)
		}
		// No path is an empty answer, not an error.
		if n := count(alice, frank, PathQuery{}); n != 0 {
			t.Fatalf("alice→frank: %d paths", n)
		}
	})
}

func TestShortestPathsIDs(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		_, err := tr.ShortestPaths(ctx, alice, "person:nobody", PathQuery{})
		wantCode(t, err, kg.ENotFound)
		_, err = tr.ShortestPaths(ctx, "person:nobody", alice, PathQuery{})
		wantCode(t, err, kg.ENotFound)
		ps, err := tr.ShortestPaths(ctx, alice, alice, PathQuery{})
		if err != nil || len(ps) != 1 || len(ps[0].Hops) != 0 || !slices.Equal(ps[0].Nodes, []string{alice}) {
			t.Fatalf("alice→alice: %+v, %v", ps, err)
		}

		// A duplicate node for Bob, merged into him, resolves to him.
		b := newBuilder()
		b.entity(kg.Person, "", "Bobby Brown")
		b.entity(kg.Person, "", "Frank Fox")
		b.article("dup", "2020")
		bobby := kg.EntityID(kg.Person, "Bobby Brown")
		b.rel("dup", kg.FamilyOf, bobby, frank, 0.9, "Bobby Brown is Frank Fox's brother.")
		xs, _ := b.build()
		if _, err := s.SaveExtraction(ctx, xs[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MergeEntities(ctx, bob, bobby, kg.Merge{}); err != nil {
			t.Fatal(err)
		}
		ps, err = tr.ShortestPaths(ctx, alice, bobby, PathQuery{})
		if err != nil || len(ps) != 2 {
			t.Fatalf("alice→merged bobby: %d paths, %v", len(ps), err)
		}
		checkPath(t, ps[0], alice, bob)
		// Bob now reaches Frank through the merged relation.
		ps, err = tr.ShortestPaths(ctx, frank, bobby, PathQuery{})
		if err != nil || len(ps) != 1 || len(ps[0].Hops) != 1 {
			t.Fatalf("frank→bobby: %+v, %v", ps, err)
		}
		checkPath(t, ps[0], frank, bob)
	})
}

func TestCancelled(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		tr := New(s)
		if _, err := tr.ShortestPaths(ctx, alice, dave, PathQuery{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled search returned %v", err)
		}
		if _, err := tr.Neighborhood(ctx, alice, NeighborhoodQuery{Hops: 3}); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled neighborhood returned %v", err)
		}
		if _, err := tr.Subgraph(ctx, []string{alice}, SubgraphQuery{Depth: 3}); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled subgraph returned %v", err)
		}
	})
}

// checkGraph asserts that every edge joins two nodes of g, nodes and edges
// are unique and in order, and weights add up.
func checkGraph(t *testing.T, g *Graph) {
	t.Helper()
	ids := map[string]*Node{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if ids[n.ID] != nil {
			t.Fatalf("node %s twice", n.ID)
		}
		ids[n.ID] = n
		if i > 0 {
			p := g.Nodes[i-1]
			if p.Depth > n.Depth || p.Depth == n.Depth && p.ID >= n.ID {
				t.Fatalf("nodes out of order: %s then %s", p.ID, n.ID)
			}
		}
		if n.Label == "" || n.Type == "" {
			t.Fatalf("node %s lacks label or type", n.ID)
		}
	}
	weight := map[string]int{}
	for i, e := range g.Edges {
		if ids[e.Source] == nil || ids[e.Target] == nil {
			t.Fatalf("dangling edge %s %s→%s", e.ID, e.Source, e.Target)
		}
		if i > 0 && g.Edges[i-1].ID >= e.ID {
			t.Fatalf("edges out of order or repeated at %s", e.ID)
		}
		if e.Weight != len(e.Evidence) || e.Relation == nil || e.Relation.ID != e.ID {
			t.Fatalf("edge %s: weight %d, %d evidence", e.ID, e.Weight, len(e.Evidence))
		}
		weight[e.Source] += e.Weight
		weight[e.Target] += e.Weight
	}
	for _, n := range g.Nodes {
		if n.Weight != weight[n.ID] {
			t.Fatalf("node %s weight %d, want %d", n.ID, n.Weight, weight[n.ID])
		}
	}
}

func nodeIDs(g *Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.ID)
	}
	slices.Sort(out)
	return out
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

func TestNeighborhood(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		nb := func(id string, q NeighborhoodQuery) *Graph {
			t.Helper()
			g, err := tr.Neighborhood(ctx, id, q)
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			return g
		}
		g := nb(alice, NeighborhoodQuery{})
		if got := nodeIDs(g); !slices.Equal(got, sorted(alice, minOne, minTwo)) {
			t.Fatalf("1 hop from alice: %v", got)
		}
		if len(g.Edges) != 2 || g.Nodes[0].ID != alice || g.Nodes[0].Depth != 0 || g.Nodes[0].Weight != 2 {
			t.Fatalf("1 hop from alice: %+v", g)
		}
		g = nb(alice, NeighborhoodQuery{Hops: 2})
		if got := nodeIDs(g); !slices.Equal(got, sorted(alice, minOne, minTwo, gov)) || len(g.Edges) != 4 {
			t.Fatalf("2 hops from alice: %v, %d edges", got, len(g.Edges))
		}
		if n := g.Nodes[len(g.Nodes)-1]; n.ID != gov || n.Depth != 2 || n.Type != "Organization" || n.Subtype != "government" || n.Label != "Northland Government" {
			t.Fatalf("government node %+v", n)
		}
		// Entity types: only people around the government, and not through
		// the ministries either.
		g = nb(gov, NeighborhoodQuery{Hops: 2, EntityTypes: []kg.EntityType{kg.Person}})
		if got := nodeIDs(g); !slices.Equal(got, sorted(gov, bob, carol)) {
			t.Fatalf("people around gov: %v", got)
		}
		// Article: only what a1 says about the government.
		g = nb(gov, NeighborhoodQuery{ArticleID: fx.articles["a1"]})
		if got := nodeIDs(g); !slices.Equal(got, sorted(gov, minOne, militia)) {
			t.Fatalf("a1 around gov: %v", got)
		}
		for _, e := range g.Edges {
			for _, ev := range e.Evidence {
				if ev.ArticleID != fx.articles["a1"] {
					t.Fatalf("edge %s cites %s", e.ID, ev.ArticleID)
				}
			}
		}
		// Dates: a1 is 2018-05-10, a2 is 2019-03, a3 is undated.
		for _, c := range []struct {
			from, to string
			want     []string
		}{
			{"2019", "", sorted(gov, minTwo, bob)},
			{"", "2018", sorted(gov, minOne, militia)},
			{"2018-05-10", "2018-05-10", sorted(gov, minOne, militia)},
			{"2018-05-11", "2019-02", sorted(gov)},
			{"2019-03-31", "", sorted(gov, minTwo, bob)}, // month precision overlaps the day
			{"2000", "2030", sorted(gov, minOne, minTwo, militia, bob)},
		} {
			g = nb(gov, NeighborhoodQuery{From: c.from, To: c.to})
			if got := nodeIDs(g); !slices.Equal(got, c.want) {
				t.Fatalf("gov from %q to %q: %v, want %v", c.from, c.to, got, c.want)
			}
		}
		// Undated articles never match a date range.
		g = nb(carol, NeighborhoodQuery{From: "1900"})
		if got := nodeIDs(g); !slices.Equal(got, sorted(carol, bob)) {
			t.Fatalf("carol since 1900: %v", got)
		}
		// Limit per hop keeps the best-supported, then by id, and says so.
		g = nb(gov, NeighborhoodQuery{LimitPerHop: 2})
		if got := nodeIDs(g); len(got) != 3 || !g.Truncated {
			t.Fatalf("limit 2 around gov: %v truncated=%v", got, g.Truncated)
		}
		if got := nb(gov, NeighborhoodQuery{}); got.Truncated || len(got.Nodes) != 5 {
			t.Fatalf("unlimited around gov: %d nodes, truncated=%v", len(got.Nodes), got.Truncated)
		}
		g = nb(gov, NeighborhoodQuery{Types: []kg.RelationType{kg.Leads}, Hops: 2})
		if got := nodeIDs(g); !slices.Equal(got, sorted(gov, bob, northland)) {
			t.Fatalf("LEADS around gov: %v", got)
		}
		g = nb(dave, NeighborhoodQuery{MinConfidence: 0.5})
		if got := nodeIDs(g); !slices.Equal(got, sorted(dave, carol)) {
			t.Fatalf("confident around dave: %v", got)
		}
		g = nb(frank, NeighborhoodQuery{Hops: 3})
		if len(g.Nodes) != 1 || len(g.Edges) != 0 {
			t.Fatalf("lonely frank: %+v", g)
		}

		for _, q := range []NeighborhoodQuery{
			{Hops: 7}, {Hops: -1}, {From: "2018-13"}, {To: "May 2018"}, {From: "2019", To: "2018"},
			{EntityTypes: []kg.EntityType{"Planet"}}, {LimitPerHop: -2},
		} {
			_, err := tr.Neighborhood(ctx, gov, q)
			wantCode(t, err, kg.EInvalid)
		}
		_, err := tr.Neighborhood(ctx, "organization:nowhere", NeighborhoodQuery{})
		wantCode(t, err, kg.ENotFound)
	})
}

func TestSubgraph(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		g, err := tr.Subgraph(ctx, []string{alice, carol, alice}, SubgraphQuery{})
		if err != nil {
			t.Fatal(err)
		}
		checkGraph(t, g)
		if got := nodeIDs(g); !slices.Equal(got, sorted(alice, minOne, minTwo, carol, bob, dave)) {
			t.Fatalf("subgraph nodes %v", got)
		}
		depth := map[string]int{}
		for _, n := range g.Nodes {
			depth[n.ID] = n.Depth
		}
		if depth[alice] != 0 || depth[carol] != 0 || depth[bob] != 1 || depth[minOne] != 1 {
			t.Fatalf("depths %v", depth)
		}
		wantEdges := sorted(fx.rels["aliceMin1"], fx.rels["aliceMin2"], fx.rels["bobCarol"], fx.rels["carolDave"])
		var gotEdges []string
		for _, e := range g.Edges {
			gotEdges = append(gotEdges, e.ID)
		}
		if !slices.Equal(gotEdges, wantEdges) {
			t.Fatalf("edges %v, want %v", gotEdges, wantEdges)
		}
		// Two hops join the two halves through the government and Bob.
		g, err = tr.Subgraph(ctx, []string{alice, carol}, SubgraphQuery{Depth: 2})
		if err != nil {
			t.Fatal(err)
		}
		checkGraph(t, g)
		if !slices.Contains(nodeIDs(g), gov) || !slices.Contains(nodeIDs(g), erin) {
			t.Fatalf("depth 2 nodes %v", nodeIDs(g))
		}
		// A node budget cuts the graph without leaving dangling edges.
		for max := 2; max <= 6; max++ {
			g, err = tr.Subgraph(ctx, []string{alice, carol}, SubgraphQuery{Depth: 3, MaxNodes: max})
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			if len(g.Nodes) != max || !g.Truncated {
				t.Fatalf("maxNodes %d: %d nodes, truncated=%v", max, len(g.Nodes), g.Truncated)
			}
		}
		_, err = tr.Subgraph(ctx, nil, SubgraphQuery{})
		wantCode(t, err, kg.EInvalid)
		_, err = tr.Subgraph(ctx, []string{alice, "person:nobody"}, SubgraphQuery{})
		wantCode(t, err, kg.ENotFound)
		_, err = tr.Subgraph(ctx, []string{alice, bob, carol}, SubgraphQuery{MaxNodes: 2})
		wantCode(t, err, kg.EInvalid)
	})
}

func TestCytoscape(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		g, err := New(s).Neighborhood(context.Background(), alice, NeighborhoodQuery{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(g.Cytoscape(false))
		if err != nil {
			t.Fatal(err)
		}
		var els []struct {
			Group string         `json:"group"`
			Data  map[string]any `json:"data"`
		}
		if err := json.Unmarshal(b, &els); err != nil {
			t.Fatal(err)
		}
		if len(els) != 5 {
			t.Fatalf("%d elements: %s", len(els), b)
		}
		seen := map[string]bool{}
		for i, el := range els {
			d := el.Data
			switch {
			case i < 3:
				if el.Group != "nodes" || d["source"] != nil || d["target"] != nil {
					t.Fatalf("element %d is not a node: %s", i, b)
				}
				seen[d["id"].(string)] = true
			default:
				if el.Group != "edges" || !seen[d["source"].(string)] || !seen[d["target"].(string)] {
					t.Fatalf("element %d is not an edge between known nodes: %s", i, b)
				}
			}
			for _, k := range []string{"id", "label", "type", "weight"} {
				if _, ok := d[k]; !ok {
					t.Fatalf("element %d lacks %s: %s", i, k, b)
				}
			}
		}
		if !strings.Contains(string(b), `{"group":"nodes","data":{"id":"`+alice+`","label":"Alice Adams","type":"Person","weight":2},"classes":["person","seed"]}`) {
			t.Fatalf("alice's element is not as Cytoscape.js takes it: %s", b)
		}
		if !strings.Contains(string(b), `"symmetric":false`) || !strings.Contains(string(b), `"classes":["works-for"]`) {
			t.Fatalf("edges lack their symmetric flag or relation class: %s", b)
		}
		if !strings.Contains(string(b), `"label":"works for: adviser"`) {
			t.Fatalf("edge label lacks the title: %s", b)
		}
	})
}

func TestTimeline(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		tl, err := tr.Timeline(context.Background(), alice)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range tl {
			got = append(got, e.Date+" "+e.Role)
			if len(e.Evidence) == 0 || e.Event == nil {
				t.Fatalf("entry %+v lacks its event or evidence", e)
			}
		}
		want := []string{"2006-12-31 patient", "2007 patient", "2007-01 agent", "2007-05 agent", "2007-05-12 witness", " agent"}
		if !slices.Equal(got, want) {
			t.Fatalf("timeline %q, want %q", got, want)
		}
		if !slices.Equal(tl[4].Roles, []string{"witness", "patient"}) {
			t.Fatalf("roles %v", tl[4].Roles)
		}
		tl, err = tr.Timeline(context.Background(), northland)
		if err != nil || len(tl) != 1 || tl[0].Role != "place" {
			t.Fatalf("northland timeline %+v, %v", tl, err)
		}
		tl, err = tr.Timeline(context.Background(), frank)
		if err != nil || len(tl) != 0 {
			t.Fatalf("frank timeline %+v, %v", tl, err)
		}
		_, err = tr.Timeline(context.Background(), "person:nobody")
		wantCode(t, err, kg.ENotFound)
	})
}

func TestTimelineOrder(t *testing.T) {
	dates := []string{"", "2007-05-12", "2007", "garbage", "2007-05", "2006-12-31", "2007-01", "2007-01-01"}
	var es []TimelineEntry
	for i, d := range dates {
		es = append(es, TimelineEntry{Date: d, Event: &kg.Event{ID: string(rune('z' - i))}})
	}
	slices.SortStableFunc(es, func(a, b TimelineEntry) int {
		if timelineLess(a.Date, a.Event.ID, b.Date, b.Event.ID) {
			return -1
		}
		if timelineLess(b.Date, b.Event.ID, a.Date, a.Event.ID) {
			return 1
		}
		return 0
	})
	var got []string
	for _, e := range es {
		got = append(got, e.Date)
	}
	want := []string{"2006-12-31", "2007", "2007-01", "2007-01-01", "2007-05", "2007-05-12", "garbage", ""}
	if !slices.Equal(got, want) {
		t.Fatalf("order %q, want %q", got, want)
	}
}

func TestCoMentions(t *testing.T) {
	eachStore(t, func(t *testing.T, s kg.Store, fx fixture) {
		tr := New(s)
		ctx := context.Background()
		cm, err := tr.CoMentions(ctx, alice, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Alice is in a1 and a2; her (unretracted) relations cite two
		// sentences of a1, the first of which also says Ministry One is
		// part of the government.
		want := []CoMention{
			{minTwo, 2, 1}, {gov, 2, 1}, {minOne, 1, 1}, {bob, 2, 0},
			{northland, 1, 0}, {militia, 1, 0}, {carol, 1, 0}, {gina, 1, 0},
		}
		if !slices.Equal(cm, want) {
			t.Fatalf("co-mentions of alice\n got %v\nwant %v", cm, want)
		}
		cm, err = tr.CoMentions(ctx, alice, 3)
		if err != nil || !slices.Equal(cm, want[:3]) {
			t.Fatalf("limit 3: %v, %v", cm, err)
		}
		cm, err = tr.CoMentions(ctx, frank, 0)
		if err != nil || !slices.Equal(cm, []CoMention{{carol, 1, 0}, {dave, 1, 0}, {erin, 1, 0}}) {
			t.Fatalf("frank: %v, %v", cm, err)
		}
		_, err = tr.CoMentions(ctx, alice, -1)
		wantCode(t, err, kg.EInvalid)
		_, err = tr.CoMentions(ctx, "person:nobody", 0)
		wantCode(t, err, kg.ENotFound)
	})
}

func TestCytoscapeCollapse(t *testing.T) {
	g := &Graph{
		Nodes: []Node{{ID: "person:a", Label: "A", Type: "Person"}, {ID: "organization:b", Label: "B", Type: "Organization"}, {ID: "person:c", Label: "C", Type: "Person"}},
		Edges: []Edge{
			{ID: "rel:1", Source: "person:a", Target: "organization:b", Type: "LEADS", Label: "leads", Weight: 2, Confidence: 0.7},
			{ID: "rel:2", Source: "person:a", Target: "organization:b", Type: "HOLDS_ROLE", Label: "holds role: chief", Weight: 1, Confidence: 0.9},
			{ID: "rel:3", Source: "person:c", Target: "person:a", Type: "MET_WITH", Label: "met with", Weight: 1, Confidence: 0.6},
			{ID: "rel:4", Source: "person:a", Target: "person:c", Type: "FOUGHT", Label: "fought", Weight: 3, Confidence: 0.5},
		},
	}
	if n := len(g.Cytoscape(false)); n != 7 {
		t.Fatalf("uncollapsed: %d elements, want 7", n)
	}
	els := g.Cytoscape(true)
	if len(els) != 5 {
		b, _ := json.Marshal(els)
		t.Fatalf("collapsed: %d elements, want 3 nodes and 2 edges: %s", len(els), b)
	}
	ab, ac := els[3], els[4]
	if ab.Data.ID != "pair:organization:b|person:a" || !slices.Equal(ab.Data.Types, []string{"LEADS", "HOLDS_ROLE"}) ||
		ab.Data.Weight != 3 || *ab.Data.Confidence != 0.9 || *ab.Data.Symmetric ||
		!slices.Equal(ab.Data.Relations, []string{"rel:1", "rel:2"}) || ab.Data.Label != "leads; holds role: chief" ||
		!slices.Equal(ab.Classes, []string{"leads", "collapsed", "holds-role"}) {
		t.Errorf("collapsed a–b edge: %+v classes %v", ab.Data, ab.Classes)
	}
	// Two symmetric relations in opposite directions stay symmetric.
	if !*ac.Data.Symmetric || !slices.Contains(ac.Classes, "symmetric") || ac.Data.Weight != 4 ||
		!slices.Equal(ac.Data.Types, []string{"MET_WITH", "FOUGHT"}) {
		t.Errorf("collapsed a–c edge: %+v classes %v", ac.Data, ac.Classes)
	}
	if ClassName("HOLDS_ROLE") != "holds-role" || ClassName("Person") != "person" {
		t.Errorf("ClassName: %q %q", ClassName("HOLDS_ROLE"), ClassName("Person"))
	}
}
