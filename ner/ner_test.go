package ner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
)

const (
	unerDir = "../../shared/nlp/uner-english-ewt/"
	udDir   = "../../shared/nlp/ud-english-ewt/"
)

func TestReadIOB2(t *testing.T) {
	in := "# sent_id = a\n1\tMary\tB-PER\t-\n2\tlives\tO\t-\n3\tin\tO\n4\tNew\tB-LOC\n5\tYork\tI-LOC\n\n\n# sent_id = b\n1\tOK\tO\n"
	s, err := readIOB2(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || strings.Join(s[0].Words, " ") != "Mary lives in New York" || s[0].Tags[4] != "I-LOC" || len(s[1].Words) != 1 {
		t.Fatalf("got %+v", s)
	}
	for _, bad := range []string{"1\tMary\n", "1\tMary\tB-XYZ\n", "1\t\tO\n"} {
		if _, err := readIOB2(strings.NewReader(bad)); err == nil {
			t.Errorf("readIOB2(%q): no error", bad)
		}
	}
}

func TestGoldSpans(t *testing.T) {
	got := GoldSpans([]string{"B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER"})
	want := []Span{{0, 2, "PER", 0}, {3, 5, "LOC", 0}, {5, 6, "ORG", 0}, {6, 7, "ORG", 0}, {7, 8, "PER", 0}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// TestFind checks names that carry no cue word in news-like sentences.
func TestFind(t *testing.T) {
	cases := []struct {
		words string
		want  []string
	}{
		{"Angela Merkel met Emmanuel Macron in Paris on Tuesday .", []string{"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Paris"}},
		{"He flew from London to Nairobi on Monday .", []string{"LOC:London", "LOC:Nairobi"}},
	}
	for _, c := range cases {
		words := strings.Fields(c.words)
		var got []string
		for _, sp := range Find(words) {
			got = append(got, sp.Type+":"+strings.Join(words[sp.Start:sp.End], " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", c.words, got, c.want)
		}
	}
	if Find(nil) != nil {
		t.Error("Find(nil) found names")
	}
}

// TestEmbeddedModel checks that the committed model is what the training
// command makes from the corpora, and its exact-span scores on UNER test.
func TestEmbeddedModel(t *testing.T) {
	dev, err := ReadIOB2(unerDir + "en_ewt-ud-dev.iob2")
	if err != nil {
		t.Fatal(err)
	}
	test, err := ReadIOB2(unerDir + "en_ewt-ud-test.iob2")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := syntax.ReadCoNLLU(udDir + "en_ewt-ud-train.conllu")
	if err != nil {
		t.Fatal(err)
	}
	// The defaults of cmd/train.
	m := Train(dev, TrainOptions{Seed: 1, Epochs: 12, Treebank: tb, MinWeight: 0.05})
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Errorf("retrained model (%d bytes) differs from model/uner.model.gz (%d bytes): run go run ./ner/cmd/train", buf.Len(), len(embedded))
	}
	em, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := em.Evaluate(test, false)
	t.Logf("UNER EWT test, exact spans:\n%s", s)
	if f := s.All.F1(); f < 0.59 {
		t.Errorf("test F1 %.3f, want >= 0.59", f)
	}
	c := em.Evaluate(test, true)
	t.Logf("FindCased:\n%s", c)
	if f := c.All.F1(); f < 0.55 {
		t.Errorf("FindCased test F1 %.3f, want >= 0.55", f)
	}
}

func TestReadModelRejects(t *testing.T) {
	if _, err := ReadModel(strings.NewReader("not gzip")); err == nil {
		t.Error("ReadModel accepted garbage")
	}
	if _, err := ReadModel(bytes.NewReader(embedded[:len(embedded)/2])); err == nil {
		t.Error("ReadModel accepted a truncated model")
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("1\tMary\tB-PER\n2\tsaid\tO\n\n")
	f.Add("# c\n1\tx\tI-ORG\textra\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := readIOB2(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, g := range s {
			if len(g.Words) != len(g.Tags) || len(g.Words) == 0 {
				t.Fatalf("bad sentence %+v", g)
			}
			for _, sp := range GoldSpans(g.Tags) {
				if sp.Start < 0 || sp.End > len(g.Words) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

func FuzzFind(f *testing.F) {
	f.Add("Angela Merkel met Emmanuel Macron in Paris")
	f.Add("ÉTAT 3.5 -- al-Araji's U.S.-led")
	f.Fuzz(func(t *testing.T, in string) {
		words := strings.Fields(in)
		for _, sp := range Find(words) {
			if sp.Start < 0 || sp.End > len(words) || sp.Start >= sp.End {
				t.Fatalf("bad span %+v for %q", sp, words)
			}
		}
	})
}

// BenchmarkFind measures tagging speed (FindCased, as extraction uses it) on
// UNER test sentences.
func BenchmarkFind(b *testing.B) {
	test, err := ReadIOB2(unerDir + "en_ewt-ud-test.iob2")
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, s := range test {
		words += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range test {
			m.FindCased(s.Words)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestLowerCase(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"Opposition": true, "party": true, "The": true, "Hamas": false, "Obama": false, "Xyzzyq": false} {
		if got := m.LowerCase(w); got != want {
			t.Errorf("LowerCase(%q) = %v, want %v", w, got, want)
		}
	}
}
