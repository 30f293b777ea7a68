package sqlite

import (
	"cmp"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// fuzzNames are entity names with the folding cases that matter: accents,
// apostrophes, dots, dashes, non-Latin scripts and look-alike letters.
var fuzzNames = []struct {
	t       kg.EntityType
	name    string
	aliases []string
}{
	{kg.Person, "Qassim al-Araji", []string{"Araji", "Mr. Araji"}},
	{kg.Person, "Ömer Çelik", []string{"Celik"}},
	{kg.Person, "José Ñúñez-Ibáñez", nil},
	{kg.Person, "Seán O'Brien", []string{"O’Brien"}},
	{kg.Location, "United States", []string{"U.S.", "America", "Washington"}},
	{kg.Location, "İstanbul", []string{"Constantinople"}},
	{kg.Location, "Straße des 17. Juni", nil},
	{kg.Organization, "Popular Mobilization Forces", []string{"PMF", "Hashd al-Shaabi"}},
	{kg.Organization, "Ministry of the Interior", []string{"Interior Ministry"}},
	{kg.Organization, "Хезболла", []string{"Hezbollah", "Hizbollah"}},
	{kg.Organization, "ﬁnance ministry", []string{"Ｆｉｎａｎｃｅ"}},
	{kg.Person, "Kelvin Kelvin", nil},
}

func fuzzStore(tb testing.TB) *Store {
	s := openTemp(tb)
	text := "Fuzz article."
	x := &kg.Extraction{Article: kg.Article{ID: kg.ArticleID(text), Text: text}}
	for _, n := range fuzzNames {
		x.Entities = append(x.Entities, kg.Entity{ID: kg.EntityID(n.t, n.name) + "-" + kg.Slug(n.name+"x"), Type: n.t, Name: n.name, Aliases: n.aliases})
	}
	if _, err := s.SaveExtraction(bg, x); err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestMain bounds how long the fuzzer minimizes each input that finds new
// coverage to 2 s, unless -fuzzminimizetime is given. Minimizing is
// quadratic in the input's length, and with the default budget (60 s) a
// worker spent most of a run minimizing one input: a 20 s run fuzzed a
// handful of inputs.
func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		if err := flag.Set("test.fuzzminimizetime", "2s"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// FuzzSearchAgreesWithMatchScore checks that the candidate narrowing of
// search never loses a match: the store's hits equal a brute-force ranking
// of every entity with kg.MatchScore.
func FuzzSearchAgreesWithMatchScore(f *testing.F) {
	for _, q := range []string{"Araji", "arajy", "Omer", "celik", "nunez", "O'Brien", "obrien", "US", "u.s.",
		"istanbul", "strasse", "PMF", "mobilisation", "interior", "Hezbolah", "finance", "ＦＩＮＡＮＣＥ",
		"kelvin", "ministry of", "17", "a", "!!", "al araji's", "Хезбол"} {
		f.Add(q)
	}
	s := fuzzStore(f)
	defer s.Close()
	all, err := s.FindEntities(bg, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if strings.TrimSpace(q) == "" {
			return // that lists, it does not search
		}
		type hit struct {
			id, name string
			score    float64
		}
		var want []hit
		for _, h := range all.Hits {
			if sc := kg.MatchScore(q, h.Entity.Name, h.Entity.Aliases); sc > 0 {
				want = append(want, hit{h.Entity.ID, h.Entity.Name, sc})
			}
		}
		slices.SortFunc(want, func(a, b hit) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
		})
		p, err := s.FindEntities(bg, kg.EntityFilter{Query: q, First: kg.MaxPageSize})
		if err != nil {
			t.Fatalf("FindEntities(%q): %v", q, err)
		}
		var got []hit
		for _, h := range p.Hits {
			got = append(got, hit{h.Entity.ID, h.Entity.Name, h.Score})
		}
		if !slices.Equal(got, want) || p.Total != len(want) {
			t.Fatalf("FindEntities(%q) = %v (total %d), want %v", q, got, p.Total, want)
		}
	})
}

// FuzzSaveExtraction feeds extraction JSON (what `extract` prints and the
// loader reads) to the store: it must be rejected as invalid or conflicting,
// or saved such that saving it again changes nothing.
//
// The seeds are small extractions that between them use every part of the
// format. A whole article's extraction (39 KB) as a seed kept the workers
// minimizing it, one save per step, for the whole minimization budget, so
// almost nothing was fuzzed.
func FuzzSaveExtraction(f *testing.F) {
	full := small(2)
	p, o := full.Entities[0].ID, full.Entities[1].ID
	full.Events = []kg.Event{{ID: kg.EventID(full.Article.ID, kg.EventTypes[0], "talks", 0), Type: kg.EventTypes[0],
		Name: "talks", Date: "2020-01", Place: o, Participants: []kg.Participant{{EntityID: p, Role: "agent"}},
		Evidence: full.Relations[0].Evidence}}
	full.Quotes = []kg.Quote{{ID: kg.QuoteID(full.Article.ID, 0), Speaker: p, Text: "Nadia", ArticleID: full.Article.ID, Start: 0, End: 5}}
	for _, x := range []*kg.Extraction{small(1), full} {
		b, err := json.Marshal(x)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"article":{"id":"a"},"entities":[{"id":"x","type":"Person","name":"X"},{"id":"y","type":"Role","name":""}],` +
		`"relations":[{"id":"r","type":"MET_WITH","source":"y","target":"x","evidence":[{"start":-1,"end":99}]}],` +
		`"events":[{"id":"e","type":"War","participants":[{"entity":"x"}],"place":"y"}],"quotes":[{"id":"q","speaker":"x"}]}`))
	s := openTemp(f)
	defer s.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		var x kg.Extraction
		if json.Unmarshal(data, &x) != nil {
			return
		}
		// Article text is not in the JSON contract; give it one.
		x.Article.Text = "text of " + x.Article.ID
		_, err := s.SaveExtraction(bg, &x)
		if err != nil {
			if c := kg.ErrorCode(err); c != kg.EInvalid && c != kg.EConflict {
				t.Fatalf("SaveExtraction: %v (code %s)", err, c)
			}
			return
		}
		st1, err := s.Stats(bg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveExtraction(bg, &x); err != nil {
			t.Fatalf("second SaveExtraction: %v", err)
		}
		st2, err := s.Stats(bg)
		if err != nil {
			t.Fatal(err)
		}
		if st1 != st2 {
			t.Fatalf("saving again changed Stats: %+v -> %+v", st1, st2)
		}
		ids := make([]string, len(x.Entities))
		for i, e := range x.Entities {
			ids[i] = e.ID
		}
		es, err := s.Entities(bg, ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range es {
			if e == nil {
				t.Fatalf("saved entity %q not readable", ids[i])
			}
		}
	})
}

// indexSnapshot renders idx as comparable text: each entity's fields and
// each vocabulary word's entity ids.
func indexSnapshot(t *testing.T, idx *nameIndex) string {
	t.Helper()
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	var lines []string
	for id, i := range idx.pos {
		e := idx.entries[i]
		if e.id != id {
			t.Fatalf("pos[%s] points at entry %q", id, e.id)
		}
		lines = append(lines, strings.Join([]string{"E", e.id, e.name, e.typ, e.subtype,
			strings.Join(e.aliases, "|"), strings.Join(e.folded, "|")}, "\t"))
	}
	for w, k := range idx.vocab {
		if idx.words[k].word != w {
			t.Fatalf("vocab[%s] points at word %q", w, idx.words[k].word)
		}
		var ids []string
		for _, i := range idx.words[k].ents {
			ids = append(ids, idx.entries[i].id)
		}
		if !slices.IsSortedFunc(idx.words[k].ents, cmp.Compare) {
			t.Fatalf("word %q: entries not sorted", w)
		}
		slices.Sort(ids)
		lines = append(lines, "W\t"+w+"\t"+strings.Join(ids, " "))
	}
	if len(idx.vocab) != len(idx.words) {
		t.Fatalf("%d vocab words, %d in the list", len(idx.vocab), len(idx.words))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestIndexPatchMatchesRebuild checks that the search index patched after
// saves, reloads, merges and edits equals one built from scratch.
func TestIndexPatchMatchesRebuild(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ent := func(n int, aliases ...string) kg.Entity {
		f := fuzzNames[n%len(fuzzNames)]
		return kg.Entity{ID: kg.EntityID(f.t, f.name), Type: f.t, Name: f.name, Aliases: append(aliases, f.aliases...)}
	}
	article := func(text string, ents ...kg.Entity) *kg.Extraction {
		return &kg.Extraction{Article: kg.Article{ID: kg.ArticleID(text), Text: text}, Entities: ents}
	}
	check := func(step string) {
		t.Helper()
		if _, err := s.FindEntities(bg, kg.EntityFilter{Query: "araji"}); err != nil {
			t.Fatalf("%s: search: %v", step, err)
		}
		ents, err := readNameEntries(bg, s.r, nil)
		if err != nil {
			t.Fatal(err)
		}
		fresh := &nameIndex{pos: map[string]int32{}, vocab: map[string]int{}}
		for _, e := range ents {
			fresh.add(e)
		}
		s.mu.Lock()
		idx := s.names
		s.mu.Unlock()
		if got, want := indexSnapshot(t, idx), indexSnapshot(t, fresh); got != want {
			t.Fatalf("%s: patched index differs from a rebuild:\n got %s\nwant %s", step, got, want)
		}
	}
	a := article("First.", ent(0), ent(1), ent(2), ent(4))
	b := article("Second.", ent(0, "Abu Mahdi"), ent(3), ent(5))
	mustSave := func(x *kg.Extraction) {
		t.Helper()
		if _, err := s.SaveExtraction(bg, x); err != nil {
			t.Fatal(err)
		}
	}
	mustSave(a)
	check("first save")
	mustSave(b)
	check("second article")
	mustSave(article("First.", ent(0, "Hajji Araji"), ent(6)))
	check("reload with other entities")
	name := "Qasim Muhsin al-Araji"
	if _, err := s.UpdateEntity(bg, ent(0).ID, kg.EntityUpdate{Name: &name}, kg.Curation{}); err != nil {
		t.Fatal(err)
	}
	check("rename")
	if _, err := s.MergeEntities(bg, ent(6).ID, ent(5).ID, kg.Merge{}); err != nil {
		t.Fatal(err)
	}
	check("merge")
	mustSave(article("Second.", ent(7)))
	check("reload after merge")
	s.mu.Lock()
	s.names = nil
	s.mu.Unlock()
	check("rebuild")
}
