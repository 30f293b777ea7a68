package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// TestClassifierRelations checks the hook of the learned classifier: a
// relation it adds ("Y's longtime steward" is no rule's cue; the sentence is one the
// committed model relates, so a retrained model may need another) carries
// its sentence and a confidence below a rule's, under its own extractor name;
// Analyze keeps the rules' extraction apart; and Extract adds the
// classifier's relations exactly when the hook is on.
func TestClassifierRelations(t *testing.T) {
	text := "Ferries\n\nÁsta Pálsdóttir, the Northern Fisheries Union's longtime steward, said the ferry was safe."
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
			if ev.Confidence <= 0.5 || ev.Confidence >= 0.8 || ev.Text != "Ásta Pálsdóttir, the Northern Fisheries Union's longtime steward, said the ferry was safe." {
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
