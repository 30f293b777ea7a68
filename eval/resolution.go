package eval

import (
	"context"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

// ResolutionArticle is one article of a cross-article resolution set: its
// file name, its bytes, and the entities it names with their true clusters.
type ResolutionArticle struct {
	File     string
	Data     []byte
	Entities []gen.XEntity
}

// PairScore is pairwise precision and recall of a clustering: over every
// pair of mentions (an entity named in an article) of one type, whether
// the graph put them in one node and whether they are one thing.
type PairScore struct {
	TP, FP, FN int
	P, R, F1   float64
}

func (p *PairScore) finish() {
	p.P, p.R, p.F1 = 1, 1, 1
	if p.TP+p.FP > 0 {
		p.P = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.R = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.P+p.R > 0 {
		p.F1 = 2 * p.P * p.R / (p.P + p.R)
	} else {
		p.F1 = 0
	}
}

// ResolutionScore is the outcome of a resolution set.
type ResolutionScore struct {
	Person, Organization PairScore
	Mentions             int // gold mentions found in the graph
	Unmatched            []string
	// Merges lists wrongly joined pairs, Splits missed ones (one line each,
	// deduplicated), for reading errors on a tuning set.
	Merges, Splits []string
}

// mention is one gold entity of one article and the node it became.
type mention struct {
	article, name, typ, cluster, node string
}

// ScoreResolution loads arts in order through l (extraction, resolution,
// save) and scores the nodes the gold mentions ended in.
func ScoreResolution(ctx context.Context, l *loader.Loader, arts []ResolutionArticle) (ResolutionScore, error) {
	var sc ResolutionScore
	var ms []mention
	for _, a := range arts {
		res, err := l.Ingest(ctx, a.File, a.Data)
		if err != nil {
			return sc, fmt.Errorf("eval: %s: %w", a.File, err)
		}
		ids, err := l.Store.EntitiesOfArticles(ctx, []string{res.ArticleID})
		if err != nil {
			return sc, err
		}
		nodes, err := l.Store.Entities(ctx, ids[0])
		if err != nil {
			return sc, err
		}
		for _, g := range a.Entities {
			node := matchNode(g.Name, nodes)
			if node == "" {
				sc.Unmatched = append(sc.Unmatched, a.File+": "+g.Name)
				continue
			}
			ms = append(ms, mention{a.File, g.Name, g.Type, g.Cluster, node})
		}
	}
	// Node ids are read once more at the end: later articles and merges
	// may have folded a node into another.
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.node
	}
	final, err := l.Store.Entities(ctx, ids)
	if err != nil {
		return sc, err
	}
	for i := range ms {
		if final[i] != nil {
			ms[i].node = final[i].ID
		}
	}
	sc.Mentions = len(ms)
	merges, splits := map[string]bool{}, map[string]bool{}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i], ms[j]
			if a.typ != b.typ || a.article == b.article {
				continue
			}
			var p *PairScore
			switch kg.EntityType(a.typ) {
			case kg.Person:
				p = &sc.Person
			case kg.Organization:
				p = &sc.Organization
			default:
				continue
			}
			same, joined := a.cluster == b.cluster, a.node == b.node
			switch {
			case same && joined:
				p.TP++
			case joined:
				p.FP++
				merges[fmt.Sprintf("%s / %s -> %s", min(a.name, b.name), max(a.name, b.name), a.node)] = true
			case same:
				p.FN++
				splits[fmt.Sprintf("%s (%s) / %s (%s)", min(a.name, b.name), pickNode(a, b, true), max(a.name, b.name), pickNode(a, b, false))] = true
			}
		}
	}
	sc.Person.finish()
	sc.Organization.finish()
	sc.Merges, sc.Splits = sorted(merges), sorted(splits)
	return sc, nil
}

func pickNode(a, b mention, first bool) string {
	if (a.name <= b.name) == first {
		return a.node
	}
	return b.node
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// matchNode finds the node of an article that a gold name names: one whose
// name or alias folds to it, else the best search match.
func matchNode(name string, nodes []*kg.Entity) string {
	f := kg.FoldName(name)
	best, bestScore := "", 0.0
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if kg.FoldName(n.Name) == f {
			return n.ID
		}
		for _, a := range n.Aliases {
			if kg.FoldName(a) == f {
				return n.ID
			}
		}
		if s := kg.MatchScore(name, n.Name, n.Aliases); s > bestScore && s >= 0.8 {
			best, bestScore = n.ID, s
		}
	}
	return best
}
