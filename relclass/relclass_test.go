package relclass

import (
	"bytes"
	"slices"
	"testing"
)

// appos builds "Google's chief, John, ..." with Google as entity 0 and
// John as entity 1: John is an apposition of "chief", whose possessor is
// Google.
func appos() *Doc {
	ws := []Word{
		{Lemma: "google", UPOS: "PROPN", Deprel: "nmod:poss", Head: 2},
		{Lemma: "'s", UPOS: "PART", Deprel: "case", Head: 0},
		{Lemma: "chief", UPOS: "NOUN", Deprel: "nsubj", Head: 6},
		{Lemma: ",", UPOS: "PUNCT", Deprel: "punct", Head: 4},
		{Lemma: "john", UPOS: "PROPN", Deprel: "appos", Head: 2},
		{Lemma: ",", UPOS: "PUNCT", Deprel: "punct", Head: 4},
		{Lemma: "resign", UPOS: "VERB", Deprel: "root", Head: -1},
	}
	return &Doc{
		Types: []string{"Organization", "Person"},
		Sents: []Sentence{{Words: ws, Mentions: []Mention{
			{Ent: 0, Word: 0, From: 0, To: 1, Poss: true},
			{Ent: 1, Word: 4, From: 4, To: 5},
		}}},
		Ruled: map[[2]int][]string{},
		Allowed: func(t, s, o string) bool {
			return t != "HOLDS_ROLE" || s == "Person" && o != "Person"
		},
	}
}

func TestPath(t *testing.T) {
	d := appos()
	up, down, lca := path(d.Sents[0].Words, 0, 4)
	if lca != 2 || !slices.Equal(up, []int{0}) || !slices.Equal(down, []int{4}) {
		t.Errorf("path(google, john) = %v %v lca %d, want [0] [4] lca 2", up, down, lca)
	}
	if _, _, lca := path(d.Sents[0].Words, 0, 6); lca != 6 {
		t.Errorf("path(google, resign): lca %d, want 6", lca)
	}
}

func TestPairs(t *testing.T) {
	d := appos()
	d.Sents[0].Mentions = append(d.Sents[0].Mentions, Mention{Ent: 1, Word: 6, From: 6, To: 7, Pron: true})
	got := Pairs(d)
	want := []Pair{{0, 0, 1}, {0, 0, 2}} // mentions 1 and 2 are one entity
	if !slices.Equal(got, want) {
		t.Errorf("Pairs = %v, want %v", got, want)
	}
}

// train fits a model that learns HOLDS_ROLE from John to Google on the
// apposition, and NONE on another path.
func train(t *testing.T) *Model {
	t.Helper()
	d := appos()
	hr := ClassOf("HOLDS_ROLE", false) // the source, John, is mention B
	if hr <= 0 {
		t.Fatalf("ClassOf(HOLDS_ROLE, false) = %d", hr)
	}
	pos := Examples(d, func(Pair) []int { return []int{hr} })
	neg := appos()
	neg.Sents[0].Words[4].Deprel = "obj"
	neg.Sents[0].Words[4].Head = 6
	neg.Sents[0].Words[2].Lemma = "car"
	negs := Examples(neg, func(Pair) []int { return nil })
	negs[0].Bag = 2
	return Train(append(pos, negs...), TrainOptions{Epochs: 5, Seed: 1, Margin: 0.5, Types: []string{"HOLDS_ROLE"}})
}

func TestPredict(t *testing.T) {
	m := train(t)
	d := appos()
	got := m.Predict(d)
	if len(got) != 1 || got[0].Type != "HOLDS_ROLE" || got[0].Src != 1 || got[0].Dst != 0 || got[0].Sent != 0 {
		t.Fatalf("Predict = %+v, want HOLDS_ROLE from entity 1 to 0 in sentence 0", got)
	}
	if c := m.Confidence(got[0].Margin); c <= 0.5 || c >= 0.8 {
		t.Errorf("Confidence(%g) = %g, want in (0.5, 0.8)", got[0].Margin, c)
	}

	// What the rules found is not added again.
	d.Ruled[[2]int{1, 0}] = []string{"HOLDS_ROLE"}
	if got := m.Predict(d); len(got) != 0 {
		t.Errorf("with the rule's relation: Predict = %+v, want nothing", got)
	}
	// With NewPairs, a pair the rules related at all gets nothing.
	d.Ruled = map[[2]int][]string{{0, 1}: {"OWNS"}}
	if got := m.WithSettings(m.Margin, m.Types, true).Predict(d); len(got) != 0 {
		t.Errorf("NewPairs on a ruled pair: Predict = %+v, want nothing", got)
	}
	// A type the ontology forbids between the two is never chosen.
	d = appos()
	d.Types[1] = "Organization"
	if got := m.Predict(d); len(got) != 0 {
		t.Errorf("Organization HOLDS_ROLE: Predict = %+v, want nothing", got)
	}
	// A disabled type is not added, nor one under the margin.
	if got := m.WithSettings(m.Margin, []string{"LEADS"}, false).Predict(appos()); len(got) != 0 {
		t.Errorf("HOLDS_ROLE disabled: Predict = %+v, want nothing", got)
	}
	if got := m.WithSettings(1e6, m.Types, false).Predict(appos()); len(got) != 0 {
		t.Errorf("margin 1e6: Predict = %+v, want nothing", got)
	}
	// A pronoun end adds nothing; a description end does.
	d = appos()
	d.Sents[0].Mentions[1].Pron = true
	if got := m.Predict(d); len(got) != 0 {
		t.Errorf("John a pronoun: Predict = %+v, want nothing", got)
	}
	d.Sents[0].Mentions[1].Desc = true
	if got := m.Predict(d); len(got) != 1 {
		t.Errorf("John a description: Predict = %+v, want one relation", got)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := train(t)
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	r, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a model read back writes different bytes")
	}
	if r.Margin != m.Margin || !slices.Equal(r.Types, m.Types) || r.NewPairs != m.NewPairs {
		t.Errorf("settings read back %g %v %v, want %g %v %v", r.Margin, r.Types, r.NewPairs, m.Margin, m.Types, m.NewPairs)
	}
	if got := r.Predict(appos()); len(got) != 1 {
		t.Errorf("model read back: Predict = %+v, want one relation", got)
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), a.Bytes()[:a.Len()/2]} {
		if _, err := ReadModel(bytes.NewReader(bad)); err == nil {
			t.Errorf("ReadModel(%d bytes of junk) succeeded", len(bad))
		}
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.index) == 0 || len(m.Types) == 0 {
		t.Errorf("embedded model has %d features and types %v", len(m.index), m.Types)
	}
}

func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := appos()
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(d)
	}
}

// TestWordClasses checks that the class features read a word's cue class
// and not its lemma: "Google's chairman, John" shares them with "Google's
// chief, John" when both are leading roles, and not when the role's class
// differs.
func TestWordClasses(t *testing.T) {
	feats := func(lemma, cue string) []uint64 {
		d := appos()
		d.Sents[0].Words[2].Lemma, d.Sents[0].Words[2].Cue = lemma, cue
		return Features(d, Pair{0, 0, 1}, nil)
	}
	shared := func(a, b []uint64) int {
		n := 0
		for _, f := range a {
			if slices.Contains(b, f) {
				n++
			}
		}
		return n
	}
	chief, chairman, spokesman := feats("chief", "role:leads"), feats("chairman", "role:leads"), feats("spokesman", "role:works")
	if shared(chief, chairman) <= shared(chief, spokesman) {
		t.Errorf("chief shares %d features with chairman (same class) and %d with spokesman (another class), want more with chairman",
			shared(chief, chairman), shared(chief, spokesman))
	}
	if slices.Equal(chief, chairman) {
		t.Error("chief and chairman give the same features: the lemma features are lost")
	}
}
