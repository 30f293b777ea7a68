package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// TestClassifierRelations checks the hook of the learned classifier with
// a small model trained here, so that no retraining of the committed
// model changes what it asserts: taught that the person and the union of
// the sentence stand in a relation the rules did not find, the model adds
// it through With, from the person to the union, carrying its sentence,
// the model's confidence for its margin (below a rule's) and its own
// extractor name; a model whose margin nothing clears adds nothing;
// Analyze keeps the rules' extraction apart; and Extract adds the
// committed model's relations exactly when the hook is on.
func TestClassifierRelations(t *testing.T) {
	sent := "Ásta Pálsdóttir, the Northern Fisheries Union's longtime steward, said the ferry was safe."
	text := "Ferries\n\n" + sent
	a := &kg.Article{Title: "Ferries", Source: "test.txt", Text: text, ID: kg.ArticleID(text)}
	an, err := Analyze(a)
	if err != nil {
		t.Fatal(err)
	}
	v := an.View
	person, union := -1, -1
	for i, id := range an.IDs {
		switch id {
		case "person:asta-palsdottir":
			person = i
		case "organization:northern-fisheries-union":
			union = i
		}
	}
	if person < 0 || union < 0 {
		t.Fatalf("entities %v, want the person and the union", an.IDs)
	}
	// The first relation type the ontology allows from the person to the
	// union that the rules did not find.
	typ := ""
	for _, ty := range relclass.Types() {
		if v.Allowed(ty, v.Types[person], v.Types[union]) && !slices.Contains(v.Ruled[[2]int{person, union}], ty) {
			typ = ty
			break
		}
	}
	if typ == "" {
		t.Fatalf("no relation type left between %s and %s", v.Types[person], v.Types[union])
	}
	exs := relclass.Examples(v, func(p relclass.Pair) []int {
		s := v.Sents[p.Sent]
		switch [2]int{s.Mentions[p.A].Ent, s.Mentions[p.B].Ent} {
		case [2]int{person, union}:
			return []int{relclass.ClassOf(typ, true)}
		case [2]int{union, person}:
			return []int{relclass.ClassOf(typ, false)}
		}
		return nil
	})
	m := relclass.Train(exs, relclass.TrainOptions{Epochs: 5, Seed: 1, Margin: 0, Types: relclass.Types()})
	found := m.Predict(v)
	if len(found) == 0 {
		t.Fatalf("the stub model predicts nothing in %+v", v)
	}
	with := an.With(m)
	checkInvariants(t, a, with)
	added := 0
	for _, r := range with.Relations {
		for _, ev := range r.Evidence {
			if ev.Extractor != ClassifierName {
				continue
			}
			added++
			if string(r.Type) != typ || r.Source != an.IDs[person] || r.Target != an.IDs[union] {
				t.Errorf("the classifier adds %s %s -> %s, want %s %s -> %s", r.Type, r.Source, r.Target, typ, an.IDs[person], an.IDs[union])
			}
			if want := m.Confidence(found[0].Margin); ev.Confidence != want || ev.Confidence <= 0.5 || ev.Confidence >= 0.8 || ev.Text != sent {
				t.Errorf("%s: classifier evidence %+v, want the sentence with confidence %v in (0.5, 0.8)", r.ID, ev, want)
			}
		}
	}
	if added == 0 {
		t.Fatalf("no relation from the classifier in %+v", with.Relations)
	}
	if got := an.With(m.WithSettings(1e6, m.Types, false)); len(got.Relations) != len(an.Rules.Relations) {
		t.Errorf("margin 1e6: With has %d relations, Rules %d", len(got.Relations), len(an.Rules.Relations))
	}
	for _, r := range an.Rules.Relations {
		for _, ev := range r.Evidence {
			if ev.Extractor != Name {
				t.Errorf("Analyze: the rules' extraction has %s from %s", r.ID, ev.Extractor)
			}
		}
	}
	if got := an.With(nil); len(got.Relations) != len(an.Rules.Relations) {
		t.Errorf("With(nil) has %d relations, Rules %d", len(got.Relations), len(an.Rules.Relations))
	}
	x, err := Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	want := an.Rules
	if useClassifier {
		def, err := relclass.Default()
		if err != nil {
			t.Fatal(err)
		}
		want = an.With(def)
	}
	if len(x.Relations) != len(want.Relations) {
		t.Errorf("Extract gives %d relations, want %d (hook on: %v)", len(x.Relations), len(want.Relations), useClassifier)
	}
}

func TestCueClass(t *testing.T) {
	for lemma, want := range map[string]string{"chairman": "role:leads", "spokesman": "role:works", "daughter": "kin",
		"arrest": "v:DETAINED", "say": "say", "stake": "share", "party": "org", "the": "", "resign": ""} {
		if got := cueClass(lemma); got != want {
			t.Errorf("cueClass(%q) = %q, want %q", lemma, got, want)
		}
	}
}

// TestViewHasDescriptions checks that a definite description that
// coreference resolved ("the company") is a mention of the classifier's
// view, told from a pronoun, so that its pairs are candidates.
func TestViewHasDescriptions(t *testing.T) {
	text := "Ferries\n\nThe ferry operator, Vestferjur hf., cut training in 2022. The Icelandic Seamen's Federation, which represents the crew, said it had warned the company."
	a := &kg.Article{Title: "Ferries", Source: "test.txt", Text: text, ID: kg.ArticleID(text)}
	an, err := Analyze(a)
	if err != nil {
		t.Fatal(err)
	}
	s := an.View.Sents[len(an.View.Sents)-1]
	found := false
	for _, m := range s.Mentions {
		if m.Desc && s.Words[m.Word].Lemma == "company" {
			found = true
			if id := an.IDs[m.Ent]; id != "organization:vestferjur-hf" {
				t.Errorf("the company stands for %s, want organization:vestferjur-hf", id)
			}
		}
	}
	if !found {
		t.Errorf("no description mention for the company in %+v", s.Mentions)
	}
	for i := 1; i < len(s.Mentions); i++ {
		if s.Mentions[i].From < s.Mentions[i-1].From {
			t.Errorf("mentions out of word order: %+v", s.Mentions)
		}
	}
}
