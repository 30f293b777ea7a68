package graph

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/kg"
)

// listWorld is the world fixtures plus an article dated to the month only
// that repeats the meeting (a second piece of evidence) and restates the
// command with more confidence, an event of its own, and an undated roster.
func listWorld(t *testing.T) kg.Store {
	c := newFixture(t, "Velaria in March", "2019-03",
		"Ilse Marek met with Tomas Brell again.",
		"Mara Voss still commands the Northern Brigade.")
	c.ent(kg.Person, "", "Ilse Marek")
	c.ent(kg.Person, "", "Tomas Brell")
	c.ent(kg.Person, "", "Mara Voss")
	c.ent(kg.Organization, "military", "Northern Brigade")
	c.rel(kg.MetWith, idMarek, idBrell, "Ilse Marek met with Tomas Brell again.")
	c.rel(kg.Commands, idVoss, idBrigade, "Mara Voss still commands the Northern Brigade.")
	c.x.Relations[1].Confidence, c.x.Relations[1].Evidence[0].Confidence = 0.95, 0.95
	c.event("Meeting", "Marek meets Brell", "2019-03", "", "Ilse Marek met with Tomas Brell again.",
		kg.Participant{EntityID: idMarek, Role: "agent"}, kg.Participant{EntityID: idBrell, Role: "agent"})
	return openStore(t, append(worldFixtures(t), c.x, rosterFixture(t, 3))...)
}

// conn is the part of any connection these tests read.
type conn struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage     bool
		HasPreviousPage bool
		StartCursor     *string
		EndCursor       *string
	}
	Edges []struct {
		Cursor string
		Node   struct {
			ID    string
			Title string
			Name  string
		}
	}
}

// listConn runs a query whose only top-level field (or entity field, with
// path "entity.x") is a connection selecting `totalCount pageInfo {…}
// edges { cursor node { id … } }`, and returns it.
func listConn(t *testing.T, c *client.Client, q, path string, vars ...client.Option) conn {
	t.Helper()
	var raw map[string]any
	c.MustPost(q, &raw, vars...)
	var v any = raw
	for _, p := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: no object at %s in %v", path, p, raw)
		}
		v = m[p]
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out conn
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return out
}

func (c conn) ids() []string {
	var out []string
	for _, e := range c.Edges {
		id := e.Node.ID
		if id == "" {
			id = e.Node.Title
		}
		out = append(out, id)
	}
	return out
}

// paged reads field(args) of q in pages of two and checks that the pages
// concatenate to the one-page list, with the same totalCount throughout.
// q holds %s for the arguments and $after for the cursor.
func paged(t *testing.T, c *client.Client, q, path, args string) []string {
	t.Helper()
	whole := listConn(t, c, fmt.Sprintf(q, args+" first: 500"), path, client.Var("after", nil))
	var got []string
	var after *string
	for page := 0; ; page++ {
		if page > whole.TotalCount {
			t.Fatalf("%s(%s): paging does not end", path, args)
		}
		p := listConn(t, c, fmt.Sprintf(q, args+" first: 2"), path, client.Var("after", after))
		if p.TotalCount != whole.TotalCount {
			t.Fatalf("%s(%s): totalCount %d on page %d, %d on one page", path, args, p.TotalCount, page, whole.TotalCount)
		}
		got = append(got, p.ids()...)
		if !p.PageInfo.HasNextPage {
			break
		}
		after = p.PageInfo.EndCursor
	}
	if !slices.Equal(got, whole.ids()) || len(got) != whole.TotalCount {
		t.Fatalf("%s(%s): pages %v, one page %v (total %d)", path, args, got, whole.ids(), whole.TotalCount)
	}
	return got
}

const (
	relationsQ  = `query($after: String) { relations(%s after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`
	articlesQ   = `query($after: String) { articles(%s after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title } } } }`
	eventsQ     = `query($after: String) { events(%s after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`
	entitiesQ   = `query($after: String) { entities(%s after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`
	titleA      = "Brigade holds minister"
	titleB      = "Party congress"
	titleC      = "Velaria in March"
	titleRoster = "Guard roster"
)

// relConnQ pages through Tomas Brell's relations.
var relConnQ = `query($after: String) { entity(id: "` + idBrell + `") { relationConnection(%s after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`

func TestRelationOrdersAndFilters(t *testing.T) {
	c := newClient(t, Config{Store: listWorld(t)})
	met := kg.RelationID(kg.MetWith, idMarek, idBrell)
	vossCommands := kg.RelationID(kg.Commands, idVoss, idBrigade)
	byType := paged(t, c, relationsQ, "relations", "")
	if len(byType) != 10 || !slices.Equal(byType, paged(t, c, relationsQ, "relations", "orderBy: TYPE")) {
		t.Fatalf("default order %v is not TYPE's, or not 10 relations", byType)
	}
	if got := paged(t, c, relationsQ, "relations", "orderBy: CONFIDENCE"); got[0] != vossCommands {
		t.Errorf("CONFIDENCE first = %s, want %s (0.95)", got[0], vossCommands)
	}
	if got := paged(t, c, relationsQ, "relations", "orderBy: EVIDENCE"); !slices.Equal(got[:2], []string{vossCommands, met}) {
		t.Errorf("EVIDENCE first = %v, want %s and %s (two sentences each, by type)", got[:2], vossCommands, met)
	}
	latest := paged(t, c, relationsQ, "relations", "orderBy: LATEST")
	wantFirst := []string{kg.RelationID(kg.Commands, idMarek, idGuard), kg.RelationID(kg.Leads, idMarek, idParty), met}
	if !slices.Equal(latest[:3], wantFirst) {
		t.Errorf("LATEST first three = %v, want the 2020 article's %v", latest[:3], wantFirst)
	}
	roster := kg.RelationID(kg.MemberOf, kg.EntityID(kg.Person, "Guardsman Number2"), idGuard)
	if last := latest[len(latest)-1]; last != roster {
		t.Errorf("LATEST ends with %s, want an undated roster relation", last)
	}
	for _, tc := range []struct {
		args string
		want int
	}{
		{`entity: "` + idBrell + `"`, 4},
		{`source: "` + idMarek + `"`, 3},
		{`target: "` + idParty + `"`, 2},
		{`sourceTypes: [Person], targetTypes: [Organization]`, 7},
		{`targetTypes: [Location]`, 1},
		{`from: "2020"`, 3},
		{`from: "2019-03-10", to: "2019-03-31"`, 2},
		{`to: "2019-03-04"`, 5},
		{`entity: "` + idBrell + `", from: "2019-03", orderBy: LATEST`, 4},
		{`types: [COMMANDS], minConfidence: 0.92`, 1},
	} {
		if got := paged(t, c, relationsQ, "relations", tc.args); len(got) != tc.want {
			t.Errorf("relations(%s) = %d %v, want %d", tc.args, len(got), got, tc.want)
		}
	}
}

func TestEntityRelationConnection(t *testing.T) {
	c := newClient(t, Config{Store: listWorld(t)})
	var list struct {
		Entity struct{ Relations []struct{ ID string } }
	}
	c.MustPost(`{ entity(id: "`+idBrell+`") { relations { id } } }`, &list)
	var want []string
	for _, r := range list.Entity.Relations {
		want = append(want, r.ID)
	}
	if got := paged(t, c, relConnQ, "entity.relationConnection", ""); !slices.Equal(got, want) || len(got) != 4 {
		t.Fatalf("relationConnection = %v, want the relations list %v", got, want)
	}
	met := kg.RelationID(kg.MetWith, idMarek, idBrell)
	for _, o := range []string{"EVIDENCE", "LATEST"} {
		if got := paged(t, c, relConnQ, "entity.relationConnection", "orderBy: "+o); got[0] != met {
			t.Errorf("relationConnection(%s) first = %s, want %s", o, got[0], met)
		}
	}
	if got := paged(t, c, relConnQ, "entity.relationConnection", "direction: OUT, types: [HOLDS_ROLE, MEMBER_OF, MET_WITH]"); len(got) != 3 {
		t.Errorf("relationConnection(OUT, 3 types) = %v, want 3", got)
	}
	// LATEST orders as the store's list does.
	store := listWorld(t)
	p, err := store.ListRelations(t.Context(), kg.RelationListFilter{EntityID: idBrell, Order: kg.RelationByLatest})
	if err != nil {
		t.Fatal(err)
	}
	if got := paged(t, c, relConnQ, "entity.relationConnection", "orderBy: LATEST"); !slices.Equal(got, relIDsOf(p.Relations)) {
		t.Errorf("relationConnection(LATEST) = %v, ListRelations %v", got, relIDsOf(p.Relations))
	}
}

func relIDsOf(rs []*kg.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestArticleEventEntityOrders(t *testing.T) {
	c := newClient(t, Config{Store: listWorld(t)})
	for _, tc := range []struct {
		args string
		want []string
	}{
		{``, []string{titleB, titleA, titleC, titleRoster}},
		{`orderBy: NEWEST`, []string{titleB, titleA, titleC, titleRoster}},
		{`orderBy: OLDEST`, []string{titleC, titleA, titleB, titleRoster}},
		{`orderBy: TITLE`, []string{titleA, titleRoster, titleB, titleC}},
		{`entity: "` + idMarek + `"`, []string{titleB, titleC}},
		{`from: "2019-03-04", to: "2019-03-04", orderBy: OLDEST`, []string{titleC, titleA}},
		{`to: "2019"`, []string{titleA, titleC}},
		{`entity: "` + idGuard + `", orderBy: TITLE`, []string{titleRoster, titleB}},
	} {
		if got := paged(t, c, articlesQ, "articles", tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("articles(%s) = %v, want %v", tc.args, got, tc.want)
		}
	}

	all := paged(t, c, eventsQ, "events", "")
	var names struct {
		Events struct {
			Edges []struct{ Node struct{ Name string } }
		}
	}
	c.MustPost(`{ events { edges { node { name } } } }`, &names)
	if len(all) != 2 || len(names.Events.Edges) != 2 || names.Events.Edges[0].Node.Name != "detention of Tomas Brell" {
		t.Fatalf("events = %v %+v, want the 2016 detention then the 2019-03 meeting", all, names)
	}
	for _, tc := range []struct {
		args string
		want []string
	}{
		{`orderBy: DATE`, all},
		{`orderBy: DATE_DESC`, []string{all[1], all[0]}},
		{`entity: "` + idMarek + `"`, all[1:]},
		{`entity: "` + idBrell + `", orderBy: DATE_DESC`, []string{all[1], all[0]}},
		{`from: "2017"`, all[1:]},
		{`to: "2016-06"`, all[:1]},
		{`type: "Detention", from: "2019"`, nil},
	} {
		if got := paged(t, c, eventsQ, "events", tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("events(%s) = %v, want %v", tc.args, got, tc.want)
		}
	}

	if got := paged(t, c, entitiesQ, "entities", "orderBy: ARTICLES"); got[0] != idBrell {
		t.Errorf("entities(ARTICLES) first = %s, want %s (three articles)", got[0], idBrell)
	}
	byName := paged(t, c, entitiesQ, "entities", "orderBy: NAME")
	if !slices.Equal(byName, paged(t, c, entitiesQ, "entities", "")) || !slices.Equal(byName, paged(t, c, entitiesQ, "entities", "orderBy: RELEVANCE")) {
		t.Errorf("without a query NAME, RELEVANCE and the default differ")
	}
	// With a query, ARTICLES sorts the same hits by article count.
	rel := paged(t, c, entitiesQ, "entities", `query: "guard"`)
	byArticles := paged(t, c, entitiesQ, "entities", `query: "guard", orderBy: ARTICLES`)
	if len(rel) < 2 || !slices.Equal(sortedCopy(rel), sortedCopy(byArticles)) || byArticles[0] != idGuard || slices.Equal(rel, byArticles) {
		t.Errorf("query guard: RELEVANCE %v, ARTICLES %v; want the same hits, the Guard (two articles) first", rel, byArticles)
	}
}

func sortedCopy(xs []string) []string {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys
}

func TestListBadInput(t *testing.T) {
	h := worldHandler(t, Config{Store: listWorld(t)})
	for _, q := range []string{
		`{ relations(orderBy: SIZE) { totalCount } }`,
		`{ articles(orderBy: "TITLE") { totalCount } }`,
		`{ events(orderBy: DATE_ASC) { totalCount } }`,
		`{ entities(orderBy: CONFIDENCE) { totalCount } }`,
		`{ entity(id: "x") { relationConnection(orderBy: NEWEST) { totalCount } } }`,
	} {
		_, r := post(t, h, q, nil)
		wantCode(t, r.Errors, "GRAPHQL_VALIDATION_FAILED")
	}
	for _, q := range []string{
		`{ relations(from: "2018-13") { totalCount } }`,
		`{ relations(to: "2018-02-30") { totalCount } }`,
		`{ articles(to: "May 2019") { totalCount } }`,
		`{ articles(from: "2020", to: "2019") { totalCount } }`,
		`{ events(from: "19") { totalCount } }`,
		`{ entity(id: "` + idBrell + `") { relationConnection(first: 0) { totalCount } } }`,
		`{ entity(id: "` + idBrell + `") { relationConnection(after: "nope") { totalCount } } }`,
		`{ entity(id: "` + idBrell + `") { relationConnection(minConfidence: 2) { totalCount } } }`,
	} {
		_, r := post(t, h, q, nil)
		wantCode(t, r.Errors, kg.EInvalid)
	}
}

func TestRelationConnectionComplexity(t *testing.T) {
	c := newClient(t, Config{Store: listWorld(t), MaxComplexity: 1000})
	q := `{ entities(first: 20) { edges { node { relationConnection(first: %d) { edges { node { id } } } } } } }`
	if errs := errorsOf(t, c, fmt.Sprintf(q, 5)); len(errs) > 0 {
		t.Fatalf("20 × 5 relations refused: %+v", errs)
	}
	wantCode(t, errorsOf(t, c, fmt.Sprintf(q, 100)), CodeComplexityExceeded)
}

// TestRelationConnectionBatches checks that the connection of every entity
// of a page costs one relations read, not one per entity.
func TestRelationConnectionBatches(t *testing.T) {
	cs := &countingStore{Store: listWorld(t)}
	c := newClient(t, Config{Store: cs})
	var resp struct {
		Entities struct {
			Edges []struct {
				Node struct {
					RelationConnection struct {
						TotalCount int
						Edges      []struct{ Node struct{ ID string } }
					}
				}
			}
		}
	}
	c.MustPost(`{ entities(first: 20) { edges { node { relationConnection(orderBy: LATEST, first: 1) { totalCount edges { node { id } } } } } } }`, &resp)
	if n := len(resp.Entities.Edges); n < 10 {
		t.Fatalf("%d entities, want at least 10", n)
	}
	// FindEntities, one Relations batch, one Articles batch (LATEST).
	if n := cs.calls.Load(); n > 3 {
		t.Errorf("%d store calls for 20 entities' relation connections, want at most 3", n)
	}
}
