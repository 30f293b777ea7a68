package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
)

// query is one kind of request of the fixed mix.
type query struct {
	Name   string
	Weight int // share of the mix, out of the sum of all weights
	Text   string
	// Vars draws the variables of one request from the targets.
	Vars func(r *rand.Rand, t *targets) map[string]any
}

// mix is the fixed query mix: what an analyst's session looks like, from
// cheap lookups to traversals. The weights sum to 100.
var mix = []query{
	{
		Name: "entity", Weight: 20,
		Text: `query Entity($id: ID!) { entity(id: $id) { id name type subtype aliases mentionCount } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"id": pick(r, t.entities)}
		},
	},
	{
		Name: "search", Weight: 20,
		Text: `query Search($q: String!) { entities(query: $q, first: 10) { totalCount edges { score node { id name type } } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"q": pick(r, t.terms)}
		},
	},
	{
		Name: "detained", Weight: 10,
		Text: `query Detained($after: String) { relations(types: [DETAINED], first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { source { id name } target { id name } properties { key value } } } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"after": pageCursor(r, t.detained)}
		},
	},
	{
		Name: "evidence", Weight: 15,
		Text: `query Evidence($id: ID!) { entity(id: $id) { name relations {
  type confidence source { name } target { name }
  evidence { text start end article { title } } } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"id": pick(r, t.entities)}
		},
	},
	{
		Name: "neighborhood", Weight: 10,
		Text: `query Hood($id: ID!) { neighborhood(id: $id, hops: 2, limitPerHop: 25) {
  truncated nodes { id label type depth } edges { id source target type weight } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"id": pick(r, t.people)}
		},
	},
	{
		Name: "path", Weight: 10,
		Text: `query Path($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 3) {
  length nodes { id name } hops { relation { type } } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			from := pick(r, t.people)
			to := pick(r, t.people)
			for i := 0; to == from && i < 4; i++ {
				to = pick(r, t.people)
			}
			return map[string]any{"from": from, "to": to}
		},
	},
	{
		Name: "articles", Weight: 15,
		Text: `query Articles($after: String) { articles(first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title published } } } }`,
		Vars: func(r *rand.Rand, t *targets) map[string]any {
			return map[string]any{"after": pageCursor(r, t.articles)}
		},
	},
}

// totalWeight is the sum of the mix's weights.
func totalWeight() int {
	n := 0
	for _, q := range mix {
		n += q.Weight
	}
	return n
}

// next draws the index in mix of the next request.
func next(r *rand.Rand) int {
	k := r.IntN(totalWeight())
	for i, q := range mix {
		if k < q.Weight {
			return i
		}
		k -= q.Weight
	}
	return len(mix) - 1
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// pageCursor is the cursor of a random one of pages, nil for the first
// page.
func pageCursor(r *rand.Rand, pages []string) any {
	if len(pages) == 0 {
		return nil
	}
	if c := pages[r.IntN(len(pages))]; c != "" {
		return c
	}
	return nil
}

// targets are the ids and terms the mix draws from: the generated people
// and organizations the store holds, the words of their names, and the
// sizes of the paged lists.
type targets struct {
	people   []string // person ids
	entities []string // person and organization ids
	terms    []string // search terms
	// The cursors that open each page of 20 of the article list and of
	// the DETAINED relations ("" for the first): cursors are opaque, so
	// the mix reads them from the store rather than making them.
	articles []string
	detained []string
}

// findTargets keeps the generated people and organizations that the store
// holds under the ids their names give, so the mix asks about real nodes.
func findTargets(ctx context.Context, s kg.Store, arts []gen.Article) (*targets, error) {
	var pids, oids []string
	seen := map[string]bool{}
	terms := map[string]bool{}
	for _, a := range arts {
		for _, p := range a.People {
			if id := kg.EntityID(kg.Person, p); !seen[id] {
				seen[id] = true
				pids = append(pids, id)
			}
		}
		for _, o := range a.Organizations {
			if id := kg.EntityID(kg.Organization, o); !seen[id] {
				seen[id] = true
				oids = append(oids, id)
			}
		}
	}
	t := &targets{}
	keep := func(ids []string) ([]string, error) {
		var out []string
		for i := 0; i < len(ids); i += 200 {
			batch := ids[i:min(i+200, len(ids))]
			es, err := s.Entities(ctx, batch)
			if err != nil {
				return nil, fmt.Errorf("read entities: %w", err)
			}
			for _, e := range es {
				if e != nil {
					out = append(out, e.ID)
					w := strings.Fields(e.Name)
					terms[w[len(w)-1]] = true
				}
			}
		}
		return out, nil
	}
	var err error
	if t.people, err = keep(pids); err != nil {
		return nil, err
	}
	orgs, err := keep(oids)
	if err != nil {
		return nil, err
	}
	if len(t.people) == 0 {
		// The extractor found none of the generated names as written:
		// fall back to whatever people the store holds.
		page, err := s.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{kg.Person}, First: kg.MaxPageSize})
		if err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		for _, h := range page.Hits {
			t.people = append(t.people, h.Entity.ID)
			w := strings.Fields(h.Entity.Name)
			terms[w[len(w)-1]] = true
		}
	}
	if len(t.people) == 0 {
		return nil, fmt.Errorf("the store holds no people: nothing to query")
	}
	t.entities = append(append(t.entities, t.people...), orgs...)
	for w := range terms {
		t.terms = append(t.terms, w)
	}
	// Sorted so that the seeded mix draws the same terms on every run.
	sort.Strings(t.terms)
	if t.articles, err = pageCursors(func(after string) (string, bool, error) {
		p, err := s.ListArticles(ctx, kg.ArticleFilter{First: 20, After: after})
		if err != nil {
			return "", false, err
		}
		return p.EndCursor, p.HasNext, nil
	}); err != nil {
		return nil, fmt.Errorf("page articles: %w", err)
	}
	if t.detained, err = pageCursors(func(after string) (string, bool, error) {
		p, err := s.ListRelations(ctx, kg.RelationListFilter{Types: []kg.RelationType{kg.Detained}, First: 20, After: after})
		if err != nil {
			return "", false, err
		}
		return p.EndCursor, p.HasNext, nil
	}); err != nil {
		return nil, fmt.Errorf("page detentions: %w", err)
	}
	return t, nil
}

// pageCursors walks a list page by page with read and returns the cursor
// that opens each page, "" for the first.
func pageCursors(read func(after string) (end string, more bool, err error)) ([]string, error) {
	pages := []string{""}
	for {
		end, more, err := read(pages[len(pages)-1])
		if err != nil || !more {
			return pages, err
		}
		pages = append(pages, end)
	}
}
