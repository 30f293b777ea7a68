package eval

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The hand-written cross-article sets: one cast per folder. tuning may be
// read while building the resolver; blind is only scored.
var xdocDirs = []string{"xdoc/tuning", "xdoc/tuning2", "xdoc/tuning3", "xdoc/tuning4", "xdoc/tuning5", "xdoc/tuning6", "xdoc/tuning7", "xdoc/tuning8", "xdoc/tuning9", "xdoc/tuning10", "xdoc/blind", "xdoc/blind2", "xdoc/blind3"}

// TestXDocSets loads both hand-written sets (every file exists, every name
// occurs in its article, every type is an ontology type) and checks that
// each covers what the resolver must face: 6–8 articles, every article in
// the folder annotated, identities spelled differently across articles, and
// the confounders (a shared surname, a shared given name, two organization
// names sharing their first word).
func TestXDocSets(t *testing.T) {
	for _, dir := range xdocDirs {
		s, err := LoadClusters(dir)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		if n := len(s.Articles); n < 6 || n > 8 {
			t.Errorf("%s: %d articles, want 6 to 8", dir, n)
		}
		listed := map[string]bool{}
		for _, a := range s.Articles {
			listed[a.File] = true
		}
		txts, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range txts {
			if !listed[filepath.Base(p)] {
				t.Errorf("%s: %s is not in %s", dir, filepath.Base(p), ClustersFile)
			}
		}

		spellings := map[string]map[string]bool{} // cluster → names
		types := map[string]string{}
		for _, m := range s.Mentions() {
			if spellings[m.Cluster] == nil {
				spellings[m.Cluster] = map[string]bool{}
			}
			spellings[m.Cluster][m.Name] = true
			types[m.Cluster] = m.Type
		}
		varied := map[string]int{}
		for c, names := range spellings {
			if len(names) > 1 {
				varied[types[c]]++
			}
		}
		if varied["Person"] < 3 || varied["Organization"] < 3 {
			t.Errorf("%s: identities spelled more than one way: %v, want at least 3 people and 3 organizations", dir, varied)
		}
		if !confounded(spellings, types, "Person", lastWord) {
			t.Errorf("%s: no two people share a surname", dir)
		}
		if !confounded(spellings, types, "Person", firstWord) {
			t.Errorf("%s: no two people share a given name", dir)
		}
		if !confounded(spellings, types, "Organization", firstWord) {
			t.Errorf("%s: no two organizations share a first word", dir)
		}
	}
}

// confounded reports whether two clusters of type typ have names with the
// same key.
func confounded(spellings map[string]map[string]bool, types map[string]string, typ string, key func(string) string) bool {
	owner := map[string]string{}
	clusters := make([]string, 0, len(spellings))
	for c := range spellings {
		clusters = append(clusters, c)
	}
	sort.Strings(clusters)
	for _, c := range clusters {
		if types[c] != typ {
			continue
		}
		for n := range spellings[c] {
			k := key(n)
			if o, ok := owner[k]; ok && o != c {
				return true
			}
			owner[k] = c
		}
	}
	return false
}

// lastWord is a surname key: the last word without an Arabic article.
func lastWord(n string) string {
	f := strings.Fields(strings.ToLower(n))
	w := f[len(f)-1]
	for _, p := range []string{"al-", "el-"} {
		w = strings.TrimPrefix(w, p)
	}
	return w
}

func firstWord(n string) string { return strings.ToLower(strings.Fields(n)[0]) }

// TestParseClustersRejects checks that each kind of bad file is refused.
func TestParseClustersRejects(t *testing.T) {
	bad := map[string]string{
		"not JSON":       `{"articles": [`,
		"no articles":    `{"articles": []}`,
		"unknown field":  `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a", "clustr": "b"}]}]}`,
		"bad type":       `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Militia", "cluster": "a"}]}]}`,
		"lower type":     `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "person", "cluster": "a"}]}]}`,
		"no cluster":     `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": " "}]}]}`,
		"no name":        `{"articles": [{"file": "a.txt", "entities": [{"name": "", "type": "Person", "cluster": "a"}]}]}`,
		"path in file":   `{"articles": [{"file": "../a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}]}`,
		"file twice":     `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}, {"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}]}`,
		"no entities":    `{"articles": [{"file": "a.txt", "entities": []}]}`,
		"name twice":     `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}, {"name": "A", "type": "Person", "cluster": "b"}]}]}`,
		"cluster twice":  `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}, {"name": "B", "type": "Person", "cluster": "a"}]}]}`,
		"type changes":   `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}, {"file": "b.txt", "entities": [{"name": "A", "type": "Organization", "cluster": "a"}]}]}`,
		"entities array": `{"articles": [{"file": "a.txt", "entities": {"name": "A"}}]}`,
	}
	for name, doc := range bad {
		if _, err := ParseClusters([]byte(doc)); err == nil {
			t.Errorf("%s: accepted %s", name, doc)
		}
	}
	good := `{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}, {"file": "b.txt", "entities": [{"name": "Mr. A", "type": "Person", "cluster": "a"}]}]}`
	if _, err := ParseClusters([]byte(good)); err != nil {
		t.Errorf("refused a good file: %v", err)
	}
}

// TestLoadClustersChecksArticles checks the checks that need the articles.
func TestLoadClustersChecksArticles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "World\n\nA Title\n\nTRIPOLI — Qasem el-Ferjani’s men held the road.\n")
	cases := []struct {
		doc  string
		want string // substring of the error; "" means accepted
	}{
		{`{"articles": [{"file": "a.txt", "entities": [{"name": "Qasem el-Ferjani's", "type": "Person", "cluster": "f"}, {"name": "Tripoli", "type": "Location", "cluster": "t"}]}]}`, ""},
		{`{"articles": [{"file": "a.txt", "entities": [{"name": "Qassem al-Ferjani", "type": "Person", "cluster": "f"}]}]}`, "does not occur"},
		{`{"articles": [{"file": "b.txt", "entities": [{"name": "Tripoli", "type": "Location", "cluster": "t"}]}]}`, "b.txt"},
	}
	for _, c := range cases {
		write(ClustersFile, c.doc)
		_, err := LoadClusters(dir)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("refused %s: %v", c.doc, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one mentioning %q", c.doc, err, c.want)
		}
	}
	if _, err := LoadClusters(filepath.Join(dir, "missing")); err == nil {
		t.Error("a folder without clusters.json was accepted")
	}
}

// TestPairwise checks pairwise scoring on a small clustering by hand.
func TestPairwise(t *testing.T) {
	m := func(name, typ, cluster string) XDocMention {
		return XDocMention{XDocEntity: XDocEntity{Name: name, Type: typ, Cluster: cluster}}
	}
	mentions := []XDocMention{
		m("Qassem al-Ferjani", "Person", "q"),
		m("Kasim Ferjani", "Person", "q"),
		m("Qasem el-Ferjani", "Person", "q"),
		m("Salem al-Ferjani", "Person", "s"),
		m("Wadi Hira Organization", "Organization", "o"),
		m("Wadi Hira Trading Company", "Organization", "w"),
	}
	// Two of the three Qassems joined, Salem wrongly joined to them, and
	// the two Wadi Hira organizations wrongly merged.
	nodes := []string{"n1", "n1", "n2", "n1", "n3", "n3"}
	got, err := Pairwise(mentions, nodes)
	if err != nil {
		t.Fatal(err)
	}
	// Person: true pairs 3 (q-q), predicted 3 (n1 among 0,1,3), correct 1.
	p := got["Person"]
	if p.TruePairs != 3 || p.PredictedPairs != 3 || p.Correct != 1 || math.Abs(p.F1-1.0/3) > 1e-9 {
		t.Errorf("Person: %+v", p)
	}
	o := got["Organization"]
	if o.TruePairs != 0 || o.PredictedPairs != 1 || o.Correct != 0 || o.Precision != 0 {
		t.Errorf("Organization: %+v", o)
	}
	// A person merged with an organization costs both types.
	got, _ = Pairwise(mentions[3:5], []string{"x", "x"})
	if got["Person"].PredictedPairs != 1 || got["Organization"].PredictedPairs != 1 {
		t.Errorf("cross-type merge: %+v", got)
	}
	// Unresolved mentions ("") are never joined.
	got, _ = Pairwise(mentions[:2], []string{"", ""})
	if got["Person"].PredictedPairs != 0 || got["Person"].Recall != 0 {
		t.Errorf("empty nodes joined: %+v", got)
	}
	if _, err := Pairwise(mentions, nodes[:2]); err == nil {
		t.Error("mismatched lengths accepted")
	}
}
