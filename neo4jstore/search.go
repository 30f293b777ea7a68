package neo4jstore

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// entityFilterWhere is the filter shared by listing and search; it expects
// the entity bound to e.
const entityFilterWhere = ` (size($types) = 0 OR e.type IN $types)
	AND ($subtype = '' OR e.subtype = $subtype)
	AND ($aid = '' OR EXISTS { (:Article {id: $aid})-[:MENTIONS]->(e) })`

// FindEntities lists entities or, with a query, searches them scored by
// kg.MatchScore, in f.Order (by default: without a query by name, id; with
// one by score desc, name, id).
//
// Search candidates come from two indexes over the folded names and
// aliases (searchKeys): the full-text index, queried per folded word with a
// prefix term and, for words of four letters or more, a fuzzy term with the
// typo allowance of kg.MatchScore; and the text index, for the whole folded
// query as a substring. Together they return every entity MatchScore can
// score above zero (with one bound: Lucene expands a fuzzy term to at most
// 50 index terms, so a word with more than 50 near neighbours in the graph
// may lose its farthest ones). Scores and order are then computed in Go with
// kg.MatchScore, as the embedded store does.
func (s *Store) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	size, off, err := kg.ParsePage(f.First, f.After)
	if err != nil {
		return nil, err
	}
	types := make([]string, len(f.Types))
	for i, t := range f.Types {
		if !t.Valid() {
			return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
		}
		types[i] = string(t)
	}
	if !f.Order.Valid() {
		return nil, kg.Errorf(kg.EInvalid, "unknown entity order %q", f.Order)
	}
	params := map[string]any{"types": anyStrings(types), "subtype": f.Subtype, "aid": f.ArticleID,
		"skip": int64(off), "limit": int64(size)}
	if strings.TrimSpace(f.Query) == "" {
		return readTx(ctx, s, "list entities", func(tx neo4j.ManagedTransaction) (*kg.EntityPage, error) {
			return listEntities(ctx, tx, params, f.Order, off)
		})
	}
	return readTx(ctx, s, "search entities", func(tx neo4j.ManagedTransaction) (*kg.EntityPage, error) {
		return searchEntities(ctx, tx, f.Query, params, f.Order, off, size)
	})
}

// articleCount counts the articles that mention the entity bound to e.
const articleCount = `COUNT { (:Article)-[:MENTIONS]->(e) }`

func listEntities(ctx context.Context, tx neo4j.ManagedTransaction, params map[string]any, o kg.EntityOrder, off int) (*kg.EntityPage, error) {
	p := &kg.EntityPage{Hits: []kg.EntityHit{}}
	recs, err := run(ctx, tx, `MATCH (e:Entity) WHERE`+entityFilterWhere+` RETURN count(e) AS n`, params)
	if err != nil {
		return nil, err
	}
	if len(recs) > 0 {
		p.Total = recInt(recs[0], "n")
	}
	order := `e.name, e.id`
	if o == kg.EntityByArticles {
		order = articleCount + ` DESC, e.name, e.id`
	}
	recs, err = run(ctx, tx, `MATCH (e:Entity) WHERE`+entityFilterWhere+`
		WITH e ORDER BY `+order+` SKIP $skip LIMIT $limit RETURN e`, params)
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		props, err := recProps(rec, "e")
		if err != nil {
			return nil, err
		}
		p.Hits = append(p.Hits, kg.EntityHit{Entity: entityFromProps(props), Score: 1})
	}
	if n := len(p.Hits); n > 0 {
		p.EndCursor = kg.EncodeCursor(off + n)
	}
	p.HasNext = off+len(p.Hits) < p.Total
	return p, nil
}

func searchEntities(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any, o kg.EntityOrder, off, size int) (*kg.EntityPage, error) {
	p := &kg.EntityPage{Hits: []kg.EntityHit{}}
	q := kg.FoldName(query)
	if q == "" {
		return p, nil // nothing can match a query of punctuation only
	}
	params["q"] = q
	params["lucene"] = luceneQuery(q)
	recs, err := run(ctx, tx, `CALL () {
			CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node
			RETURN node AS e
			UNION
			MATCH (e:Entity) WHERE e.searchKeys CONTAINS $q
			RETURN e
		}
		WITH e WHERE`+entityFilterWhere+`
		RETURN e, `+articleCount+` AS n`, params)
	if err != nil {
		return nil, err
	}
	var hits []kg.EntityHit
	count := map[string]int{}
	for _, rec := range recs {
		props, err := recProps(rec, "e")
		if err != nil {
			return nil, err
		}
		e := entityFromProps(props)
		if sc := kg.MatchScore(q, e.Name, e.Aliases); sc > 0 {
			hits = append(hits, kg.EntityHit{Entity: e, Score: sc})
			count[e.ID] = recInt(rec, "n")
		}
	}
	first := func(a, b kg.EntityHit) int { return cmp.Compare(b.Score, a.Score) }
	switch o {
	case kg.EntityByName:
		first = func(a, b kg.EntityHit) int { return 0 }
	case kg.EntityByArticles:
		first = func(a, b kg.EntityHit) int { return cmp.Compare(count[b.Entity.ID], count[a.Entity.ID]) }
	}
	slices.SortFunc(hits, func(a, b kg.EntityHit) int {
		return cmp.Or(first(a, b), strings.Compare(a.Entity.Name, b.Entity.Name),
			strings.Compare(a.Entity.ID, b.Entity.ID))
	})
	p.Total = len(hits)
	if off > p.Total {
		off = p.Total
	}
	p.Hits = append(p.Hits, hits[off:min(off+size, p.Total)]...)
	if n := len(p.Hits); n > 0 {
		p.EndCursor = kg.EncodeCursor(off + n)
	}
	p.HasNext = off+len(p.Hits) < p.Total
	return p, nil
}

// maxQueryWords bounds the words of a query sent to the full-text index.
const maxQueryWords = 32

// luceneQuery turns a folded query into a full-text query that every query
// word must match, by prefix or within kg.MatchScore's typo allowance.
// Folded words hold only letters and digits, none of which Lucene treats
// as syntax, so no escaping is needed.
func luceneQuery(folded string) string {
	var clauses []string
	words := strings.Fields(folded)
	// Lucene caps boolean clauses; fewer required words only widen the
	// candidates, and MatchScore still checks every word.
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	for _, w := range words {
		c := w + "*"
		switch n := len([]rune(w)); {
		case n >= 8:
			c = "(" + c + " OR " + w + "~2)"
		case n >= 4:
			c = "(" + c + " OR " + w + "~1)"
		}
		clauses = append(clauses, c)
	}
	return strings.Join(clauses, " AND ")
}
