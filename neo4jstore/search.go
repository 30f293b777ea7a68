package neo4jstore

import (
	"context"
	"fmt"
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
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	if err := kg.CheckQuery(f.Query); err != nil {
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
	search := strings.TrimSpace(f.Query) != ""
	ks := f.Order.Keyset(search)
	after, err := ks.After(f.After)
	if err != nil {
		return nil, err
	}
	params := map[string]any{"types": anyStrings(types), "subtype": f.Subtype, "aid": f.ArticleID, "limit": int64(size + 1)}
	if !search {
		return readTx(ctx, s, "list entities", func(tx runner) (*kg.EntityPage, error) {
			return listEntities(ctx, tx, params, f.Order, ks, after, size)
		})
	}
	return readOne(ctx, s, "search entities", func(tx runner) (*kg.EntityPage, error) {
		return searchEntities(ctx, tx, f.Query, params, f.Order, ks, f.After, size)
	})
}

// articleCount counts the articles that mention the entity bound to e.
const articleCount = `COUNT { (:Article)-[:MENTIONS]->(e) }`

// keysetWhere returns the Cypher condition for the items after key (true
// on the first page), binding its values as parameters $k0, $k1, ….
func keysetWhere(ks kg.Keyset, exprs []string, after kg.Key, params map[string]any) string {
	if after == nil {
		return "true"
	}
	n := 0
	return ks.Where(exprs, after, false, func(v any) string {
		name := fmt.Sprintf("k%d", n)
		n++
		params[name] = v
		return "$" + name
	})
}

// anyRow reports whether query (a read ending before its RETURN) matches
// anything; with the negated keyset condition, whether a page has items
// before it.
func anyRow(ctx context.Context, tx runner, query string, params map[string]any) (bool, error) {
	recs, err := run(ctx, tx, query+` RETURN 1 AS x LIMIT 1`, params)
	return len(recs) > 0, err
}

// keyedRecords reads the sort keys (column "key") of the records of a page
// read with limit size+1, and says whether more follow.
func keyedRecords(ks kg.Keyset, recs []*neo4j.Record, size int) ([]*neo4j.Record, []string, bool) {
	return keyedBy(ks, recs, size, keyColumn)
}

// keyColumn is a record's key as its column key gives it.
func keyColumn(rec *neo4j.Record) []any {
	v, _ := rec.Get("key")
	vals, _ := v.([]any)
	return vals
}

// keyedBy is keyedRecords with the key of a record given by keyOf.
func keyedBy(ks kg.Keyset, recs []*neo4j.Record, size int, keyOf func(*neo4j.Record) []any) ([]*neo4j.Record, []string, bool) {
	more := len(recs) > size
	if more {
		recs = recs[:size]
	}
	cursors := make([]string, len(recs))
	for i, rec := range recs {
		vals := keyOf(rec)
		if len(vals) != len(ks.Cols()) {
			vals = make([]any, len(ks.Cols())) // cannot happen: the queries return one value per column
		}
		cursors[i] = ks.Cursor(ks.Normalize(vals))
	}
	return recs, cursors, more
}

// last returns the last of cursors, "" for none.
func last(cursors []string) string {
	if len(cursors) == 0 {
		return ""
	}
	return cursors[len(cursors)-1]
}

func listEntities(ctx context.Context, tx runner, params map[string]any, o kg.EntityOrder, ks kg.Keyset, after kg.Key, size int) (*kg.EntityPage, error) {
	p := &kg.EntityPage{Hits: []kg.EntityHit{}}
	recs, err := run(ctx, tx, `MATCH (e:Entity) WHERE`+entityFilterWhere+` RETURN count(e) AS n`, params)
	if err != nil {
		return nil, err
	}
	if len(recs) > 0 {
		p.Total = recInt(recs[0], "n")
	}
	exprs := []string{`e.name`, `e.id`}
	if o == kg.EntityByArticles {
		exprs = []string{articleCount, `e.name`, `e.id`}
	}
	cond := keysetWhere(ks, exprs, after, params)
	if after != nil {
		if p.HasPrev, err = anyRow(ctx, tx, `MATCH (e:Entity) WHERE`+entityFilterWhere+` AND NOT (`+cond+`)`, params); err != nil {
			return nil, err
		}
	}
	recs, err = run(ctx, tx, `MATCH (e:Entity) WHERE`+entityFilterWhere+` AND `+cond+`
		WITH e ORDER BY `+ks.OrderBy(exprs)+` LIMIT $limit RETURN e, [`+strings.Join(exprs, ", ")+`] AS key`, params)
	if err != nil {
		return nil, err
	}
	recs, p.Cursors, p.HasNext = keyedRecords(ks, recs, size)
	for _, rec := range recs {
		props, err := recProps(rec, "e")
		if err != nil {
			return nil, err
		}
		p.Hits = append(p.Hits, kg.EntityHit{Entity: entityFromProps(props), Score: 1})
	}
	p.EndCursor = last(p.Cursors)
	return p, nil
}

func searchEntities(ctx context.Context, tx runner, query string, params map[string]any, o kg.EntityOrder, ks kg.Keyset, after string, size int) (*kg.EntityPage, error) {
	p := &kg.EntityPage{Hits: []kg.EntityHit{}, Cursors: []string{}}
	q := kg.FoldName(query)
	if q == "" {
		return p, nil // nothing can match a query of punctuation only
	}
	params["q"] = q
	params["lucene"] = luceneQuery(q)
	// Counting each candidate's articles walks its mentions: only the
	// order by articles needs it.
	n := `0`
	if o == kg.EntityByArticles {
		n = articleCount
	}
	recs, err := run(ctx, tx, `CALL () {
			CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node
			RETURN node AS e
			UNION
			MATCH (e:Entity) WHERE e.searchKeys CONTAINS $q
			RETURN e
		}
		WITH e WHERE`+entityFilterWhere+`
		RETURN e`+entityMap+` AS e, `+n+` AS n`, params)
	if err != nil {
		return nil, err
	}
	var hits []kg.EntityHit
	var keys []kg.Key
	for _, rec := range recs {
		props, err := recProps(rec, "e")
		if err != nil {
			return nil, err
		}
		e := entityFromProps(props)
		sc := kg.MatchScore(q, e.Name, e.Aliases)
		if sc <= 0 {
			continue
		}
		hits = append(hits, kg.EntityHit{Entity: e, Score: sc})
		switch o {
		case kg.EntityByArticles:
			keys = append(keys, kg.Key{float64(recInt(rec, "n")), e.Name, e.ID})
		case kg.EntityByName:
			keys = append(keys, kg.Key{e.Name, e.ID})
		default:
			keys = append(keys, kg.Key{sc, e.Name, e.ID})
		}
	}
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return ks.Compare(keys[a], keys[b]) })
	lo, hi, err := ks.Window(len(order), func(i int) kg.Key { return keys[order[i]] }, after, size)
	if err != nil {
		return nil, err
	}
	p.Total, p.HasNext, p.HasPrev = len(hits), hi < len(hits), lo > 0
	for _, i := range order[lo:hi] {
		p.Hits = append(p.Hits, hits[i])
		p.Cursors = append(p.Cursors, ks.Cursor(keys[i]))
	}
	p.EndCursor = last(p.Cursors)
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
