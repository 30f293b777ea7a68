package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

// Resolution is what loading a cross-article set did: the node each gold
// mention ended in ("" when no entity of its article matched its name) and
// the pairwise scores per type.
type Resolution struct {
	Mentions []XDocMention
	Nodes    []string
	Scores   map[string]PairScore
}

// ResolveSet loads the articles of s in file order through l (extraction,
// resolution against what is already loaded, save) and finds the node
// each gold mention became.
func ResolveSet(ctx context.Context, l *loader.Loader, s *XDocSet) (*Resolution, error) {
	return loadSet(ctx, l.Store, s, l.Ingest)
}

// LoadSetUnresolved saves the articles of s without resolution, as a store
// loaded before it existed holds them, and finds each mention's node.
func LoadSetUnresolved(ctx context.Context, st kg.Store, s *XDocSet) (*Resolution, error) {
	return loadSet(ctx, st, s, func(ctx context.Context, name string, data []byte) (kg.SaveResult, error) {
		x, err := loader.Extract(name, data)
		if err != nil {
			return kg.SaveResult{}, err
		}
		return st.SaveExtraction(ctx, x)
	})
}

// Rescore reads the mentions' nodes again (after merges) and rescores.
func (r *Resolution) Rescore(ctx context.Context, st kg.Store) error {
	final, err := st.Entities(ctx, r.Nodes)
	if err != nil {
		return err
	}
	for i, e := range final {
		if e != nil {
			r.Nodes[i] = e.ID
		}
	}
	r.Scores, err = Pairwise(r.Mentions, r.Nodes)
	return err
}

func loadSet(ctx context.Context, st kg.Store, s *XDocSet, ingest func(context.Context, string, []byte) (kg.SaveResult, error)) (*Resolution, error) {
	res := &Resolution{}
	l := struct{ Store kg.Store }{st}
	for _, a := range s.Articles {
		path := filepath.Join(s.Dir, a.File)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		saved, err := ingest(ctx, path, data)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", a.File, err)
		}
		ids, err := l.Store.EntitiesOfArticles(ctx, []string{saved.ArticleID})
		if err != nil {
			return nil, err
		}
		nodes, err := l.Store.Entities(ctx, ids[0])
		if err != nil {
			return nil, err
		}
		for _, e := range a.Entities {
			res.Mentions = append(res.Mentions, XDocMention{Path: path, XDocEntity: e})
			res.Nodes = append(res.Nodes, matchNode(e.Name, nodes))
		}
	}
	// Read the nodes once more: a later article or merge may have folded
	// one into another.
	if err := res.Rescore(ctx, st); err != nil {
		return nil, err
	}
	return res, nil
}

// Reachable counts, per type, the gold pairs whose two mentions both
// matched a node: the pairs resolution could join, the rest being lost
// to extraction (a name not found). Its ratio to the gold pairs bounds
// recall.
func (r *Resolution) Reachable() map[string]int {
	out := map[string]int{}
	for i, a := range r.Mentions {
		for j := i + 1; j < len(r.Mentions); j++ {
			if a.Cluster == r.Mentions[j].Cluster && r.Nodes[i] != "" && r.Nodes[j] != "" {
				out[a.Type]++
			}
		}
	}
	return out
}

// Errors lists, for reading a tuning set, the wrongly joined pairs, the
// missed pairs and the mentions no node matched, one line each.
func (r *Resolution) Errors() (merges, splits, unmatched []string) {
	m, s := map[string]bool{}, map[string]bool{}
	for i, a := range r.Mentions {
		if r.Nodes[i] == "" {
			unmatched = append(unmatched, filepath.Base(a.Path)+": "+a.Name)
			continue
		}
		for j := i + 1; j < len(r.Mentions); j++ {
			b := r.Mentions[j]
			if r.Nodes[j] == "" {
				continue
			}
			same, joined := a.Cluster == b.Cluster, r.Nodes[i] == r.Nodes[j]
			switch {
			case joined && !same:
				m[fmt.Sprintf("%s [%s] + %s [%s] -> %s", a.Name, a.Cluster, b.Name, b.Cluster, r.Nodes[i])] = true
			case same && !joined:
				s[fmt.Sprintf("%s: %s (%s) / %s (%s)", a.Cluster, a.Name, r.Nodes[i], b.Name, r.Nodes[j])] = true
			}
		}
	}
	return keysOf(m), keysOf(s), unmatched
}

func keysOf(m map[string]bool) []string {
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
	words := len(strings.Fields(f))
	best, bestScore := "", 0.0
	for _, n := range nodes {
		if n == nil {
			continue
		}
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			fa := kg.FoldName(a)
			if fa == f {
				return n.ID
			}
			// A near match is a name or alias of as many words: "Jubaland"
			// is not "Jubaland Coast Guard", however well search ranks it.
			if len(strings.Fields(fa)) != words {
				continue
			}
			if s := kg.MatchScore(name, a, nil); s > bestScore && s >= 0.8 {
				best, bestScore = n.ID, s
			}
		}
	}
	return best
}
