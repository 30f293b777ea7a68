package storetest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// Invented articles about an invented country. Offsets are in runes; the
// texts hold non-ASCII letters so that byte and rune offsets differ.
const (
	textA = `Samir al-Araji, the interior minister of Valdoria, met with Lena Mardin in Port Avel on Monday. ` +
		`Araji leads the River Party. The River Party is allied with the Green Front. ` +
		`"We will build bridges," Araji said at the Café Élysée.`
	textB = `Lena Mardin, a member of the River Party, criticized Samir al-Araji. ` +
		`Mardin said the Valdorian Police detained her brother, Omar Mardin, in 2017. ` +
		`Samir Araji leads the River Party, which Mardin calls "a family business."`
	textC = `Samir al-Araji met with Omar Mardin in Port Avel. ` +
		`Omar Mardin, who joined the River Party Youth Wing, said: "I hold no grudge."`
)

// Entity ids of the fixtures.
var (
	idAraji    = kg.EntityID(kg.Person, "Samir al-Araji")
	idLena     = kg.EntityID(kg.Person, "Lena Mardin")
	idOmar     = kg.EntityID(kg.Person, "Omar Mardin")
	idValdoria = kg.EntityID(kg.Location, "Valdoria")
	idPortAvel = kg.EntityID(kg.Location, "Port Avel")
	idRiver    = kg.EntityID(kg.Organization, "River Party")
	idGreen    = kg.EntityID(kg.Organization, "Green Front")
	idPolice   = kg.EntityID(kg.Organization, "Valdorian Police")
	idYouth    = kg.EntityID(kg.Organization, "River Party Youth Wing")
)

const extractor = "test-rules"

// runeIndex returns the rune offset of sub in text; it panics when sub is
// missing so that a broken fixture fails loudly.
func runeIndex(text, sub string) int {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in fixture text", sub))
	}
	return utf8.RuneCountInString(text[:i])
}

// span returns the rune span of sub in text.
func span(text, sub string) kg.Span {
	s := runeIndex(text, sub)
	return kg.Span{Start: s, End: s + utf8.RuneCountInString(sub)}
}

// ev makes evidence for the sentence sent of the article.
func ev(a kg.Article, sent string, conf float64) kg.Evidence {
	sp := span(a.Text, sent)
	return kg.Evidence{ArticleID: a.ID, Text: sent, Start: sp.Start, End: sp.End, Extractor: extractor, Confidence: conf}
}

func ent(t kg.EntityType, sub, name string, text string, aliases ...string) kg.Entity {
	e := kg.Entity{ID: kg.EntityID(t, name), Type: t, Subtype: sub, Name: name, Aliases: aliases}
	for _, n := range append([]string{name}, aliases...) {
		if strings.Contains(text, n) {
			e.Mentions = append(e.Mentions, span(text, n))
		}
	}
	return e
}

func rel(t kg.RelationType, src, tgt string, props map[string]string, evs ...kg.Evidence) kg.Relation {
	r := kg.Relation{ID: kg.RelationID(t, src, tgt), Type: t, Source: src, Target: tgt, Properties: props, Evidence: evs}
	for _, e := range evs {
		r.Confidence = max(r.Confidence, e.Confidence)
	}
	return r
}

func article(title, published, text string) kg.Article {
	url := "https://news.example/" + kg.Slug(title)
	return kg.Article{
		ID:        kg.ArticleID(url),
		Title:     title,
		Source:    "fixtures/" + kg.Slug(title) + ".txt",
		URL:       url,
		Published: published,
		Section:   "International News",
		Text:      text,
	}
}

func quote(a kg.Article, speaker, text string) kg.Quote {
	sp := span(a.Text, text)
	return kg.Quote{ID: kg.QuoteID(a.ID, sp.Start), Speaker: speaker, Text: text, ArticleID: a.ID, Start: sp.Start, End: sp.End}
}

// fixtureA is the first article: Araji meets Lena Mardin; four relations,
// a meeting and a quote.
func fixtureA() *kg.Extraction { return fixtureAOn("Monday") }

// fixtureAOn is article A as first published (day "Monday") or edited,
// with one word changed: the same source, hence the same article id.
func fixtureAOn(day string) *kg.Extraction {
	textA := strings.Replace(textA, "Monday", day, 1)
	a := article("Araji meets Mardin", "2018-05-10", textA)
	s1 := `Samir al-Araji, the interior minister of Valdoria, met with Lena Mardin in Port Avel on ` + day + `.`
	s2 := `Araji leads the River Party.`
	s3 := `The River Party is allied with the Green Front.`
	return &kg.Extraction{
		Article: a,
		Entities: []kg.Entity{
			ent(kg.Person, "", "Samir al-Araji", textA, "Araji"),
			ent(kg.Person, "", "Lena Mardin", textA),
			ent(kg.Location, "country", "Valdoria", textA),
			ent(kg.Location, "city", "Port Avel", textA),
			ent(kg.Organization, "party", "River Party", textA),
			ent(kg.Organization, "party", "Green Front", textA),
		},
		Relations: []kg.Relation{
			rel(kg.HoldsRole, idAraji, idValdoria, map[string]string{"title": "interior minister", "status": "current"}, ev(a, s1, 0.9)),
			rel(kg.MetWith, idAraji, idLena, nil, ev(a, s1, 0.8)),
			rel(kg.Leads, idAraji, idRiver, nil, ev(a, s2, 0.85)),
			rel(kg.AlliedWith, idRiver, idGreen, nil, ev(a, s3, 0.7)),
		},
		Events: []kg.Event{{
			ID:   kg.EventID(a.ID, "Meeting", "Araji meets Mardin", runeIndex(textA, s1)),
			Type: "Meeting", Name: "Araji meets Mardin", Date: "2018-05-07", Place: idPortAvel,
			Participants: []kg.Participant{{EntityID: idAraji, Role: "agent"}, {EntityID: idLena, Role: "agent"}},
			Evidence:     []kg.Evidence{ev(a, s1, 0.8)},
		}},
		Quotes: []kg.Quote{quote(a, idAraji, "We will build bridges,")},
	}
}

// fixtureA2 is article A as a changed extractor sees it: the alliance and
// the Green Front are gone, the meeting has a lower confidence.
func fixtureA2() *kg.Extraction {
	x := fixtureA()
	x.Entities = x.Entities[:5]
	x.Relations = x.Relations[:3]
	x.Relations[1].Evidence[0].Confidence = 0.5
	x.Relations[1].Confidence = 0.5
	return x
}

// fixtureB shares Araji, Lena Mardin and the River Party with A.
func fixtureB() *kg.Extraction {
	a := article("Mardin criticizes Araji", "2018-06-02", textB)
	s1 := `Lena Mardin, a member of the River Party, criticized Samir al-Araji.`
	s2 := `Mardin said the Valdorian Police detained her brother, Omar Mardin, in 2017.`
	s3 := `Samir Araji leads the River Party, which Mardin calls "a family business."`
	return &kg.Extraction{
		Article: a,
		Entities: []kg.Entity{
			ent(kg.Person, "", "Samir al-Araji", textB, "Samir Araji"),
			ent(kg.Person, "", "Lena Mardin", textB, "Mardin"),
			ent(kg.Person, "", "Omar Mardin", textB),
			ent(kg.Organization, "party", "River Party", textB),
			ent(kg.Organization, "", "Valdorian Police", textB),
		},
		Relations: []kg.Relation{
			rel(kg.MemberOf, idLena, idRiver, nil, ev(a, s1, 0.75)),
			rel(kg.Opposes, idLena, idAraji, nil, ev(a, s1, 0.6)),
			rel(kg.Leads, idAraji, idRiver, map[string]string{"since": "2016"}, ev(a, s3, 0.95)),
			rel(kg.Detained, idPolice, idOmar, map[string]string{"date": "2017"}, ev(a, s2, 0.8)),
			// Given with its ends reversed: the symmetric relation is
			// still one edge.
			rel(kg.FamilyOf, idOmar, idLena, map[string]string{"relation": "sibling"}, ev(a, s2, 0.7)),
		},
		Events: []kg.Event{{
			ID:   kg.EventID(a.ID, "Detention", "Detention of Omar Mardin", runeIndex(textB, s2)),
			Type: "Detention", Name: "Detention of Omar Mardin", Date: "2017",
			Participants: []kg.Participant{{EntityID: idPolice, Role: "agent"}, {EntityID: idOmar, Role: "patient"}},
			Evidence:     []kg.Evidence{ev(a, s2, 0.8)},
		}},
	}
}

// fixtureC is undated and shares Araji and Omar Mardin.
func fixtureC() *kg.Extraction {
	a := article("Araji meets Omar Mardin", "", textC)
	s1 := `Samir al-Araji met with Omar Mardin in Port Avel.`
	s2 := `Omar Mardin, who joined the River Party Youth Wing, said: "I hold no grudge."`
	return &kg.Extraction{
		Article: a,
		Entities: []kg.Entity{
			ent(kg.Person, "", "Samir al-Araji", textC),
			ent(kg.Person, "", "Omar Mardin", textC),
			ent(kg.Location, "city", "Port Avel", textC),
			ent(kg.Organization, "", "River Party Youth Wing", textC),
		},
		Relations: []kg.Relation{
			rel(kg.MetWith, idOmar, idAraji, nil, ev(a, s1, 0.65)),
			rel(kg.MemberOf, idOmar, idYouth, nil, ev(a, s2, 0.55)),
		},
		Events: []kg.Event{{
			ID:   kg.EventID(a.ID, "Meeting", "Araji meets Omar Mardin", 0),
			Type: "Meeting", Name: "Araji meets Omar Mardin", Place: idPortAvel,
			Participants: []kg.Participant{{EntityID: idAraji, Role: "agent"}, {EntityID: idOmar, Role: "agent"}},
			Evidence:     []kg.Evidence{ev(a, s1, 0.65)},
		}},
		Quotes: []kg.Quote{quote(a, idOmar, "I hold no grudge.")},
	}
}

// crowd returns article i of a set that all mention Araji and Lena Mardin,
// plus one person of their own, for the concurrency test.
func crowd(i int) *kg.Extraction {
	name := fmt.Sprintf("Crowd Person %d", i)
	text := fmt.Sprintf("Samir al-Araji met with Lena Mardin. %s works for Samir al-Araji. Number %d.", name, i)
	a := article(fmt.Sprintf("Crowd %d", i), fmt.Sprintf("2019-01-%02d", i%28+1), text)
	s1 := `Samir al-Araji met with Lena Mardin.`
	s2 := name + ` works for Samir al-Araji.`
	other := kg.EntityID(kg.Person, name)
	return &kg.Extraction{
		Article: a,
		Entities: []kg.Entity{
			ent(kg.Person, "", "Samir al-Araji", text, fmt.Sprintf("Araji %d", i)),
			ent(kg.Person, "", "Lena Mardin", text),
			ent(kg.Person, "", name, text),
		},
		Relations: []kg.Relation{
			rel(kg.MetWith, idLena, idAraji, nil, ev(a, s1, 0.8)),
			rel(kg.WorksFor, other, idAraji, nil, ev(a, s2, 0.7)),
		},
	}
}

// mirrored is x as another source publishes it: the same text under url,
// its evidence pointing at the new article id, without events or quotes.
func mirrored(x *kg.Extraction, url string) *kg.Extraction {
	x.Article.URL = url
	x.Article.ID = kg.ArticleID(url)
	for i := range x.Relations {
		for j := range x.Relations[i].Evidence {
			x.Relations[i].Evidence[j].ArticleID = x.Article.ID
		}
	}
	x.Events, x.Quotes = nil, nil
	return x
}
