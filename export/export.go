// Package export streams the graph, whole or filtered, out of a store in
// the formats other tools read: GraphML (networkx, yEd, Gephi), GEXF 1.2
// (Gephi, networkx), CSV nodes and edges with neo4j-admin import headers
// (also usable with LOAD CSV), and JSON Lines with the evidence of every
// relation. It pages through the store, so memory holds one page and the
// set of exported entity ids, never the whole graph.
package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Format is an export format.
type Format string

// The formats. CSV comes as two files: NodesCSV and EdgesCSV.
const (
	GraphML  Format = "graphml"
	GEXF     Format = "gexf"
	NodesCSV Format = "nodes.csv"
	EdgesCSV Format = "edges.csv"
	JSONL    Format = "jsonl"
)

// Formats lists every format, for flags and errors.
var Formats = []Format{GraphML, GEXF, NodesCSV, EdgesCSV, JSONL}

// ContentType is the media type of a format.
func (f Format) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	case NodesCSV, EdgesCSV:
		return "text/csv; charset=utf-8"
	case JSONL:
		return "application/jsonl; charset=utf-8"
	}
	return "application/octet-stream"
}

// CSV names both CSV files, NodesCSV and EdgesCSV, written side by side.
const CSV = "csv"

// Names lists every name ParseFormats accepts: each Format, then CSV.
func Names() []string { return append(formatNames(), CSV) }

// formatNames lists the Formats, each one file.
func formatNames() []string {
	var names []string
	for _, f := range Formats {
		names = append(names, string(f))
	}
	return names
}

// ParseFormats reads a format name: one Format, or both CSV files for CSV.
// An unknown name is refused with the list of Names.
func ParseFormats(s string) ([]Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == CSV {
		return []Format{NodesCSV, EdgesCSV}, nil
	}
	if f := Format(name); slices.Contains(Formats, f) {
		return []Format{f}, nil
	}
	return nil, kg.Errorf(kg.EInvalid, "unknown export format %q: use one of %s", s, strings.Join(Names(), ", "))
}

// Filter selects the part of the graph to export; the zero Filter is the
// whole graph. Relations are exported only when both ends are.
type Filter struct {
	// Types keeps only relations of these types; empty keeps all.
	Types []kg.RelationType
	// EntityTypes keeps only entities of these types; empty keeps all.
	EntityTypes []kg.EntityType
	// MinConfidence drops relations whose confidence is lower.
	MinConfidence float64
}

// Validate reports unknown types and a confidence outside [0, 1].
func (f Filter) Validate() error {
	for _, t := range f.Types {
		if !t.Valid() {
			return kg.Errorf(kg.EInvalid, "unknown relation type %q", t)
		}
	}
	for _, t := range f.EntityTypes {
		if !t.Valid() {
			return kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
		}
	}
	if !(f.MinConfidence >= 0 && f.MinConfidence <= 1) { // NaN too
		return kg.Errorf(kg.EInvalid, "minConfidence must be within [0, 1], got %v", f.MinConfidence)
	}
	return nil
}

// Counts is what an export wrote.
type Counts struct {
	Articles, Entities, Relations int
}

// Write streams the part of the graph that f selects from s to w in
// format. Nothing is buffered beyond one page of the store, so a write
// error (a client gone) stops it.
func Write(ctx context.Context, s kg.Store, w io.Writer, format Format, f Filter) (Counts, error) {
	if err := f.Validate(); err != nil {
		return Counts{}, err
	}
	var enc encoder
	switch format {
	case GraphML:
		enc = &graphML{w: w}
	case GEXF:
		enc = &gexf{w: w}
	case NodesCSV:
		enc = newCSV(w, true)
	case EdgesCSV:
		enc = newCSV(w, false)
	case JSONL:
		enc = newJSONL(w)
	default:
		return Counts{}, kg.Errorf(kg.EInvalid, "unknown export format %q: use one of %s", format, strings.Join(formatNames(), ", "))
	}
	var c Counts
	if err := enc.begin(); err != nil {
		return c, err
	}
	if a, ok := enc.(articleEncoder); ok {
		if err := eachArticle(ctx, s, func(art *kg.Article) error {
			c.Articles++
			return a.article(art)
		}); err != nil {
			return c, err
		}
	}
	ids := map[string]bool{}
	if err := eachEntity(ctx, s, f, func(e *kg.Entity) error {
		ids[e.ID] = true
		c.Entities++
		return enc.node(e)
	}); err != nil {
		return c, err
	}
	if err := enc.between(); err != nil {
		return c, err
	}
	if err := eachRelation(ctx, s, f, func(r *kg.Relation) error {
		if !ids[r.Source] || !ids[r.Target] {
			return nil
		}
		c.Relations++
		return enc.edge(r)
	}); err != nil {
		return c, err
	}
	return c, enc.end()
}

// encoder writes one format; node and edge are called in between begin
// and end, every node before between and every edge after it. An encoder
// that writes a part only ignores the rest.
type encoder interface {
	begin() error
	node(*kg.Entity) error
	between() error
	edge(*kg.Relation) error
	end() error
}

// articleEncoder is an encoder that also writes the articles, first.
type articleEncoder interface {
	article(*kg.Article) error
}

// eachPage walks the pages fetch returns, from the first on, passing each
// item to fn.
func eachPage[T any](fetch func(after string) (items []T, hasNext bool, end string, err error), fn func(T) error) error {
	after := ""
	for {
		items, hasNext, end, err := fetch(after)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if !hasNext || end == "" {
			return nil
		}
		after = end
	}
}

func eachEntity(ctx context.Context, s kg.Store, f Filter, fn func(*kg.Entity) error) error {
	return eachPage(func(after string) ([]kg.EntityHit, bool, string, error) {
		p, err := s.FindEntities(ctx, kg.EntityFilter{Types: f.EntityTypes, First: kg.MaxPageSize, After: after})
		if err != nil {
			return nil, false, "", fmt.Errorf("export: list entities: %w", err)
		}
		return p.Hits, p.HasNext, p.EndCursor, nil
	}, func(h kg.EntityHit) error { return fn(h.Entity) })
}

func eachRelation(ctx context.Context, s kg.Store, f Filter, fn func(*kg.Relation) error) error {
	return eachPage(func(after string) ([]*kg.Relation, bool, string, error) {
		p, err := s.ListRelations(ctx, kg.RelationListFilter{
			Types: f.Types, MinConfidence: f.MinConfidence,
			SourceTypes: f.EntityTypes, TargetTypes: f.EntityTypes,
			First: kg.MaxPageSize, After: after,
		})
		if err != nil {
			return nil, false, "", fmt.Errorf("export: list relations: %w", err)
		}
		return p.Relations, p.HasNext, p.EndCursor, nil
	}, fn)
}

func eachArticle(ctx context.Context, s kg.Store, fn func(*kg.Article) error) error {
	return eachPage(func(after string) ([]*kg.Article, bool, string, error) {
		p, err := s.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize, After: after})
		if err != nil {
			return nil, false, "", fmt.Errorf("export: list articles: %w", err)
		}
		return p.Articles, p.HasNext, p.EndCursor, nil
	}, fn)
}

// edgeLabel reads like the API's edge labels: "holds role: minister".
func edgeLabel(r *kg.Relation) string {
	l := strings.ToLower(strings.ReplaceAll(string(r.Type), "_", " "))
	if t := r.Properties["title"]; t != "" {
		l += ": " + t
	}
	return l
}
