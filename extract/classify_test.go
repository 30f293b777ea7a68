package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// TestClassifierRelations checks the hook of the learned classifier: a
// relation it adds ("a former steward of" is no rule's cue; the sentence is one the
// committed model relates, so a retrained model may need another) carries
// its sentence and a confidence below a rule's, under its own extractor name;
// Analyze keeps the rules' extraction apart; and Extract adds the
// classifier's relations exactly when the hook is on.
func TestClassifierRelations(t *testing.T) {
	text := "Ferries\n\nÁsta Pálsdóttir, a former steward of the Northern Fisheries Union, said the ferry was safe."
	a := &kg.Article{Title: "Ferries", Source: "test.txt", Text: text, ID: kg.ArticleID(text)}
	an, err := Analyze(a)
	if err != nil {
		t.Fatal(err)
	}
	m, err := relclass.Default()
	if err != nil {
		t.Fatal(err)
	}
	with := an.With(m)
	checkInvariants(t, a, with)
	found := 0
	for _, r := range with.Relations {
		for _, ev := range r.Evidence {
			if ev.Extractor != ClassifierName {
				continue
			}
			found++
			if ev.Confidence <= 0.5 || ev.Confidence >= 0.8 || ev.Text != "Ásta Pálsdóttir, a former steward of the Northern Fisheries Union, said the ferry was safe." {
				t.Errorf("%s: classifier evidence %+v, want the sentence with confidence in (0.5, 0.8)", r.ID, ev)
			}
		}
	}
	if found == 0 {
		t.Fatalf("no relation from the classifier in %+v", with.Relations)
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
		want = with
	}
	if len(x.Relations) != len(want.Relations) {
		t.Errorf("Extract gives %d relations, want %d (hook on: %v)", len(x.Relations), len(want.Relations), useClassifier)
	}
}
