package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/kg"
)

// XDocSet is a cross-article resolution gold set: a folder of articles about
// one cast, written as different outlets write them, and clusters.json, which
// says for every entity of every article which real-world identity it is.
type XDocSet struct {
	// Dir is the folder the set was loaded from.
	Dir string `json:"-"`
	// Articles in file order.
	Articles []XDocArticle `json:"articles"`
}

// XDocArticle is one article of a set and the entities a careful reader
// finds in it, each once.
type XDocArticle struct {
	// File is the article's file name inside the set's folder.
	File string `json:"file"`
	// Entities of the article.
	Entities []XDocEntity `json:"entities"`
}

// XDocEntity is one entity of one article.
type XDocEntity struct {
	// Name is the canonical name the per-article gold would give: the
	// fullest form this article uses ("Qasem el-Ferjani").
	Name string `json:"name"`
	// Type is an ontology entity type; one cluster has one type.
	Type string `json:"type"`
	// Cluster names the real-world identity; equal clusters across
	// articles are the same person, organization or place.
	Cluster string `json:"cluster"`
}

// XDocMention is one entity of one article, flattened for scoring.
type XDocMention struct {
	// Path is the article file's path (Dir joined with File).
	Path string
	XDocEntity
}

// ClustersFile is the name of the clustering file in a set's folder.
const ClustersFile = "clusters.json"

// LoadClusters reads dir/clusters.json and checks it against the articles:
// every listed file exists and reads as an article, every name occurs in its
// article's normalized text (case folded, so a dateline "TRIPOLI" counts),
// every type is an ontology entity type, a cluster keeps one type, and no
// article lists a name or a cluster twice. Unknown fields are refused so a
// misspelled key cannot silently drop data.
func LoadClusters(dir string) (*XDocSet, error) {
	b, err := os.ReadFile(filepath.Join(dir, ClustersFile))
	if err != nil {
		return nil, fmt.Errorf("eval: read clusters: %w", err)
	}
	s, err := ParseClusters(b)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", filepath.Join(dir, ClustersFile), err)
	}
	s.Dir = dir
	for _, a := range s.Articles {
		art, err := article.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", a.File, err)
		}
		text := strings.ToLower(foldQuotes(art.Title + "\n" + art.Text))
		for _, e := range a.Entities {
			if !strings.Contains(text, strings.ToLower(foldQuotes(e.Name))) {
				return nil, fmt.Errorf("eval: %s: name %q does not occur in the article", a.File, e.Name)
			}
		}
	}
	return s, nil
}

// ParseClusters decodes and checks a clusters.json document without reading
// the articles it names.
func ParseClusters(b []byte) (*XDocSet, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s XDocSet
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if len(s.Articles) == 0 {
		return nil, fmt.Errorf("no articles")
	}
	files := map[string]bool{}
	clusterType := map[string]string{}
	for i, a := range s.Articles {
		if a.File == "" || a.File != filepath.Base(a.File) || a.File == "." || a.File == ".." {
			return nil, fmt.Errorf("article %d: file %q must be a plain file name", i, a.File)
		}
		if files[a.File] {
			return nil, fmt.Errorf("article %s listed twice", a.File)
		}
		files[a.File] = true
		if len(a.Entities) == 0 {
			return nil, fmt.Errorf("%s: no entities", a.File)
		}
		names, clusters := map[string]bool{}, map[string]bool{}
		for _, e := range a.Entities {
			if strings.TrimSpace(e.Name) == "" || strings.TrimSpace(e.Cluster) == "" {
				return nil, fmt.Errorf("%s: entity %q without a name or a cluster", a.File, e.Name)
			}
			if !kg.EntityType(e.Type).Valid() {
				return nil, fmt.Errorf("%s: %q: type %q is not an ontology entity type", a.File, e.Name, e.Type)
			}
			if t, ok := clusterType[e.Cluster]; ok && t != e.Type {
				return nil, fmt.Errorf("%s: cluster %q is %s here and %s elsewhere", a.File, e.Cluster, e.Type, t)
			}
			clusterType[e.Cluster] = e.Type
			if names[e.Name] {
				return nil, fmt.Errorf("%s: name %q listed twice", a.File, e.Name)
			}
			if clusters[e.Cluster] {
				return nil, fmt.Errorf("%s: cluster %q listed twice (one entity per identity per article)", a.File, e.Cluster)
			}
			names[e.Name], clusters[e.Cluster] = true, true
		}
	}
	return &s, nil
}

// Mentions lists every entity of every article, in file order.
func (s *XDocSet) Mentions() []XDocMention {
	var out []XDocMention
	for _, a := range s.Articles {
		for _, e := range a.Entities {
			out = append(out, XDocMention{Path: filepath.Join(s.Dir, a.File), XDocEntity: e})
		}
	}
	return out
}

// PairScore is pairwise precision, recall and F1 of a clustering: over all
// pairs of mentions, a pair is gold-positive when both are the same cluster
// and predicted-positive when both went to the same node.
type PairScore struct {
	TruePairs, PredictedPairs, Correct int
	Precision, Recall, F1              float64
}

// Pairwise scores nodes (nodes[i] is the node mention i was resolved to)
// against the gold clusters of mentions, per entity type. A pair counts for
// every type among its two mentions' gold types, so merging a person into
// an organization costs both types precision.
func Pairwise(mentions []XDocMention, nodes []string) (map[string]PairScore, error) {
	if len(mentions) != len(nodes) {
		return nil, fmt.Errorf("eval: %d mentions but %d nodes", len(mentions), len(nodes))
	}
	out := map[string]PairScore{}
	add := func(t string, gold, pred bool) {
		p := out[t]
		if gold {
			p.TruePairs++
		}
		if pred {
			p.PredictedPairs++
		}
		if gold && pred {
			p.Correct++
		}
		out[t] = p
	}
	for i := range mentions {
		for j := i + 1; j < len(mentions); j++ {
			gold := mentions[i].Cluster == mentions[j].Cluster
			pred := nodes[i] != "" && nodes[i] == nodes[j]
			if !gold && !pred {
				continue
			}
			add(mentions[i].Type, gold, pred)
			if mentions[j].Type != mentions[i].Type {
				add(mentions[j].Type, gold, pred)
			}
		}
	}
	for t, p := range out {
		p.Precision, p.Recall, p.F1 = ratios(p.Correct, p.PredictedPairs, p.TruePairs)
		out[t] = p
	}
	return out, nil
}

// ratios gives precision, recall and their harmonic mean; an empty
// denominator gives 0, as prf does.
func ratios(correct, predicted, truth int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(correct) / float64(predicted)
	}
	if truth > 0 {
		r = float64(correct) / float64(truth)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// foldQuotes maps typographic apostrophes and quotes to ASCII so a name
// written with "'" matches text written with "’".
func foldQuotes(s string) string {
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
}
