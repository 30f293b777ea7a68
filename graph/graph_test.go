package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/kg"
)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newClient serves cfg (with a world store when cfg.Store is nil) through
// gqlgen's test client.
func newClient(t *testing.T, cfg Config) *client.Client {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openStore(t, worldFixtures(t)...)
	}
	if cfg.Logger == nil {
		cfg.Logger = quietLogger()
	}
	c := client.New(NewHandler(cfg))
	c.SetCustomTarget("/query")
	return c
}

// gqlError is one error of a response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// errorsOf posts q and returns the errors of the response.
func errorsOf(t *testing.T, c *client.Client, q string, opts ...client.Option) []gqlError {
	t.Helper()
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		// The client fails on a 4xx status (refused documents get 422) and
		// puts the body in its error: read the errors from there.
		var body struct{ Errors []gqlError }
		if _, text, ok := strings.Cut(err.Error(), "http 422: "); ok && json.Unmarshal([]byte(text), &body) == nil {
			return body.Errors
		}
		t.Fatalf("post: %v", err)
	}
	var errs []gqlError
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatalf("decode errors %s: %v", resp.Errors, err)
		}
	}
	return errs
}

func wantCode(t *testing.T, errs []gqlError, code string) {
	t.Helper()
	if len(errs) == 0 {
		t.Fatalf("want an error with code %s, got none", code)
	}
	for _, e := range errs {
		if e.Extensions["code"] == code {
			return
		}
	}
	t.Fatalf("want code %s, got %+v", code, errs)
}

func TestWhoDetainedWhom(t *testing.T) {
	c := newClient(t, Config{})
	var resp struct {
		Entity struct {
			Name       string
			DetainedBy []struct{ ID, Name string }
			Relations  []struct {
				Type       string
				Source     struct{ Name string }
				Properties []struct{ Key, Value string }
				Evidence   []struct {
					Text       string
					Start, End int
					Article    struct{ Title string }
				}
			}
		}
	}
	c.MustPost(`query($id: ID!) { entity(id: $id) {
		name
		detainedBy { id name }
		relations(direction: IN, types: [DETAINED]) {
			type source { name } properties { key value }
			evidence { text start end article { title } }
		}
	} }`, &resp, client.Var("id", idBrell))

	e := resp.Entity
	if e.Name != "Tomas Brell" {
		t.Fatalf("name = %q", e.Name)
	}
	if len(e.DetainedBy) != 1 || e.DetainedBy[0].ID != idBrigade {
		t.Fatalf("detainedBy = %+v, want the Northern Brigade", e.DetainedBy)
	}
	if len(e.Relations) != 1 {
		t.Fatalf("relations = %+v, want one DETAINED", e.Relations)
	}
	r := e.Relations[0]
	if r.Type != "DETAINED" || r.Source.Name != "Northern Brigade" {
		t.Fatalf("relation = %+v", r)
	}
	if len(r.Evidence) != 1 || r.Evidence[0].Text != detainSentence || r.Evidence[0].Article.Title != "Brigade holds minister" {
		t.Fatalf("evidence = %+v, want the detention sentence", r.Evidence)
	}
	if got := len([]rune(detainSentence)); r.Evidence[0].End-r.Evidence[0].Start != got {
		t.Fatalf("evidence offsets %d..%d do not span the sentence (%d runes)", r.Evidence[0].Start, r.Evidence[0].End, got)
	}
	props := map[string]string{}
	for _, p := range r.Properties {
		props[p.Key] = p.Value
	}
	if props["place"] != "Fort Kell" || props["date"] != "2016" {
		t.Fatalf("properties = %v", props)
	}

	// The same fact seen from the detainer, and from the list of relations.
	var out struct {
		Entity    struct{ Detained []struct{ Name string } }
		Relations struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Source, Target struct{ Name string }
					Evidence       []struct{ Text string }
				}
			}
		}
	}
	c.MustPost(`{ entity(id: "`+idBrigade+`") { detained { name } }
		relations(types: [DETAINED]) { totalCount edges { node { source { name } target { name } evidence { text } } } } }`, &out)
	if len(out.Entity.Detained) != 1 || out.Entity.Detained[0].Name != "Tomas Brell" {
		t.Fatalf("detained = %+v", out.Entity.Detained)
	}
	if out.Relations.TotalCount != 1 || out.Relations.Edges[0].Node.Source.Name != "Northern Brigade" ||
		out.Relations.Edges[0].Node.Evidence[0].Text != detainSentence {
		t.Fatalf("relations(types: [DETAINED]) = %+v", out.Relations)
	}
}

func TestTypedFields(t *testing.T) {
	c := newClient(t, Config{})
	var resp struct {
		Voss struct {
			Commands []struct{ Name string }
			Quotes   []struct {
				Text    string
				Article struct{ Title string }
			}
		}
		Brigade struct{ CommandedBy []struct{ Name string } }
		Brell   struct {
			Roles []struct {
				Title, Status *string
				Organization  struct{ Name string }
				Evidence      []struct{ Text string }
			}
			MemberOf     []struct{ Name string }
			MentionCount int
			Events       []struct {
				Type         string
				Date         *string
				Place        *struct{ Name string }
				Participants []struct {
					Role   string
					Entity struct{ Name string }
				}
			}
			Relations []struct{ Type string }
			Subtype   *string
			Aliases   []string
		}
		Party struct {
			LedBy   []struct{ Name string }
			Members []struct{ Name string }
		}
		Marek struct{ Leads []struct{ Name string } }
	}
	c.MustPost(`{
		voss: entity(id: "`+idVoss+`") { commands { name } quotes { text article { title } } }
		brigade: entity(id: "`+idBrigade+`") { commandedBy { name } }
		brell: entity(id: "`+idBrell+`") {
			roles { title status organization { name } evidence { text } }
			memberOf { name } mentionCount subtype aliases
			events { type date place { name } participants { role entity { name } } }
			relations(types: [MET_WITH], direction: OUT) { type }
		}
		party: entity(id: "`+idParty+`") { ledBy { name } members { name } }
		marek: entity(id: "`+idMarek+`") { leads { name } }
	}`, &resp)

	if len(resp.Voss.Commands) != 1 || resp.Voss.Commands[0].Name != "Northern Brigade" {
		t.Errorf("Voss commands %+v", resp.Voss.Commands)
	}
	if len(resp.Voss.Quotes) != 1 || !strings.Contains(resp.Voss.Quotes[0].Text, "within the law") {
		t.Errorf("Voss quotes %+v", resp.Voss.Quotes)
	}
	if len(resp.Brigade.CommandedBy) != 1 || resp.Brigade.CommandedBy[0].Name != "Mara Voss" {
		t.Errorf("Brigade commandedBy %+v", resp.Brigade.CommandedBy)
	}
	b := resp.Brell
	if len(b.Roles) != 1 || deref(b.Roles[0].Title) != "finance minister" || deref(b.Roles[0].Status) != "current" ||
		b.Roles[0].Organization.Name != "Velaria" || len(b.Roles[0].Evidence) != 1 {
		t.Errorf("Brell roles %+v", b.Roles)
	}
	if len(b.MemberOf) != 1 || b.MemberOf[0].Name != "Unity Party" {
		t.Errorf("Brell memberOf %+v", b.MemberOf)
	}
	if b.MentionCount != 2 {
		t.Errorf("Brell mentionCount = %d, want 2 articles", b.MentionCount)
	}
	if b.Subtype != nil {
		t.Errorf("Brell subtype = %q, want null", *b.Subtype)
	}
	if len(b.Events) != 1 || b.Events[0].Type != "Detention" || deref(b.Events[0].Date) != "2016" ||
		b.Events[0].Place == nil || b.Events[0].Place.Name != "Fort Kell" || len(b.Events[0].Participants) != 2 {
		t.Errorf("Brell events %+v", b.Events)
	}
	// MET_WITH is symmetric: it matches every direction.
	if len(b.Relations) != 1 || b.Relations[0].Type != "MET_WITH" {
		t.Errorf("Brell MET_WITH relations %+v", b.Relations)
	}
	if len(resp.Party.LedBy) != 1 || resp.Party.LedBy[0].Name != "Ilse Marek" {
		t.Errorf("party ledBy %+v", resp.Party.LedBy)
	}
	if len(resp.Party.Members) != 1 || resp.Party.Members[0].Name != "Tomas Brell" {
		t.Errorf("party members %+v", resp.Party.Members)
	}
	if len(resp.Marek.Leads) != 1 || resp.Marek.Leads[0].Name != "Unity Party" {
		t.Errorf("Marek leads %+v", resp.Marek.Leads)
	}
}

func TestUnknownIDIsNull(t *testing.T) {
	c := newClient(t, Config{})
	resp, err := c.RawPost(`{ entity(id: "person:nobody") { id } article(id: "article:none") { id }
		event(id: "event:none") { id } relation(id: "rel:none") { id } }`)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %s", resp.Errors)
	}
	got, _ := json.Marshal(resp.Data)
	if want := `{"article":null,"entity":null,"event":null,"relation":null}`; string(got) != want {
		t.Fatalf("data = %s, want %s", got, want)
	}
}

// pageOf reads one page of persons.
type entityPage struct {
	Entities struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Score  float64
			Node   struct{ ID, Name string }
		}
	}
}

func TestPagination(t *testing.T) {
	c := newClient(t, Config{Store: openStore(t, append(worldFixtures(t), rosterFixture(t, 7))...)})
	q := `query($after: String) { entities(types: [Person], first: 3, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor score node { id name } } } }`
	var names []string
	seen := map[string]bool{}
	var after *string
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		var p entityPage
		c.MustPost(q, &p, client.Var("after", after))
		if p.Entities.TotalCount != 10 {
			t.Fatalf("totalCount = %d, want 10 persons", p.Entities.TotalCount)
		}
		if len(p.Entities.Edges) > 3 {
			t.Fatalf("page of %d > first", len(p.Entities.Edges))
		}
		for _, e := range p.Entities.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("%s on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
			names = append(names, e.Node.Name)
		}
		if !p.Entities.PageInfo.HasNextPage {
			break
		}
		last := p.Entities.Edges[len(p.Entities.Edges)-1].Cursor
		if p.Entities.PageInfo.EndCursor == nil || *p.Entities.PageInfo.EndCursor != last {
			t.Fatalf("endCursor %v != last edge cursor %q", p.Entities.PageInfo.EndCursor, last)
		}
		after = p.Entities.PageInfo.EndCursor
	}
	if len(names) != 10 {
		t.Fatalf("read %d persons over all pages, want 10: %v", len(names), names)
	}

	// An entity's articles page too.
	var arts struct {
		Entity struct {
			Articles struct {
				TotalCount int
				PageInfo   struct{ HasNextPage bool }
				Edges      []struct{ Node struct{ Title string } }
			}
		}
	}
	c.MustPost(`{ entity(id: "`+idBrell+`") { articles(first: 1) { totalCount pageInfo { hasNextPage } edges { node { title } } } } }`, &arts)
	a := arts.Entity.Articles
	if a.TotalCount != 2 || !a.PageInfo.HasNextPage || len(a.Edges) != 1 || a.Edges[0].Node.Title != "Party congress" {
		t.Fatalf("articles(first: 1) = %+v, want the newest of two", a)
	}
}

func TestFilters(t *testing.T) {
	c := newClient(t, Config{})
	var resp struct {
		Orgs struct {
			Edges []struct{ Node struct{ Name string } }
		}
		Militia struct {
			Edges []struct{ Node struct{ Name string } }
		}
		Search struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Articles struct {
			Edges []struct {
				Node struct {
					ID       string
					Title    string
					Entities struct {
						TotalCount int
					}
					Quotes []struct{ Speaker struct{ Name string } }
				}
			}
		}
		Events struct {
			TotalCount int
			Edges      []struct{ Node struct{ Name string } }
		}
		Stats kg.Stats
	}
	c.MustPost(`{
		orgs: entities(types: [Organization]) { edges { node { name } } }
		militia: entities(types: [Organization], subtype: "militia") { edges { node { name } } }
		search: entities(query: "Brell") { edges { node { id } } }
		articles { edges { node { id title entities(types: [Person]) { totalCount } quotes { speaker { name } } } } }
		events(type: "Detention") { totalCount edges { node { name } } }
		stats { articles entities relations events quotes evidence }
	}`, &resp)
	if len(resp.Orgs.Edges) != 3 {
		t.Errorf("organizations: %+v, want 3", resp.Orgs.Edges)
	}
	if len(resp.Militia.Edges) != 1 || resp.Militia.Edges[0].Node.Name != "Velarian Guard" {
		t.Errorf("militia: %+v", resp.Militia.Edges)
	}
	if len(resp.Search.Edges) == 0 || resp.Search.Edges[0].Node.ID != idBrell {
		t.Errorf("search Brell: %+v", resp.Search.Edges)
	}
	if len(resp.Articles.Edges) != 2 || resp.Articles.Edges[0].Node.Title != "Party congress" {
		t.Fatalf("articles: %+v, want newest first", resp.Articles.Edges)
	}
	first, second := resp.Articles.Edges[0].Node, resp.Articles.Edges[1].Node
	if first.Entities.TotalCount != 2 || second.Entities.TotalCount != 2 {
		t.Errorf("persons per article: %d, %d; want 2, 2", first.Entities.TotalCount, second.Entities.TotalCount)
	}
	if len(second.Quotes) != 1 || second.Quotes[0].Speaker.Name != "Mara Voss" {
		t.Errorf("quotes of the first article: %+v", second.Quotes)
	}
	if resp.Events.TotalCount != 1 {
		t.Errorf("Detention events: %+v", resp.Events)
	}
	if s := resp.Stats; s.Articles != 2 || s.Relations != 7 || s.Events != 1 || s.Quotes != 1 {
		t.Errorf("stats = %+v", s)
	}

	// Only the entities mentioned in one article.
	var inArticle struct {
		Entities struct{ TotalCount int }
	}
	c.MustPost(`query($a: ID) { entities(article: $a) { totalCount } }`, &inArticle, client.Var("a", first.ID))
	if inArticle.Entities.TotalCount != 5 {
		t.Errorf("entities of %q: %d, want 5", first.Title, inArticle.Entities.TotalCount)
	}
}

func TestBadInputCodes(t *testing.T) {
	c := newClient(t, Config{})
	cases := map[string]string{
		"invalid cursor":        `{ entities(after: "not-a-cursor") { totalCount } }`,
		"invalid nested cursor": `{ entity(id: "` + idBrell + `") { articles(after: "!!") { totalCount } } }`,
		"negative first":        `{ articles(first: -1) { totalCount } }`,
		"unknown event type":    `{ events(type: "Picnic") { totalCount } }`,
		"confidence over 1":     `{ entity(id: "` + idBrell + `") { relations(minConfidence: 1.5) { id } } }`,
	}
	for name, q := range cases {
		t.Run(name, func(t *testing.T) {
			wantCode(t, errorsOf(t, c, q), kg.EInvalid)
		})
	}
}

// failingStore fails every call with an internal error whose text must
// never reach the client.
type failingStore struct{ kg.Store }

const secret = "disk /var/secret/db corrupt"

func (failingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	return nil, errors.New(secret)
}

func (failingStore) Stats(ctx context.Context) (kg.Stats, error) {
	return kg.Stats{}, errors.New(secret)
}

func TestInternalErrorsAreHidden(t *testing.T) {
	var logs bytes.Buffer
	c := newClient(t, Config{Store: failingStore{openStore(t)}, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	errs := errorsOf(t, c, `{ entity(id: "x") { id } stats { articles } }`)
	wantCode(t, errs, kg.EInternal)
	for _, e := range errs {
		if strings.Contains(e.Message, "secret") {
			t.Fatalf("internal message leaked: %q", e.Message)
		}
	}
	if !strings.Contains(logs.String(), "secret") {
		t.Fatalf("internal error not logged: %q", logs.String())
	}
}

func TestHealthz(t *testing.T) {
	for _, tc := range []struct {
		store kg.Store
		code  int
	}{{openStore(t), http.StatusOK}, {failingStore{openStore(t)}, http.StatusServiceUnavailable}} {
		h := NewHandler(Config{Store: tc.store, Logger: quietLogger()})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		if w.Code != tc.code {
			t.Errorf("healthz = %d %q, want %d", w.Code, w.Body.String(), tc.code)
		}
		if tc.code == http.StatusOK && strings.TrimSpace(w.Body.String()) != "ok" {
			t.Errorf("healthz body = %q, want ok", w.Body.String())
		}
	}
}

// TestHTTP goes through a real HTTP server: POST and GET on /query.
func TestHTTP(t *testing.T) {
	srv := httptest.NewServer(NewHandler(Config{Store: openStore(t, worldFixtures(t)...), Logger: quietLogger()}))
	defer srv.Close()

	body, _ := json.Marshal(map[string]any{
		"query":     `query($id: ID!) { entity(id: $id) { detainedBy { name } } }`,
		"variables": map[string]any{"id": idBrell},
	})
	resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Entity struct{ DetainedBy []struct{ Name string } }
		}
		Errors []gqlError
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || len(out.Errors) > 0 || len(out.Data.Entity.DetainedBy) != 1 ||
		out.Data.Entity.DetainedBy[0].Name != "Northern Brigade" {
		t.Fatalf("POST /query: %d %+v", resp.StatusCode, out)
	}

	get, err := http.Get(srv.URL + "/query?query=" + url.QueryEscape(`{ stats { articles } }`))
	if err != nil {
		t.Fatal(err)
	}
	defer get.Body.Close()
	b, _ := io.ReadAll(get.Body)
	if get.StatusCode != http.StatusOK || !strings.Contains(string(b), `"articles":2`) {
		t.Fatalf("GET /query: %d %s", get.StatusCode, b)
	}
}

// storeCallsQuery is a nested query whose store calls the loaders batch:
// find, relations, entities+articles, relations, entities, … per level.
const storeCallsQuery = `{ entities(types: [Person], first: 200) { edges { node {
	name mentionCount
	relations { type target { name relations { type source { name } } } evidence { article { title } } }
	memberOf { name } detainedBy { name } roles { title }
	events { name } quotes { text }
	articles { edges { node { title } } }
} } } }`

// TestStoreCallsBoundedByDepth shows that the number of store calls of a
// nested query depends on its depth, not on the number of parents, with the
// production loaders, while other requests run at the same time on several
// processors. Branches of different depths may share a batch or not, so
// the count varies a little; it stays under a bound set by the query's
// shape (levels times loaders), whatever the number of persons.
func TestStoreCallsBoundedByDepth(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const concurrent = 8
	calls := make([]atomic.Int64, concurrent+1)
	run := func(t *testing.T, h http.Handler, i int) int {
		body, _ := json.Marshal(map[string]string{"query": storeCallsQuery})
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Calls", strconv.Itoa(i))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		var out struct {
			Data struct {
				Entities struct{ Edges []json.RawMessage }
			}
			Errors []gqlError
		}
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || len(out.Errors) > 0 {
			t.Errorf("request %d: %v %+v", i, err, out.Errors)
		}
		return len(out.Data.Entities.Edges)
	}
	handler := func(n int) http.Handler {
		cs := &countingStore{Store: openStore(t, append(worldFixtures(t), rosterFixture(t, n))...)}
		return countRequestCalls(NewHandler(Config{Store: cs, Logger: quietLogger(), MaxComplexity: 1 << 20}), calls)
	}

	if n := run(t, handler(2), 0); n != 5 {
		t.Fatalf("read %d persons, want 5", n)
	}
	small := calls[0].Load()

	h := handler(100)
	calls[0].Store(0)
	if n := run(t, h, 0); n != 103 {
		t.Fatalf("read %d persons, want 103", n)
	}
	alone := calls[0].Load()
	// Levels: find; relations, articles of, events of, quotes of; entities,
	// articles; relations; entities — a fixed handful.
	const bound = 12
	if alone > bound || small > bound {
		t.Fatalf("103 persons took %d store calls, 5 persons took %d; want at most %d", alone, small, bound)
	}

	var wg sync.WaitGroup
	for i := 1; i <= concurrent; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(t, h, i)
		}()
	}
	wg.Wait()
	var each []int64
	for i := 1; i <= concurrent; i++ {
		n := calls[i].Load()
		each = append(each, n)
		if n > bound {
			t.Errorf("concurrent request %d made %d store calls; want at most %d", i, n, bound)
		}
	}
	t.Logf("store calls: %d for 5 persons, %d for 103 alone, %v for 103 in %d concurrent requests", small, alone, each, concurrent)
}
