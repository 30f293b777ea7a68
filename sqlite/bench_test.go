package sqlite

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	blocking "github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/storetest"
)

// seedExtraction builds an extraction the size of the seed article's: the
// real text, the gold file's entities and relations, evidence sentences
// found in the text, plus a few events and quotes.
func seedExtraction(tb testing.TB) *kg.Extraction {
	tb.Helper()
	text, err := os.ReadFile("../../shared/articles/iraq-allies.txt")
	if err != nil {
		tb.Fatalf("seed article: %v", err)
	}
	raw, err := os.ReadFile("../../shared/eval/iraq-allies.gold.json")
	if err != nil {
		tb.Fatalf("gold: %v", err)
	}
	var gold struct {
		Entities map[string]struct {
			Type  kg.EntityType `json:"type"`
			Names []string      `json:"names"`
		} `json:"entities"`
		Relations []struct {
			Types  []kg.RelationType `json:"types"`
			Source json.RawMessage   `json:"source"`
			Target json.RawMessage   `json:"target"`
		} `json:"relations"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		tb.Fatalf("gold: %v", err)
	}
	t := string(text)
	a := kg.Article{ID: kg.ArticleID(t), Title: "U.S. Takes a Risk", Published: "2018-05-10", Text: t}
	sentences := strings.SplitAfter(t, ". ")
	// sentenceOf finds the first sentence naming s, as evidence.
	sentenceOf := func(names ...string) kg.Evidence {
		off := 0
		for _, sent := range sentences {
			n := utf8.RuneCountInString(sent)
			for _, name := range names {
				if strings.Contains(sent, name) {
					return kg.Evidence{ArticleID: a.ID, Text: sent, Start: off, End: off + n, Extractor: "bench", Confidence: 0.8}
				}
			}
			off += n
		}
		return kg.Evidence{ArticleID: a.ID, Text: sentences[0], Start: 0, End: utf8.RuneCountInString(sentences[0]), Extractor: "bench", Confidence: 0.5}
	}
	x := &kg.Extraction{Article: a}
	ids := map[string]string{}
	names := map[string][]string{}
	for key, e := range gold.Entities {
		if !e.Type.Valid() || len(e.Names) == 0 {
			continue
		}
		id := kg.EntityID(e.Type, e.Names[0])
		ids[key], names[key] = id, e.Names
		ent := kg.Entity{ID: id, Type: e.Type, Name: e.Names[0], Aliases: e.Names[1:]}
		if i := strings.Index(t, e.Names[0]); i >= 0 {
			s := utf8.RuneCountInString(t[:i])
			ent.Mentions = []kg.Span{{Start: s, End: s + utf8.RuneCountInString(e.Names[0])}}
		}
		x.Entities = append(x.Entities, ent)
	}
	first := func(m json.RawMessage) string {
		var one string
		if json.Unmarshal(m, &one) == nil {
			return one
		}
		var many []string
		json.Unmarshal(m, &many)
		if len(many) > 0 {
			return many[0]
		}
		return ""
	}
	seen := map[string]bool{}
	for _, r := range gold.Relations {
		src, tgt := ids[first(r.Source)], ids[first(r.Target)]
		if src == "" || tgt == "" || src == tgt || len(r.Types) == 0 || !r.Types[0].Valid() {
			continue
		}
		id := kg.RelationID(r.Types[0], src, tgt)
		if seen[id] {
			continue
		}
		seen[id] = true
		x.Relations = append(x.Relations, kg.Relation{ID: id, Type: r.Types[0], Source: src, Target: tgt,
			Properties: map[string]string{"cue": "bench"}, Confidence: 0.8,
			Evidence: []kg.Evidence{sentenceOf(names[first(r.Target)]...)}})
	}
	for i := 0; i < 5 && i < len(x.Entities)-1; i++ {
		e := x.Entities[i]
		ev := sentenceOf(e.Name)
		x.Events = append(x.Events, kg.Event{
			ID: kg.EventID(a.ID, "Meeting", e.Name, ev.Start), Type: "Meeting", Name: "meeting " + e.Name, Date: "2017",
			Participants: []kg.Participant{{EntityID: e.ID, Role: "agent"}, {EntityID: x.Entities[i+1].ID, Role: "agent"}},
			Evidence:     []kg.Evidence{ev},
		})
		if slices.ContainsFunc(x.Quotes, func(q kg.Quote) bool { return q.Start == ev.Start }) {
			continue
		}
		x.Quotes = append(x.Quotes, kg.Quote{ID: kg.QuoteID(a.ID, ev.Start), Speaker: e.ID, Text: ev.Text, ArticleID: a.ID, Start: ev.Start, End: ev.End})
	}
	return x
}

func TestSeedExtractionSaves(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	x := seedExtraction(t)
	if len(x.Entities) < 40 || len(x.Relations) < 30 {
		t.Fatalf("seed extraction too small: %d entities, %d relations", len(x.Entities), len(x.Relations))
	}
	res, err := s.SaveExtraction(bg, x)
	if err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	if res.Entities != len(x.Entities) || res.Relations != len(x.Relations) {
		t.Errorf("SaveResult = %+v, want %d entities %d relations", res, len(x.Entities), len(x.Relations))
	}
	p, err := s.FindEntities(bg, kg.EntityFilter{Query: "Arajy"})
	if err != nil || len(p.Hits) == 0 || p.Hits[0].Entity.Name != "Qassim al-Araji" {
		t.Errorf("search Arajy in the seed = %+v, %v; want Qassim al-Araji first", p, err)
	}
}

func BenchmarkSaveExtraction(b *testing.B) {
	x := seedExtraction(b)
	b.Run("reload", func(b *testing.B) {
		s := openTemp(b)
		defer s.Close()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.SaveExtraction(bg, x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("new-article", func(b *testing.B) {
		s := openTemp(b)
		defer s.Close()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			y := *x
			y.Article.ID = fmt.Sprintf("article:bench-%d", i)
			y.Relations = reArticle(x.Relations, y.Article.ID)
			y.Events, y.Quotes = nil, nil
			i++
			if _, err := s.SaveExtraction(bg, &y); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func reArticle(rs []kg.Relation, aid string) []kg.Relation {
	out := make([]kg.Relation, len(rs))
	for i, r := range rs {
		r.Evidence = append([]kg.Evidence(nil), r.Evidence...)
		for j := range r.Evidence {
			r.Evidence[j].ArticleID = aid
		}
		out[i] = r
	}
	return out
}

var (
	firstNames = strings.Fields(`Adil Basim Celal Dunya Emre Farah Ghazi Hala Idris Jalal Karim Layla Mahdi Nadia Omar
		Parisa Qasim Rana Samir Tariq Umar Vahid Walid Yasmin Zaid Amal Bilal Dalia Fadi Hadi Imad Jamil Kamal Lina Munir
		Nabil Ola Rami Salma Taha Wafa Yusuf Zainab Anwar Bashir Duha Faris Hamza Iman Jana`)
	lastNames = strings.Fields(`Araji Bakri Darwish Farouk Ghanem Haddad Issa Jaber Khalil Lahham Mansour Nasser Obeid
		Qaderi Rahal Saleh Tamimi Wahbi Yassin Zaher Abadi Bazzi Dabbagh Fakhoury Ghoussoub Hallak Jabbour Karam Maalouf
		Najjar Qassab Rizk Sabbagh Tannous Yazbek Zoghbi Ameri Badawi Dahdah Fares Hilal Jurdi Kassab Marouni Nahas Rahme
		Sarkis Touma Younes Zein`)
)

// bigStore fills a store with about n people in articles of 50, each
// article linking its people in a chain.
func bigStore(b *testing.B, n int) (*Store, []string) {
	b.Helper()
	s := openTemp(b)
	var ids []string
	per := 50
	for a := 0; a*per < n; a++ {
		text := fmt.Sprintf("Synthetic article %d.", a)
		aid := kg.ArticleID(text)
		x := &kg.Extraction{Article: kg.Article{ID: aid, Title: text, Text: text}}
		for i := 0; i < per; i++ {
			k := a*per + i
			name := fmt.Sprintf("%s %s %s", firstNames[k%len(firstNames)], lastNames[(k/len(firstNames))%len(lastNames)],
				lastNames[(k/len(firstNames)/len(lastNames)+k)%len(lastNames)])
			id := kg.EntityID(kg.Person, name)
			ids = append(ids, id)
			x.Entities = append(x.Entities, kg.Entity{ID: id, Type: kg.Person, Name: name, Aliases: []string{strings.Fields(name)[1]}})
			if i > 0 {
				prev := x.Entities[i-1].ID
				if prev == id {
					continue
				}
				x.Relations = append(x.Relations, kg.Relation{ID: kg.RelationID(kg.WorksFor, id, prev), Type: kg.WorksFor,
					Source: id, Target: prev, Evidence: []kg.Evidence{{ArticleID: aid, Text: text, End: 5, Extractor: "bench", Confidence: 0.7}}})
			}
		}
		if _, err := s.SaveExtraction(bg, x); err != nil {
			b.Fatal(err)
		}
	}
	return s, ids
}

func BenchmarkRelations100(b *testing.B) {
	s, ids := bigStore(b, 10000)
	defer s.Close()
	batch := make([]string, 100)
	for i := range batch {
		batch[i] = ids[i*97%len(ids)]
	}
	b.ReportAllocs()
	for b.Loop() {
		rs, err := s.Relations(bg, batch, kg.RelationFilter{})
		if err != nil || len(rs) != 100 {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindEntities(b *testing.B) {
	s, _ := bigStore(b, 10000)
	defer s.Close()
	st, _ := s.Stats(bg)
	b.Logf("entities: %d", st.Entities)
	for _, q := range []string{"Samir Araji", "Arajy", "Nadia"} {
		b.Run("search-"+q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.FindEntities(bg, kg.EntityFilter{Query: q, First: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("search-cold-index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.mu.Lock()
			s.names = nil
			s.mu.Unlock()
			if _, err := s.FindEntities(bg, kg.EntityFilter{Query: "Arajy", First: 20}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDeepPages reads one page of 50 at growing depths of the entity
// and relation lists: with keyset cursors the cost stays flat, where
// offsets grew with the depth.
func BenchmarkDeepPages(b *testing.B) {
	s, _ := bigStore(b, 10000)
	defer s.Close()
	// cursorAt walks pages of 500 to the item at depth and returns the
	// cursor there, as a client paging that deep would hold.
	cursorAt := func(read func(after string, first int) string, depth int) string {
		after := ""
		for ; depth > 0; depth -= 500 {
			after = read(after, min(depth, 500))
		}
		return after
	}
	entities := func(after string, first int) string {
		p, err := s.FindEntities(bg, kg.EntityFilter{First: first, After: after})
		if err != nil || len(p.Hits) == 0 {
			b.Fatalf("FindEntities: %d hits, %v", len(p.Hits), err)
		}
		return p.EndCursor
	}
	relations := func(after string, first int) string {
		p, err := s.ListRelations(bg, kg.RelationListFilter{First: first, After: after})
		if err != nil || len(p.Relations) == 0 {
			b.Fatalf("ListRelations: %d relations, %v", len(p.Relations), err)
		}
		return p.EndCursor
	}
	for _, l := range []struct {
		name string
		read func(after string, first int) string
	}{{"entities", entities}, {"relations", relations}} {
		for _, depth := range []int{0, 1000, 5000, 9000} {
			after := cursorAt(l.read, depth)
			b.Run(fmt.Sprintf("%s-at-%d", l.name, depth), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					l.read(after, 50)
				}
			})
		}
	}
}

// BenchmarkSearchAfterWrite measures the first search after a write: a
// curation edit of one entity, or a new seed-sized article, then a search.
func BenchmarkSearchAfterWrite(b *testing.B) {
	s, ids := bigStore(b, 10000)
	defer s.Close()
	if _, err := s.FindEntities(bg, kg.EntityFilter{Query: "Arajy", First: 20}); err != nil {
		b.Fatal(err)
	}
	b.Run("update-entity", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			name := fmt.Sprintf("Renamed Person %d", i)
			i++
			if _, err := s.UpdateEntity(bg, ids[i%len(ids)], kg.EntityUpdate{Name: &name}, kg.Curation{}); err != nil {
				b.Fatal(err)
			}
			p, err := s.FindEntities(bg, kg.EntityFilter{Query: name, First: 20})
			if err != nil || len(p.Hits) == 0 || p.Hits[0].Entity.Name != name {
				b.Fatalf("search %q = %+v, %v", name, p, err)
			}
		}
	})
	// The same edit made by another process: the search re-reads it
	// from the change log.
	other, err := Open(bg, filepath.Dir(s.Path()))
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	b.Run("update-entity-elsewhere", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			name := fmt.Sprintf("Renamed Elsewhere %d", i)
			i++
			if _, err := other.UpdateEntity(bg, ids[i%len(ids)], kg.EntityUpdate{Name: &name}, kg.Curation{}); err != nil {
				b.Fatal(err)
			}
			p, err := s.FindEntities(bg, kg.EntityFilter{Query: name, First: 20})
			if err != nil || len(p.Hits) == 0 || p.Hits[0].Entity.Name != name {
				b.Fatalf("search %q = %+v, %v", name, p, err)
			}
		}
	})
	x := seedExtraction(b)
	b.Run("save-article", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			y := *x
			y.Article.ID = fmt.Sprintf("article:after-write-%d", i)
			y.Relations = reArticle(x.Relations, y.Article.ID)
			y.Events, y.Quotes = nil, nil
			i++
			if _, err := s.SaveExtraction(bg, &y); err != nil {
				b.Fatal(err)
			}
			if _, err := s.FindEntities(bg, kg.EntityFilter{Query: "Arajy", First: 20}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkIndexCheck measures what every search pays to see the writes
// of other processes: one look at the change log's head when nothing
// changed.
func BenchmarkIndexCheck(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	if _, err := s.SaveExtraction(bg, small(1)); err != nil {
		b.Fatal(err)
	}
	if _, err := s.index(bg); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.index(bg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad loads generated articles into a fresh store
// (storetest.BenchLoad; sizes from BENCH_LOAD_SIZES).
func BenchmarkLoad(b *testing.B) {
	storetest.BenchLoad(b, func(b *testing.B) kg.Store { return openTemp(b) }, storetest.LoadSizes(b)...)
}

// BenchmarkEntitiesByKeys reads the blocking-index hits of one article's
// worth of keys (those of 10 people's names) from 10k entities, the read
// resolve.Link makes per article.
func BenchmarkEntitiesByKeys(b *testing.B) {
	s, _ := bigStore(b, 10000)
	defer s.Close()
	var keys []string
	for i := range 10 {
		name := fmt.Sprintf("%s %s", firstNames[(i*7)%len(firstNames)], lastNames[(i*3)%len(lastNames)])
		keys = append(keys, blocking.Keys(kg.Person, []string{name})...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	b.Logf("%d keys", len(keys))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.EntitiesByKeys(bg, keys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEntities reads 30 entities with their aliases from 10k, the
// read resolve.Link makes twice per article.
func BenchmarkEntities(b *testing.B) {
	s, ids := bigStore(b, 10000)
	defer s.Close()
	want := make([]string, 0, 30)
	for i := range 30 {
		want = append(want, ids[(i*331)%len(ids)])
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Entities(bg, want); err != nil {
			b.Fatal(err)
		}
	}
}
