package traverse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// builder assembles hand-made extractions: articles grow sentence by
// sentence, and every relation or event cites the sentence it comes from
// with correct rune offsets.
type builder struct {
	ents  map[string]kg.Entity // by id
	arts  map[string]*kg.Extraction
	order []string
	texts map[string]*strings.Builder
}

func newBuilder() *builder {
	return &builder{ents: map[string]kg.Entity{}, arts: map[string]*kg.Extraction{}, texts: map[string]*strings.Builder{}}
}

func (b *builder) entity(t kg.EntityType, subtype, name string) string {
	id := kg.EntityID(t, name)
	b.ents[id] = kg.Entity{ID: id, Type: t, Subtype: subtype, Name: name}
	return id
}

func (b *builder) article(h, published string) {
	b.arts[h] = &kg.Extraction{Article: kg.Article{Title: "Fixture " + h, Source: "fixture/" + h, Published: published}}
	b.texts[h] = &strings.Builder{}
	b.order = append(b.order, h)
}

// mention adds entity id to article h's entities once.
func (b *builder) mention(h, id string) {
	x := b.arts[h]
	for _, e := range x.Entities {
		if e.ID == id {
			return
		}
	}
	e, ok := b.ents[id]
	if !ok {
		panic("unknown entity " + id)
	}
	x.Entities = append(x.Entities, e)
}

// sentence appends text to article h and returns its evidence.
func (b *builder) sentence(h, text string, conf float64) kg.Evidence {
	sb := b.texts[h]
	if sb.Len() > 0 {
		sb.WriteString(" ")
	}
	start := utf8.RuneCountInString(sb.String())
	sb.WriteString(text)
	return kg.Evidence{Text: text, Start: start, End: start + utf8.RuneCountInString(text), Extractor: "fixture", Confidence: conf}
}

// rel adds a relation stated by one new sentence of article h.
func (b *builder) rel(h string, t kg.RelationType, src, tgt string, conf float64, text string) string {
	ev := b.sentence(h, text, conf)
	return b.relEv(h, t, src, tgt, ev, nil)
}

func (b *builder) relEv(h string, t kg.RelationType, src, tgt string, ev kg.Evidence, props map[string]string) string {
	if t.Symmetric() && tgt < src {
		src, tgt = tgt, src
	}
	b.mention(h, src)
	b.mention(h, tgt)
	id := kg.RelationID(t, src, tgt)
	if props == nil {
		props = map[string]string{}
	}
	b.arts[h].Relations = append(b.arts[h].Relations, kg.Relation{
		ID: id, Type: t, Source: src, Target: tgt, Properties: props,
		Confidence: ev.Confidence, Evidence: []kg.Evidence{ev},
	})
	return id
}

func (b *builder) event(h, id, typ, name, date string, ev kg.Evidence, parts ...kg.Participant) {
	for _, p := range parts {
		b.mention(h, p.EntityID)
	}
	b.arts[h].Events = append(b.arts[h].Events, kg.Event{
		ID: id, Type: typ, Name: name, Date: date, Participants: parts, Evidence: []kg.Evidence{ev},
	})
}

// build fixes the articles' texts and ids, and returns the extractions in
// order with a map from handle to article id.
func (b *builder) build() ([]*kg.Extraction, map[string]string) {
	ids := map[string]string{}
	var out []*kg.Extraction
	for _, h := range b.order {
		x := b.arts[h]
		x.Article.Text = b.texts[h].String()
		x.Article.ID = kg.ArticleID(x.Article.Text)
		ids[h] = x.Article.ID
		for i := range x.Relations {
			for j := range x.Relations[i].Evidence {
				x.Relations[i].Evidence[j].ArticleID = x.Article.ID
			}
		}
		for i := range x.Events {
			for j := range x.Events[i].Evidence {
				x.Events[i].Evidence[j].ArticleID = x.Article.ID
			}
		}
		out = append(out, x)
	}
	return out, ids
}

// The invented graph of the tests. Solid lines are relations, (sym) marks a
// symmetric one:
//
//	alice ─WORKS_FOR→ ministry-one ─PART_OF→ government ←LEADS─ bob ─MET_WITH(sym)─ carol ─MET_WITH(sym)─ dave ─SUPPORTS(0.3)→ erin
//	alice ─WORKS_FOR→ ministry-two ─PART_OF→ government          (a diamond alice → government)
//	alice ─ALLIED_WITH(sym, retracted)─ government               (hidden shortcut)
//	gina ─MEMBER_OF→ red-militia ─OPPOSES→ government;  bob ─LEADS→ northland;  frank is alone.
//
// Articles: a1 published 2018-05-10, a2 published 2019-03, a3 undated.
var (
	alice, bob, carol, dave, erin, frank, gina = kg.EntityID(kg.Person, "Alice Adams"), kg.EntityID(kg.Person, "Bob Brown"),
		kg.EntityID(kg.Person, "Carol Chen"), kg.EntityID(kg.Person, "Dave Diaz"), kg.EntityID(kg.Person, "Erin Egan"),
		kg.EntityID(kg.Person, "Frank Fox"), kg.EntityID(kg.Person, "Gina Gray")
	minOne, minTwo, gov, militia = kg.EntityID(kg.Organization, "Ministry One"), kg.EntityID(kg.Organization, "Ministry Two"),
		kg.EntityID(kg.Organization, "Northland Government"), kg.EntityID(kg.Organization, "Red Militia")
	northland = kg.EntityID(kg.Location, "Northland")
)

// fixture holds the ids the tests check against.
type fixture struct {
	articles map[string]string // handle → article id
	rels     map[string]string // short name → relation id
}

func smallGraph() ([]*kg.Extraction, fixture) {
	b := newBuilder()
	for _, p := range []string{"Alice Adams", "Bob Brown", "Carol Chen", "Dave Diaz", "Erin Egan", "Frank Fox", "Gina Gray"} {
		b.entity(kg.Person, "", p)
	}
	b.entity(kg.Organization, "ministry", "Ministry One")
	b.entity(kg.Organization, "ministry", "Ministry Two")
	b.entity(kg.Organization, "government", "Northland Government")
	b.entity(kg.Organization, "militia", "Red Militia")
	b.entity(kg.Location, "country", "Northland")
	rels := map[string]string{}

	b.article("a1", "2018-05-10")
	s := b.sentence("a1", "Alice Adams works for Ministry One, which is part of the Northland Government.", 0.9)
	rels["aliceMin1"] = b.relEv("a1", kg.WorksFor, alice, minOne, s, map[string]string{"title": "adviser"})
	rels["min1Gov"] = b.relEv("a1", kg.PartOf, minOne, gov, s, nil)
	rels["aliceMin2"] = b.rel("a1", kg.WorksFor, alice, minTwo, 0.8, "Alice Adams also advises Ministry Two.")
	rels["bobLand"] = b.rel("a1", kg.Leads, bob, northland, 0.9, "Bob Brown leads Northland.")
	s = b.sentence("a1", "Gina Gray joined the Red Militia, which opposes the Northland Government.", 0.85)
	rels["ginaMil"] = b.relEv("a1", kg.MemberOf, gina, militia, s, nil)
	s.Confidence = 0.7
	rels["milGov"] = b.relEv("a1", kg.Opposes, militia, gov, s, nil)
	ev := b.sentence("a1", "Alice Adams has a long record in Northland.", 0.9)
	// Event ids run against their dates so that sorting by id alone fails.
	b.event("a1", "event:1-appointment", "Appointment", "appointment", "2006-12-31", ev, kg.Participant{EntityID: alice, Role: "patient"})
	b.event("a1", "event:2-detention", "Detention", "detention", "2007", ev,
		kg.Participant{EntityID: alice, Role: "patient"}, kg.Participant{EntityID: bob, Role: "agent"})
	b.event("a1", "event:0-election", "Election", "election", "2007-01", ev, kg.Participant{EntityID: alice, Role: "agent"})
	b.event("a1", "event:5-meeting", "Meeting", "meeting", "2007-05", ev,
		kg.Participant{EntityID: alice, Role: "agent"}, kg.Participant{EntityID: northland, Role: "place"})
	b.event("a1", "event:3-attack", "Attack", "attack", "2007-05-12", ev,
		kg.Participant{EntityID: alice, Role: "witness"}, kg.Participant{EntityID: alice, Role: "patient"})
	b.event("a1", "event:4-statement", "Statement", "statement", "", ev, kg.Participant{EntityID: alice, Role: "agent"})

	b.article("a2", "2019-03")
	rels["min2Gov"] = b.rel("a2", kg.PartOf, minTwo, gov, 0.9, "Ministry Two is a division of the Northland Government.")
	rels["bobGov"] = b.rel("a2", kg.Leads, bob, gov, 0.95, "Bob Brown heads the Northland Government.")
	rels["bobCarol"] = b.rel("a2", kg.MetWith, bob, carol, 0.9, "Bob Brown met Carol Chen in the capital.")
	rels["aliceGov"] = b.rel("a2", kg.AlliedWith, alice, gov, 0.6, "Alice Adams is an ally of the Northland Government.")

	b.article("a3", "")
	rels["carolDave"] = b.rel("a3", kg.MetWith, carol, dave, 0.8, "Carol Chen met Dave Diaz.")
	rels["daveErin"] = b.rel("a3", kg.Supports, dave, erin, 0.3, "Dave Diaz reportedly funds Erin Egan.")
	b.sentence("a3", "Frank Fox was not involved.", 0.9)
	b.mention("a3", frank)

	xs, arts := b.build()
	return xs, fixture{articles: arts, rels: rels}
}

// loadSmall saves the small graph into s and retracts the alice–government
// alliance, as curation would.
func loadSmall(t testing.TB, s kg.Store) fixture {
	t.Helper()
	ctx := context.Background()
	xs, fx := smallGraph()
	for _, x := range xs {
		if _, err := s.SaveExtraction(ctx, x); err != nil {
			t.Fatalf("save %s: %v", x.Article.Source, err)
		}
	}
	if _, err := s.RetractRelation(ctx, fx.rels["aliceGov"], kg.Curation{Reason: "fixture: never said"}); err != nil {
		t.Fatalf("retract: %v", err)
	}
	return fx
}

// genGraph makes a random graph of n entities and m relations spread over
// articles of perArticle relations each, reproducibly from seed.
func genGraph(n, m, perArticle int, seed uint64) []*kg.Extraction {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := newBuilder()
	ids := make([]string, n)
	for i := range ids {
		t := kg.Person
		if i%3 == 0 {
			t = kg.Organization
		}
		ids[i] = b.entity(t, "", fmtEntity(i))
	}
	types := []kg.RelationType{kg.WorksFor, kg.MemberOf, kg.Leads, kg.Supports, kg.MetWith, kg.AlliedWith, kg.Opposes}
	seen := map[string]bool{}
	for made, art := 0, 0; made < m; art++ {
		h := fmt.Sprintf("g%d", art)
		b.article(h, fmt.Sprintf("20%02d-%02d", 10+art%10, 1+art%12))
		for k := 0; k < perArticle && made < m; {
			src, tgt := ids[r.IntN(n)], ids[r.IntN(n)]
			typ := types[r.IntN(len(types))]
			if src == tgt {
				continue
			}
			key := kg.RelationID(typ, src, tgt)
			if seen[key] {
				continue
			}
			seen[key] = true
			b.rel(h, typ, src, tgt, 0.5+r.Float64()/2, fmt.Sprintf("Sentence %d of article %d.", k, art))
			k++
			made++
		}
	}
	// Every entity is mentioned somewhere, even one no relation reached.
	for i, id := range ids {
		b.mention(b.order[i%len(b.order)], id)
	}
	xs, _ := b.build()
	return xs
}

func fmtEntity(i int) string { return fmt.Sprintf("Entity %05d", i) }
