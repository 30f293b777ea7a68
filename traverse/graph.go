package traverse

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// NeighborhoodQuery narrows the neighborhood of one entity.
type NeighborhoodQuery struct {
	// Hops is how far to go from the entity; 0 means 1.
	Hops int
	// Types limits the relations followed; empty follows all.
	Types []kg.RelationType
	// EntityTypes limits the entities included (the centre always is);
	// entities of other types are neither shown nor walked through.
	EntityTypes []kg.EntityType
	// MinConfidence drops relations whose confidence is lower.
	MinConfidence float64
	// ArticleID keeps only relations with evidence from this article.
	ArticleID string
	// From and To ("2018", "2018-05", "2018-05-10") keep only relations
	// with evidence from articles published in that range, inclusive; an
	// article's date counts when its period overlaps the range.
	From, To string
	// LimitPerHop caps the entities added at each hop level, keeping those
	// with the most evidence; 0 means no cap beyond MaxNodes.
	LimitPerHop int
	// Evidence is how much evidence the edges carry: the zero value, all
	// of it; kg.EvidenceRefs leaves out the sentences' texts; Count or
	// None (which reads as Count, since weights count the evidence) keep
	// only how many pieces there are, as zero values — except with an
	// article or a date range, whose scope needs the references.
	Evidence kg.EvidenceRead
	// BriefEntities lets the nodes' entities beyond the centre lack their
	// aliases (kg.RelationRead.BriefEnds), for callers that show no more
	// than ids, names and types.
	BriefEntities bool
}

// SubgraphQuery narrows the subgraph around several seeds.
type SubgraphQuery struct {
	// Depth is how far to go from the seeds; 0 means 1.
	Depth int
	// Types limits the relations followed; empty follows all.
	Types []kg.RelationType
	// MinConfidence drops relations whose confidence is lower.
	MinConfidence float64
	// MaxNodes caps the entities in the subgraph; 0 (or more than the
	// Traverser allows) means the Traverser's MaxNodes.
	MaxNodes int
	// Evidence is how much evidence the edges carry, as in
	// NeighborhoodQuery.
	Evidence kg.EvidenceRead
}

// Graph is a part of the knowledge graph ready to draw. Every edge joins two
// nodes of the graph.
type Graph struct {
	Nodes []Node `json:"nodes"` // ordered by depth, then id
	Edges []Edge `json:"edges"` // ordered by id
	// Truncated says that a node budget (MaxNodes, LimitPerHop) left out
	// entities the query would otherwise have reached.
	Truncated bool `json:"truncated"`
}

// Node is an entity of a Graph.
type Node struct {
	ID      string        `json:"id"`
	Label   string        `json:"label"` // the entity's name
	Type    kg.EntityType `json:"type"`
	Subtype string        `json:"subtype,omitempty"`
	// Weight is the number of evidence sentences of the node's edges in the
	// graph: how much the graph says about it.
	Weight int `json:"weight"`
	// Depth is the number of hops from the nearest seed.
	Depth int `json:"depth"`
	// Entity is the entity read from the store.
	Entity *kg.Entity `json:"-"`
}

// Edge is a relation of a Graph.
type Edge struct {
	ID     string          `json:"id"`
	Source string          `json:"source"`
	Target string          `json:"target"`
	Type   kg.RelationType `json:"type"`
	Label  string          `json:"label"` // "holds role", with the title when there is one
	// Weight is the number of supporting sentences within the query's
	// scope (article, dates).
	Weight     int     `json:"weight"`
	Confidence float64 `json:"confidence"`
	// Relation is the relation read from the store, with all its evidence;
	// Evidence is the part of it within the query's scope.
	Relation *kg.Relation  `json:"-"`
	Evidence []kg.Evidence `json:"-"`
}

// CyElement is one element of a Cytoscape.js elements array. Classes name
// the entity type (nodes: "person", "organization" …; "seed" for depth 0)
// or the relation type (edges: "detained", "holds-role" …; "symmetric",
// "collapsed"), so that a stylesheet such as the explorer's
// cytoscape-style.json colours and labels the graph without reshaping it.
type CyElement struct {
	Group   string   `json:"group"` // "nodes" or "edges"
	Data    CyData   `json:"data"`
	Classes []string `json:"classes"`
}

// CyData is the data of a Cytoscape.js element; Source, Target,
// Confidence, Symmetric, Types and Relations are set on edges only.
type CyData struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Type    string `json:"type"`
	Subtype string `json:"subtype,omitempty"`
	Source  string `json:"source,omitempty"`
	Target  string `json:"target,omitempty"`
	// Weight is the number of evidence sentences (see Node and Edge).
	Weight     int      `json:"weight"`
	Confidence *float64 `json:"confidence,omitempty"`
	// Symmetric says the relation reads the same both ways (FOUGHT …), so
	// a frontend draws it without an arrow.
	Symmetric *bool `json:"symmetric,omitempty"`
	// Types are the relation types of the edge: one, or several when
	// parallel edges were collapsed.
	Types []string `json:"types,omitempty"`
	// Relations are the ids of the relations the edge stands for.
	Relations []string `json:"relations,omitempty"`
}

// Cytoscape returns the graph as Cytoscape.js elements, nodes first, so that
// `cy.add(elements)` finds every edge's ends already there. With collapse,
// the edges between one pair of entities (either direction) become one
// edge listing their types, its weight the sum and its confidence the
// highest; its id is "pair:" and the two entity ids.
func (g *Graph) Cytoscape(collapse bool) []CyElement {
	out := make([]CyElement, 0, len(g.Nodes)+len(g.Edges))
	for _, n := range g.Nodes {
		cls := []string{ClassName(string(n.Type))}
		if n.Depth == 0 {
			cls = append(cls, "seed")
		}
		out = append(out, CyElement{Group: "nodes", Classes: cls, Data: CyData{
			ID: n.ID, Label: n.Label, Type: string(n.Type), Subtype: n.Subtype, Weight: n.Weight,
		}})
	}
	edges := make([]CyElement, 0, len(g.Edges))
	pairs := map[[2]string]int{} // pair → index in edges
	for _, e := range g.Edges {
		sym, conf := e.Type.Symmetric(), e.Confidence
		el := CyElement{Group: "edges", Classes: []string{ClassName(string(e.Type))}, Data: CyData{
			ID: e.ID, Label: e.Label, Type: string(e.Type), Source: e.Source, Target: e.Target,
			Weight: e.Weight, Confidence: &conf, Symmetric: &sym,
			Types: []string{string(e.Type)}, Relations: []string{e.ID},
		}}
		if sym {
			el.Classes = append(el.Classes, "symmetric")
		}
		if !collapse {
			edges = append(edges, el)
			continue
		}
		key := [2]string{min(e.Source, e.Target), max(e.Source, e.Target)}
		i, ok := pairs[key]
		if !ok {
			pairs[key] = len(edges)
			edges = append(edges, el)
			continue
		}
		mergeEdge(&edges[i], el, key)
	}
	return append(out, edges...)
}

// mergeEdge folds el into the collapsed edge c of the pair key.
func mergeEdge(c *CyElement, el CyElement, key [2]string) {
	d := &c.Data
	if !slices.Contains(c.Classes, "collapsed") {
		d.ID = "pair:" + key[0] + "|" + key[1]
		c.Classes = append(c.Classes, "collapsed")
	}
	d.Label += "; " + el.Data.Label
	d.Weight += el.Data.Weight
	conf, sym := max(*d.Confidence, *el.Data.Confidence), *d.Symmetric && *el.Data.Symmetric
	d.Confidence, d.Symmetric = &conf, &sym
	d.Relations = append(d.Relations, el.Data.ID)
	if !slices.Contains(d.Types, el.Data.Type) {
		d.Types = append(d.Types, el.Data.Type)
		d.Type = strings.Join(d.Types, ",")
		c.Classes = append(c.Classes, ClassName(el.Data.Type))
	}
	if !sym {
		c.Classes = slices.DeleteFunc(c.Classes, func(s string) bool { return s == "symmetric" })
	}
}

// ClassName is the Cytoscape.js class of an entity or relation type:
// lower case with dashes ("Person" → "person", "HOLDS_ROLE" → "holds-role").
func ClassName(typ string) string {
	return strings.ToLower(strings.ReplaceAll(typ, "_", "-"))
}

// Neighborhood returns the entities within q.Hops of id and the relations
// followed to reach them. Unknown ids give kg.ENotFound. The centre and
// its relations are one EntitiesWithRelations call; each further hop level
// costs one Relations call (which reads the new entities with it); with a
// date range, each level costs one Articles call.
func (t *Traverser) Neighborhood(ctx context.Context, id string, q NeighborhoodQuery) (*Graph, error) {
	hops, err := t.hopCount("hops", q.Hops, 1)
	if err != nil {
		return nil, err
	}
	if err := checkFilter(q.Types, q.MinConfidence); err != nil {
		return nil, err
	}
	var types map[kg.EntityType]bool
	if len(q.EntityTypes) > 0 {
		types = map[kg.EntityType]bool{}
		for _, et := range q.EntityTypes {
			if !et.Valid() {
				return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", et)
			}
			types[et] = true
		}
	}
	if q.LimitPerHop < 0 {
		return nil, kg.Errorf(kg.EInvalid, "limitPerHop must not be negative, got %d", q.LimitPerHop)
	}
	dates, err := kg.ParseDateRange(q.From, q.To)
	if err != nil {
		return nil, err
	}
	ev := q.Evidence
	if q.ArticleID != "" || dates != nil {
		ev = ev.Needs(kg.EvidenceRefs) // the scope reads each piece's article
	}
	f := walkFilter(q.Types, q.MinConfidence, ev)
	f.Read.BriefEnds = q.BriefEntities
	var es []*kg.Entity
	var first, second map[string][]*kg.Relation
	if hops >= 2 {
		es, first, second, err = t.twoLevels(ctx, id, f)
	}
	if second == nil && err == nil {
		es, first, err = t.seeds(ctx, []string{id}, f)
	}
	if err != nil {
		return nil, err
	}
	return t.walk(ctx, walkSpec{
		seeds:       es,
		first:       first,
		second:      second,
		hops:        hops,
		filter:      f,
		entityTypes: types,
		articleID:   q.ArticleID,
		dates:       dates,
		limitPerHop: q.LimitPerHop,
		maxNodes:    t.maxNodes,
	})
}

// Subgraph returns the entities within q.Depth of any seed and the
// relations followed to reach them, at most q.MaxNodes entities (seeds
// first, then the best-supported). Unknown seeds give kg.ENotFound. The
// seeds and their relations are one EntitiesWithRelations call, each
// further level one Relations call.
func (t *Traverser) Subgraph(ctx context.Context, seeds []string, q SubgraphQuery) (*Graph, error) {
	depth, err := t.hopCount("depth", q.Depth, 1)
	if err != nil {
		return nil, err
	}
	if err := checkFilter(q.Types, q.MinConfidence); err != nil {
		return nil, err
	}
	maxNodes := q.MaxNodes
	switch {
	case maxNodes < 0:
		return nil, kg.Errorf(kg.EInvalid, "maxNodes must not be negative, got %d", maxNodes)
	case maxNodes == 0 || maxNodes > t.maxNodes:
		maxNodes = t.maxNodes
	}
	if len(seeds) == 0 {
		return nil, kg.Errorf(kg.EInvalid, "a subgraph needs at least one seed")
	}
	if len(seeds) > maxNodes {
		return nil, kg.Errorf(kg.EInvalid, "%d seeds exceed the limit of %d nodes", len(seeds), maxNodes)
	}
	f := walkFilter(q.Types, q.MinConfidence, q.Evidence)
	es, first, err := t.seeds(ctx, seeds, f)
	if err != nil {
		return nil, err
	}
	return t.walk(ctx, walkSpec{
		seeds:    es,
		first:    first,
		hops:     depth,
		filter:   f,
		maxNodes: maxNodes,
	})
}

// walkFilter is the relation read of a walk: both directions, the end
// entities (the next level's nodes) with the relations, and at least the
// count of the evidence that weights and budgets count.
func walkFilter(types []kg.RelationType, minConf float64, ev kg.EvidenceRead) kg.RelationFilter {
	return kg.RelationFilter{Direction: kg.Both, Types: types, MinConfidence: minConf,
		Read: kg.RelationRead{Evidence: ev.Needs(kg.EvidenceCount), Ends: true}}
}

// walkSpec is what Neighborhood and Subgraph ask of walk.
type walkSpec struct {
	seeds       []*kg.Entity
	first       map[string][]*kg.Relation // the seeds' relations (the first level), by resolved id
	second      map[string][]*kg.Relation // nil, or the relations of every end of first (the second level), by id
	hops        int
	filter      kg.RelationFilter
	entityTypes map[kg.EntityType]bool // nil: all
	articleID   string
	dates       *kg.DateRange
	limitPerHop int
	maxNodes    int
}

// walk is the breadth-first expansion shared by Neighborhood and Subgraph.
func (t *Traverser) walk(ctx context.Context, w walkSpec) (*Graph, error) {
	g := &Graph{}
	nodes := map[string]*Node{}
	edges := map[string]*Edge{}
	var frontier []string
	for _, e := range w.seeds {
		if nodes[e.ID] == nil {
			nodes[e.ID] = newNode(e, 0)
			frontier = append(frontier, e.ID)
		}
	}
	published := map[string]string{} // article id → publication date
	for depth := 0; depth < w.hops && len(frontier) > 0; depth++ {
		var rels [][]*kg.Relation
		if depth == 0 {
			// Read with the seeds themselves.
			rels = make([][]*kg.Relation, len(frontier))
			for i, u := range frontier {
				rels[i] = w.first[u]
			}
		} else if depth == 1 && w.second != nil {
			// Read with the seeds too: the frontier is ends of first.
			rels = make([][]*kg.Relation, len(frontier))
			for i, u := range frontier {
				rels[i] = w.second[u]
			}
		} else {
			var err error
			if rels, err = t.relations(ctx, frontier, w.filter); err != nil {
				return nil, err
			}
		}
		if w.dates != nil {
			if err := t.loadDates(ctx, rels, published); err != nil {
				return nil, err
			}
		}
		type pending struct {
			rel *kg.Relation
			ev  []kg.Evidence
		}
		var found []pending
		score := map[string]int{}       // new entity → evidence reaching it
		read := map[string]*kg.Entity{} // new entity → as the relation read gave it
		for i, u := range frontier {
			for _, r := range rels[i] {
				v := other(r, u)
				if v == "" {
					continue
				}
				if e := endEntity(r, v); e != nil {
					read[v] = e
				}
				ev := inScope(r, w.articleID, w.dates, published)
				if len(ev) == 0 && (w.articleID != "" || w.dates != nil) {
					continue // nothing in scope supports it
				}
				found = append(found, pending{r, ev})
				if nodes[v] == nil {
					score[v] += len(ev)
				}
			}
		}
		added, err := t.admit(ctx, w, nodes, score, read, depth+1, g)
		if err != nil {
			return nil, err
		}
		for _, p := range found {
			if nodes[p.rel.Source] != nil && nodes[p.rel.Target] != nil && edges[p.rel.ID] == nil {
				edges[p.rel.ID] = newEdge(p.rel, p.ev)
			}
		}
		frontier = added
	}
	for _, e := range edges {
		nodes[e.Source].Weight += e.Weight
		nodes[e.Target].Weight += e.Weight
	}
	g.Nodes = make([]Node, 0, len(nodes))
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, *n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool {
		if g.Nodes[i].Depth != g.Nodes[j].Depth {
			return g.Nodes[i].Depth < g.Nodes[j].Depth
		}
		return g.Nodes[i].ID < g.Nodes[j].ID
	})
	g.Edges = make([]Edge, 0, len(edges))
	for _, id := range sortedKeys(edges) {
		g.Edges = append(g.Edges, *edges[id])
	}
	return g, nil
}

// admit adds the candidate entities of one level that the query allows,
// best-supported first, within the node budgets. Candidates the relation
// read did not give (a store wrapper may drop the ends) are read in one
// call. It returns the ids added: the next frontier.
func (t *Traverser) admit(ctx context.Context, w walkSpec, nodes map[string]*Node, score map[string]int, read map[string]*kg.Entity, depth int, g *Graph) ([]string, error) {
	if len(score) == 0 {
		return nil, nil
	}
	ids := sortedKeys(score)
	es := make([]*kg.Entity, len(ids))
	var missing []int
	for i, id := range ids {
		if es[i] = read[id]; es[i] == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		want := make([]string, len(missing))
		for j, i := range missing {
			want[j] = ids[i]
		}
		got, err := t.s.Entities(ctx, want)
		if err != nil {
			return nil, fmt.Errorf("traverse: read entities: %w", err)
		}
		if len(got) != len(want) {
			return nil, fmt.Errorf("traverse: store returned %d entities for %d ids", len(got), len(want))
		}
		for j, i := range missing {
			es[i] = got[j]
		}
	}
	type cand struct {
		e     *kg.Entity
		score int
	}
	cands := make([]cand, 0, len(ids))
	for i, e := range es {
		// A relation to an entity the store no longer knows, or to one
		// merged away (its relations moved to the survivor), is skipped
		// rather than drawn as a dangling edge.
		if e == nil || e.ID != ids[i] {
			continue
		}
		if w.entityTypes != nil && !w.entityTypes[e.Type] {
			continue
		}
		cands = append(cands, cand{e, score[ids[i]]})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	room := w.maxNodes - len(nodes)
	if w.limitPerHop > 0 && w.limitPerHop < room {
		room = w.limitPerHop
	}
	if room < 0 {
		room = 0
	}
	if len(cands) > room {
		cands = cands[:room]
		g.Truncated = true
	}
	added := make([]string, 0, len(cands))
	for _, c := range cands {
		nodes[c.e.ID] = newNode(c.e, depth)
		added = append(added, c.e.ID)
	}
	sort.Strings(added)
	return added, nil
}

// loadDates reads, in one Articles call, the publication dates of the
// articles cited by rels that are not known yet.
func (t *Traverser) loadDates(ctx context.Context, rels [][]*kg.Relation, published map[string]string) error {
	want := map[string]bool{}
	for _, rs := range rels {
		for _, r := range rs {
			for _, ev := range r.Evidence {
				if _, ok := published[ev.ArticleID]; !ok {
					want[ev.ArticleID] = true
				}
			}
		}
	}
	if len(want) == 0 {
		return nil
	}
	ids := sortedKeys(want)
	arts, err := t.s.Articles(ctx, ids)
	if err != nil {
		return fmt.Errorf("traverse: read articles: %w", err)
	}
	for i, id := range ids {
		published[id] = ""
		if i < len(arts) && arts[i] != nil {
			published[id] = arts[i].Published
		}
	}
	return nil
}

// inScope returns the evidence of r that the query's article and date range
// allow; with neither, all of it.
func inScope(r *kg.Relation, articleID string, dates *kg.DateRange, published map[string]string) []kg.Evidence {
	if articleID == "" && dates == nil {
		return r.Evidence
	}
	var out []kg.Evidence
	for _, ev := range r.Evidence {
		if articleID != "" && ev.ArticleID != articleID {
			continue
		}
		if dates != nil && !dates.Contains(published[ev.ArticleID]) {
			continue
		}
		out = append(out, ev)
	}
	return out
}

// endEntity is the end entity of r with id v, when the read gave it.
func endEntity(r *kg.Relation, v string) *kg.Entity {
	if v == r.Source {
		return r.SourceEntity
	}
	return r.TargetEntity
}

func newNode(e *kg.Entity, depth int) *Node {
	return &Node{ID: e.ID, Label: e.Name, Type: e.Type, Subtype: e.Subtype, Depth: depth, Entity: e}
}

func newEdge(r *kg.Relation, ev []kg.Evidence) *Edge {
	label := strings.ToLower(strings.ReplaceAll(string(r.Type), "_", " "))
	if title := r.Properties["title"]; title != "" {
		label += ": " + title
	}
	return &Edge{
		ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Label: label,
		Weight: len(ev), Confidence: r.Confidence, Relation: r, Evidence: ev,
	}
}
