package graph

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/sqlite"
)

// fixture builds a hand-made kg.Extraction whose evidence offsets are
// computed from the article text, so the facts point at real sentences.
type fixture struct {
	t testing.TB
	x *kg.Extraction
}

func newFixture(t testing.TB, title, published string, sentences ...string) *fixture {
	text := strings.Join(sentences, " ")
	a := kg.Article{ID: kg.ArticleID(text), Title: title, Source: "fixtures/" + kg.Slug(title) + ".txt", Published: published, Text: text}
	return &fixture{t: t, x: &kg.Extraction{Article: a}}
}

func (f *fixture) ent(t kg.EntityType, subtype, name string, aliases ...string) string {
	id := kg.EntityID(t, name)
	f.x.Entities = append(f.x.Entities, kg.Entity{ID: id, Type: t, Subtype: subtype, Name: name, Aliases: aliases})
	return id
}

// evidence finds sentence in the article and returns its evidence.
func (f *fixture) evidence(sentence string) kg.Evidence {
	i := strings.Index(f.x.Article.Text, sentence)
	if i < 0 {
		f.t.Fatalf("fixture: sentence %q not in article %q", sentence, f.x.Article.Title)
	}
	start := len([]rune(f.x.Article.Text[:i]))
	return kg.Evidence{
		ArticleID: f.x.Article.ID, Text: sentence, Start: start, End: start + len([]rune(sentence)),
		Extractor: "fixture", Confidence: 0.9,
	}
}

func (f *fixture) rel(t kg.RelationType, src, tgt, sentence string, props ...string) string {
	p := map[string]string{}
	for i := 0; i+1 < len(props); i += 2 {
		p[props[i]] = props[i+1]
	}
	id := kg.RelationID(t, src, tgt)
	if t.Symmetric() && tgt < src {
		src, tgt = tgt, src
	}
	f.x.Relations = append(f.x.Relations, kg.Relation{
		ID: id, Type: t, Source: src, Target: tgt, Properties: p, Confidence: 0.9,
		Evidence: []kg.Evidence{f.evidence(sentence)},
	})
	return id
}

func (f *fixture) event(typ, name, date, place, sentence string, parts ...kg.Participant) string {
	ev := f.evidence(sentence)
	id := kg.EventID(f.x.Article.ID, typ, name, ev.Start)
	f.x.Events = append(f.x.Events, kg.Event{ID: id, Type: typ, Name: name, Date: date, Place: place,
		Participants: parts, Evidence: []kg.Evidence{ev}})
	return id
}

func (f *fixture) quote(speaker, text string) string {
	i := strings.Index(f.x.Article.Text, text)
	if i < 0 {
		f.t.Fatalf("fixture: quote %q not in article", text)
	}
	start := len([]rune(f.x.Article.Text[:i]))
	id := kg.QuoteID(f.x.Article.ID, start)
	f.x.Quotes = append(f.x.Quotes, kg.Quote{ID: id, Speaker: speaker, Text: text, ArticleID: f.x.Article.ID,
		Start: start, End: start + len([]rune(text))})
	return id
}

// Invented fixture world: names and events are made up for the tests.
const (
	detainSentence  = "The Northern Brigade detained Tomas Brell at Fort Kell in 2016."
	commandSentence = "Colonel Mara Voss commands the Northern Brigade."
)

// ids of the fixture entities.
var (
	idVoss    = kg.EntityID(kg.Person, "Mara Voss")
	idBrigade = kg.EntityID(kg.Organization, "Northern Brigade")
	idBrell   = kg.EntityID(kg.Person, "Tomas Brell")
	idKell    = kg.EntityID(kg.Location, "Fort Kell")
	idVelaria = kg.EntityID(kg.Location, "Velaria")
	idParty   = kg.EntityID(kg.Organization, "Unity Party")
	idMarek   = kg.EntityID(kg.Person, "Ilse Marek")
	idGuard   = kg.EntityID(kg.Organization, "Velarian Guard")
)

// worldFixtures returns two small articles that share entities.
func worldFixtures(t testing.TB) []*kg.Extraction {
	a := newFixture(t, "Brigade holds minister", "2019-03-04",
		commandSentence,
		detainSentence,
		"Tomas Brell is the finance minister of Velaria.",
		"Brell is a member of the Unity Party.",
		"“We acted within the law,” said Mara Voss.")
	a.ent(kg.Person, "", "Mara Voss", "Voss", "Colonel Mara Voss")
	a.ent(kg.Organization, "military", "Northern Brigade")
	a.ent(kg.Person, "", "Tomas Brell", "Brell")
	a.ent(kg.Location, "facility", "Fort Kell")
	a.ent(kg.Location, "country", "Velaria")
	a.ent(kg.Organization, "party", "Unity Party")
	a.rel(kg.Commands, idVoss, idBrigade, commandSentence)
	a.rel(kg.Detained, idBrigade, idBrell, detainSentence, "place", "Fort Kell", "date", "2016")
	a.rel(kg.HoldsRole, idBrell, idVelaria, "Tomas Brell is the finance minister of Velaria.", "title", "finance minister", "status", "current")
	a.rel(kg.MemberOf, idBrell, idParty, "Brell is a member of the Unity Party.")
	a.event("Detention", "detention of Tomas Brell", "2016", idKell, detainSentence,
		kg.Participant{EntityID: idBrigade, Role: "agent"}, kg.Participant{EntityID: idBrell, Role: "patient"})
	a.quote(idVoss, "We acted within the law,")

	b := newFixture(t, "Party congress", "2020-01-15",
		"Ilse Marek leads the Unity Party.",
		"Ilse Marek met with Tomas Brell in Velaria.",
		"Marek commands the Velarian Guard.")
	b.ent(kg.Person, "", "Ilse Marek", "Marek")
	b.ent(kg.Organization, "party", "Unity Party")
	b.ent(kg.Person, "", "Tomas Brell")
	b.ent(kg.Location, "country", "Velaria")
	b.ent(kg.Organization, "militia", "Velarian Guard")
	b.rel(kg.Leads, idMarek, idParty, "Ilse Marek leads the Unity Party.")
	b.rel(kg.MetWith, idMarek, idBrell, "Ilse Marek met with Tomas Brell in Velaria.")
	b.rel(kg.Commands, idMarek, idGuard, "Marek commands the Velarian Guard.")
	return []*kg.Extraction{a.x, b.x}
}

// rosterFixture is one article naming n members of the Velarian Guard, for
// tests whose point is the number of parents.
func rosterFixture(t testing.TB, n int) *kg.Extraction {
	var sentences []string
	for i := range n {
		sentences = append(sentences, fmt.Sprintf("Guardsman Number%d serves in the Velarian Guard.", i))
	}
	f := newFixture(t, "Guard roster", "", sentences...)
	guard := f.ent(kg.Organization, "militia", "Velarian Guard")
	for i, s := range sentences {
		p := f.ent(kg.Person, "", fmt.Sprintf("Guardsman Number%d", i))
		f.rel(kg.MemberOf, p, guard, s)
	}
	return f.x
}

// openStore opens a fresh sqlite store holding xs.
func openStore(t testing.TB, xs ...*kg.Extraction) kg.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	for _, x := range xs {
		if _, err := s.SaveExtraction(ctx, x); err != nil {
			t.Fatalf("save %q: %v", x.Article.Title, err)
		}
	}
	return s
}

// countingStore counts the store calls a request makes.
type countingStore struct {
	kg.Store
	calls atomic.Int64
}

type requestCallsKey struct{}

// count counts a store call, in all and in the request's own counter when
// its context carries one (see countRequestCalls).
func (c *countingStore) count(ctx context.Context) {
	c.calls.Add(1)
	if n, ok := ctx.Value(requestCallsKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}

// countRequestCalls wraps h so that each request counts its own store calls
// in the counter named by its X-Calls header (an index into calls).
func countRequestCalls(h http.Handler, calls []atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(r.Header.Get("X-Calls"))
		if err != nil || i < 0 || i >= len(calls) {
			http.Error(w, "bad X-Calls", http.StatusBadRequest)
			return
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestCallsKey{}, &calls[i])))
	})
}

func (c *countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	c.count(ctx)
	return c.Store.Entities(ctx, ids)
}

func (c *countingStore) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	c.count(ctx)
	return c.Store.FindEntities(ctx, f)
}

func (c *countingStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	c.count(ctx)
	return c.Store.Relations(ctx, ids, f)
}

func (c *countingStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	c.count(ctx)
	return c.Store.EntitiesWithRelations(ctx, ids, f)
}

func (c *countingStore) RelationsByID(ctx context.Context, ids []string) ([]*kg.Relation, error) {
	c.count(ctx)
	return c.Store.RelationsByID(ctx, ids)
}

func (c *countingStore) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	c.count(ctx)
	return c.Store.Articles(ctx, ids)
}

func (c *countingStore) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	c.count(ctx)
	return c.Store.ArticlesOfEntities(ctx, ids)
}

func (c *countingStore) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	c.count(ctx)
	return c.Store.EntitiesOfArticles(ctx, ids)
}

func (c *countingStore) EventsOfEntities(ctx context.Context, ids []string) ([][]*kg.Event, error) {
	c.count(ctx)
	return c.Store.EventsOfEntities(ctx, ids)
}

func (c *countingStore) QuotesOfEntities(ctx context.Context, ids []string) ([][]*kg.Quote, error) {
	c.count(ctx)
	return c.Store.QuotesOfEntities(ctx, ids)
}
