package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// churn returns article i of a set written while a client pages: its
// title, date, entities, relation (confidence, evidence count) and event
// sort before the fixtures' in some orders and after them in others, and
// it mentions only entities of its own, so that no item there before it
// changes its sort values.
func churn(i int) *kg.Extraction {
	early := i%2 == 0
	first, title, published, date, conf := "Zed", fmt.Sprintf("Zulu churn %d", i), fmt.Sprintf("2021-0%d", i%9+1), "2022", 0.51
	if early {
		first, title, published, date, conf = "Aaron", fmt.Sprintf("Alpha churn %d", i), "2017", "2016-01", 0.99
	}
	if i%3 == 0 {
		published, date = "", ""
	}
	p1, p2 := fmt.Sprintf("%s Mardin %d", first, i), fmt.Sprintf("%s Churner %d", first, i)
	s1 := fmt.Sprintf("%s met with %s.", p1, p2)
	s2 := fmt.Sprintf("%s met %s again.", p1, p2)
	text := s1 + " " + s2
	a := article(title, published, text)
	id1, id2 := kg.EntityID(kg.Person, p1), kg.EntityID(kg.Person, p2)
	evs := []kg.Evidence{ev(a, s1, conf)}
	if early {
		evs = append(evs, ev(a, s2, conf))
	}
	return &kg.Extraction{
		Article:   a,
		Entities:  []kg.Entity{ent(kg.Person, "", p1, text), ent(kg.Person, "", p2, text)},
		Relations: []kg.Relation{rel(kg.MetWith, id1, id2, nil, evs...)},
		Events: []kg.Event{{
			ID: kg.EventID(a.ID, "Meeting", title, 0), Type: "Meeting", Name: title, Date: date,
			Participants: []kg.Participant{{EntityID: id1, Role: "agent"}, {EntityID: id2, Role: "agent"}},
			Evidence:     []kg.Evidence{ev(a, s1, conf)},
		}},
	}
}

// keyedPage is one page of any list, as the keyset test reads it.
type keyedPage struct {
	ids        []string
	cursors    []string
	total      int
	end        string
	next, prev bool
}

// keyedList reads pages of one list in one order.
type keyedList struct {
	name string
	read func(after string, first int) (keyedPage, error)
}

func keyedLists(s kg.Store) []keyedList {
	var out []keyedList
	entities := func(f kg.EntityFilter) {
		out = append(out, keyedList{"FindEntities" + brief(f), func(after string, first int) (keyedPage, error) {
			f.After, f.First = after, first
			p, err := s.FindEntities(ctx, f)
			if err != nil {
				return keyedPage{}, err
			}
			return keyedPage{hitIDs(p), p.Cursors, p.Total, p.EndCursor, p.HasNext, p.HasPrev}, nil
		}})
	}
	entities(kg.EntityFilter{})
	for _, o := range kg.EntityOrders {
		entities(kg.EntityFilter{Order: o})
		entities(kg.EntityFilter{Query: "Mardin", Order: o})
	}
	entities(kg.EntityFilter{Query: "Mardin"})
	for _, o := range append([]kg.RelationOrder{kg.RelationByType}, kg.RelationOrders...) {
		f := kg.RelationListFilter{Order: o}
		out = append(out, keyedList{"ListRelations" + brief(f), func(after string, first int) (keyedPage, error) {
			f.After, f.First = after, first
			p, err := s.ListRelations(ctx, f)
			if err != nil {
				return keyedPage{}, err
			}
			return keyedPage{relIDs(p.Relations), p.Cursors, p.Total, p.EndCursor, p.HasNext, p.HasPrev}, nil
		}})
	}
	for _, o := range append([]kg.ArticleOrder{kg.ArticleByNewest}, kg.ArticleOrders...) {
		f := kg.ArticleFilter{Order: o}
		out = append(out, keyedList{"ListArticles" + brief(f), func(after string, first int) (keyedPage, error) {
			f.After, f.First = after, first
			p, err := s.ListArticles(ctx, f)
			if err != nil {
				return keyedPage{}, err
			}
			var ids []string
			for _, a := range p.Articles {
				ids = append(ids, a.ID)
			}
			return keyedPage{ids, p.Cursors, p.Total, p.EndCursor, p.HasNext, p.HasPrev}, nil
		}})
	}
	for _, o := range append([]kg.EventOrder{kg.EventByDate}, kg.EventOrders...) {
		f := kg.EventFilter{Order: o}
		out = append(out, keyedList{"ListEvents" + brief(f), func(after string, first int) (keyedPage, error) {
			f.After, f.First = after, first
			p, err := s.ListEvents(ctx, f)
			if err != nil {
				return keyedPage{}, err
			}
			var ids []string
			for _, e := range p.Events {
				ids = append(ids, e.ID)
			}
			return keyedPage{ids, p.Cursors, p.Total, p.EndCursor, p.HasNext, p.HasPrev}, nil
		}})
	}
	return out
}

// testPagingWhileWriting pages through every list in every order, two
// items a page, while articles whose items sort before and after the
// cursor arrive between pages: no item may come twice, and none that was
// there at the start may be skipped. Each edge cursor resumes right after
// its item, only the first page says there is no previous one, and the
// last that there is no next one.
func testPagingWhileWriting(t *testing.T, s kg.Store) {
	listData(t, s)
	written := 0
	for _, l := range keyedLists(s) {
		t.Run(l.name, func(t *testing.T) {
			whole, err := l.read("", kg.MaxPageSize)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			after := ""
			for n := 0; ; n++ {
				// Two a page while articles arrive, then larger pages
				// to the end.
				size := 2
				if n >= 4 {
					size = 20
				}
				p, err := l.read(after, size)
				if err != nil {
					t.Fatalf("page %d: %v", n, err)
				}
				if p.prev != (n > 0) {
					t.Errorf("page %d: hasPrev %v", n, p.prev)
				}
				if len(p.cursors) != len(p.ids) || len(p.ids) > 0 && p.end != p.cursors[len(p.cursors)-1] {
					t.Fatalf("page %d: %d items, %d cursors, end cursor %q", n, len(p.ids), len(p.cursors), p.end)
				}
				if len(p.ids) >= 2 {
					q, err := l.read(p.cursors[0], 1)
					if err != nil || !slices.Equal(q.ids, p.ids[1:2]) {
						t.Errorf("page %d: after the first edge's cursor read %v, %v; want %v", n, q.ids, err, p.ids[1:2])
					}
				}
				for _, id := range p.ids {
					if seen[id] {
						t.Errorf("page %d: %s read twice", n, id)
					}
					seen[id] = true
				}
				if !p.next {
					break
				}
				if n > 100 {
					t.Fatal("paging does not end")
				}
				after = p.end
				if size == 2 {
					written++
					mustSave(t, s, churn(written))
				}
			}
			for _, id := range whole.ids {
				if !seen[id] {
					t.Errorf("%s, there when paging began, was skipped", id)
				}
			}
			final, err := l.read("", kg.MaxPageSize)
			if err != nil || final.total != len(final.ids) || final.total < len(whole.ids) {
				t.Errorf("after paging: total %d with %d items (%v), %d at the start", final.total, len(final.ids), err, len(whole.ids))
			}
		})
	}
}

// testCursorsRefused: a cursor that is malformed, or that another list or
// another order gave out, is refused as invalid input.
func testCursorsRefused(t *testing.T, s kg.Store) {
	listData(t, s)
	lists := keyedLists(s)
	cursors := map[string]string{}
	for _, l := range lists {
		p, err := l.read("", 1)
		if err != nil || p.end == "" {
			t.Fatalf("%s: end cursor %q, %v", l.name, p.end, err)
		}
		cursors[l.name] = p.end
	}
	for _, l := range lists {
		for _, bad := range []string{"not a cursor", "bzo1MA", "eyJ2IjoxfQ"} {
			_, err := l.read(bad, 1)
			wantCode(t, fmt.Sprintf("%s after %q", l.name, bad), err, kg.EInvalid)
		}
		for other, c := range cursors {
			if other == l.name || c == cursors[l.name] {
				continue // same list, or an order whose keys are the same (RELEVANCE without a query is NAME)
			}
			if _, err := l.read(c, 1); kg.ErrorCode(err) != kg.EInvalid && !sameKeyset(l.name, other) {
				t.Errorf("%s accepted the cursor of %s (err %v)", l.name, other, err)
			}
		}
	}
}

// sameKeyset reports whether two of keyedLists share a keyset, so that
// their cursors are interchangeable: the entity lists whose effective
// order is the same.
func sameKeyset(a, b string) bool {
	eff := map[string]string{
		"FindEntities()":                             "NAME",
		"FindEntities(Order=NAME)":                   "NAME",
		"FindEntities(Order=RELEVANCE)":              "NAME",
		"FindEntities(Query=Mardin,Order=NAME)":      "NAME",
		"FindEntities(Order=ARTICLES)":               "ARTICLES",
		"FindEntities(Query=Mardin,Order=ARTICLES)":  "ARTICLES",
		"FindEntities(Query=Mardin)":                 "RELEVANCE",
		"FindEntities(Query=Mardin,Order=RELEVANCE)": "RELEVANCE",
	}
	ea, oka := eff[a]
	eb, okb := eff[b]
	return oka && okb && ea == eb
}
