package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/kg"
)

// brellArticle is article i of those written while a client pages through
// Tomas Brell's lists: a meeting with a new person whose id sorts before
// (even i) or after (odd i) the fixtures', in an article dated earlier or
// later than theirs.
func brellArticle(t *testing.T, i int) *kg.Extraction {
	first, published := "Zed", fmt.Sprintf("2030-01-%02d", i%28+1)
	if i%2 == 0 {
		first, published = "Aaron", fmt.Sprintf("2001-01-%02d", i%28+1)
	}
	other := fmt.Sprintf("%s Visitor %d", first, i)
	sentence := fmt.Sprintf("Tomas Brell met with %s.", other)
	f := newFixture(t, fmt.Sprintf("Visit %d", i), published, sentence)
	f.ent(kg.Person, "", "Tomas Brell")
	id := f.ent(kg.Person, "", other)
	f.rel(kg.MetWith, idBrell, id, sentence)
	return f.x
}

// TestConnectionsPageWhileWriting pages through the lists the API builds in
// memory (an entity's relationConnection in every order, its articles)
// one item a page while articles arrive whose items sort before and after
// the cursor: no item twice, none that was there at the start skipped;
// only the first page has no previous page.
func TestConnectionsPageWhileWriting(t *testing.T) {
	store := listWorld(t)
	c := newClient(t, Config{Store: store})
	articlesQ := `query($after: String) { entity(id: "` + idBrell + `") { articles(%s after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`
	lists := []struct{ q, path, args string }{
		{relConnQ, "entity.relationConnection", ""},
		{relConnQ, "entity.relationConnection", "orderBy: CONFIDENCE"},
		{relConnQ, "entity.relationConnection", "orderBy: EVIDENCE"},
		{relConnQ, "entity.relationConnection", "orderBy: LATEST"},
		{articlesQ, "entity.articles", ""},
	}
	written := 0
	for _, l := range lists {
		t.Run(l.path+"("+l.args+")", func(t *testing.T) {
			whole := listConn(t, c, fmt.Sprintf(l.q, l.args+" first: 500"), l.path, client.Var("after", nil))
			seen := map[string]bool{}
			var after *string
			for page := 0; ; page++ {
				if page > 100 {
					t.Fatal("paging does not end")
				}
				p := listConn(t, c, fmt.Sprintf(l.q, l.args+" first: 1"), l.path, client.Var("after", after))
				if p.PageInfo.HasPreviousPage != (page > 0) {
					t.Errorf("page %d: hasPreviousPage %v", page, p.PageInfo.HasPreviousPage)
				}
				if len(p.Edges) > 0 && (p.PageInfo.StartCursor == nil || *p.PageInfo.StartCursor != p.Edges[0].Cursor) {
					t.Errorf("page %d: startCursor %v, first edge's cursor %s", page, p.PageInfo.StartCursor, p.Edges[0].Cursor)
				}
				for _, id := range p.ids() {
					if seen[id] {
						t.Errorf("page %d: %s read twice", page, id)
					}
					seen[id] = true
				}
				if !p.PageInfo.HasNextPage {
					break
				}
				after = p.PageInfo.EndCursor
				if page < 4 {
					written++
					if _, err := store.SaveExtraction(t.Context(), brellArticle(t, written)); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, id := range whole.ids() {
				if !seen[id] {
					t.Errorf("%s, there when paging began, was skipped", id)
				}
			}
		})
	}
}

// TestCursorErrors: a malformed cursor, or one from another list or order,
// is refused with BAD_USER_INPUT and a message that says what to pass.
func TestCursorErrors(t *testing.T) {
	h := worldHandler(t, Config{Store: listWorld(t)})
	_, r := post(t, h, `{ articles(first: 1) { pageInfo { endCursor } } }`, nil)
	pi, _ := r.Data["articles"].(map[string]any)["pageInfo"].(map[string]any)
	foreign, _ := pi["endCursor"].(string)
	if len(r.Errors) > 0 || foreign == "" {
		t.Fatalf("articles end cursor: %v, %v", r.Data, r.Errors)
	}
	for _, q := range []string{
		`query($c: String) { relations(after: $c) { totalCount } }`,
		`query($c: String) { articles(orderBy: TITLE, after: $c) { totalCount } }`,
		`query($c: String) { events(after: $c) { totalCount } }`,
		`query($c: String) { entities(after: $c) { totalCount } }`,
		`query($c: String) { entities(query: "Brell", after: $c) { totalCount } }`,
		`query($c: String) { entity(id: "` + idBrell + `") { relationConnection(after: $c) { totalCount } } }`,
		`query($c: String) { timeline(id: "` + idBrell + `", after: $c) { totalCount } }`,
	} {
		for _, c := range []string{foreign, "o:2", "bm9wZQ"} {
			_, r := post(t, h, q, map[string]any{"c": c})
			wantCode(t, r.Errors, kg.EInvalid)
			if msg := r.Errors[0].Message; !strings.Contains(msg, "cursor") || strings.Contains(msg, c) {
				t.Errorf("%s after %q: message %q should speak of the cursor without echoing it", q, c, msg)
			}
		}
	}
}
