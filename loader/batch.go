package loader

import (
	"maps"
	"slices"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// DefaultMaxBatch is how many articles one transaction saves at most during
// a load (BenchmarkLoad in sqlite and neo4jstore: past it the rate no longer
// grows). Batches start at one article and double, so the first progress
// comes at once.
const DefaultMaxBatch = 64

// footprint is what an article's resolution read from the store, or what
// its save writes: entity ids, blocking keys and article ids. A decision
// taken ahead is kept only when what it read meets nothing the batch wrote
// since, so it is the decision the article would get after the batch's
// articles, as when saving one by one; otherwise the article is decided
// again against the store as the batch leaves it (overlay).
type footprint struct {
	ids, keys, articles map[string]bool
	// Read: the article's own ids, by whether the store knew them; only
	// their existence matters. Written: the ids the save removes.
	present, missing map[string]bool
	// all marks writes that may change anything a later article reads:
	// an existing node folded into another moves every mention of it.
	all bool
}

func newFootprint() *footprint {
	return &footprint{ids: map[string]bool{}, keys: map[string]bool{}, articles: map[string]bool{},
		present: map[string]bool{}, missing: map[string]bool{}}
}

func add(m map[string]bool, vs []string) {
	for _, v := range vs {
		m[v] = true
	}
}

func meets(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for v := range a {
		if b[v] {
			return true
		}
	}
	return false
}

// meets says whether the reads f meet the writes w: an entity read whole
// that w changes or removes, an own id known that w removes or unknown that
// w creates, a key or an article w writes.
func (f *footprint) meets(w *footprint) bool {
	return w.all || meets(f.ids, w.ids) || meets(f.ids, w.present) || meets(f.present, w.present) ||
		meets(f.missing, w.ids) || meets(f.keys, w.keys) || meets(f.articles, w.articles)
}

// merge adds g to f.
func (f *footprint) merge(g *footprint) {
	maps.Copy(f.ids, g.ids)
	maps.Copy(f.keys, g.keys)
	maps.Copy(f.articles, g.articles)
	maps.Copy(f.present, g.present)
	f.all = f.all || g.all
}

// readOf is what deciding an article read, as a footprint: its own ids
// by whether they exist, and the keys, candidates and articles read.
func readOf(lk resolve.Linked) *footprint {
	f := newFootprint()
	add(f.present, lk.Read.Present)
	add(f.missing, lk.Read.Missing)
	add(f.keys, lk.Read.Keys)
	add(f.ids, lk.Read.Entities)
	add(f.articles, lk.Read.Articles)
	return f
}

// writes is what saving p's article x (with its joins) changes for later articles'
// resolution: the article, its entities and the nodes they are, the
// blocking keys of its names, and the entities of the version it replaces
// (old holds them; kept in present, as the ids it may remove). When later
// articles count x in (counted: resolve.LinkAll adds x to its nodes'
// articles), an entity that is a node already, of its type and with every
// name x gives it (lk.Unchanged), is left out: its names and keys stay as
// they are, and its articles are counted in. Such an entity's keys are
// left out in any case.
func writes(p *resolve.Prepared, old []string, lk resolve.Linked, counted bool) *footprint {
	x := p.X
	f := newFootprint()
	f.articles[x.Article.ID] = true
	add(f.present, old)
	for _, e := range x.Entities {
		unchanged := slices.Contains(lk.Unchanged, e.ID)
		if !counted || !unchanged {
			f.ids[e.ID] = true
			if n := lk.Nodes[e.ID]; n != "" {
				f.ids[n] = true
			}
		}
		if !unchanged {
			add(f.keys, p.Keys(e.ID))
		}
	}
	for _, j := range x.Joins {
		f.ids[j.Node] = true
		f.ids[j.ID] = true
		f.all = f.all || folds(x, j)
	}
	return f
}

// folds reports a join that folds an existing node into one of x's
// entities (resolve's links), not one of x's entities into a node.
func folds(x *kg.Extraction, j kg.Join) bool {
	for _, e := range x.Entities {
		if e.ID == j.ID {
			return false
		}
	}
	return true
}
