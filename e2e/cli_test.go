package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/kg"
)

// The extract contract of shared/eval/README.md, decoded strictly.
type (
	xSpan     struct{ Start, End *int }
	xEvidence struct {
		Text       *string
		Start, End *int
	}
	xEntity struct {
		ID, Type, Name *string
		Subtype        *string
		Aliases        []string
		Mentions       []xSpan
	}
	xRelation struct {
		Type, Source, Target *string
		Properties           map[string]string
		Confidence           *float64
		Evidence             []xEvidence
	}
	xExtraction struct {
		Article struct {
			ID, Title, Source *string
			Published         *string
		}
		Entities  []xEntity
		Relations []xRelation
		Events    []json.RawMessage
		Quotes    []json.RawMessage
	}
)

// checkKeys fails unless obj (a JSON object) has every key in keys.
func checkKeys(t *testing.T, what string, obj json.RawMessage, keys ...string) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(obj, &m); err != nil {
		t.Fatalf("%s is not a JSON object: %v: %s", what, err, obj)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s has no %q: %s", what, k, obj)
		}
	}
}

// checkShape checks the keys and list types of the contract on the raw output.
func checkShape(t *testing.T, out []byte) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatalf("extract output is not a JSON object: %v", err)
	}
	checkKeys(t, "output", out, "article", "entities", "relations", "events", "quotes")
	checkKeys(t, "article", top["article"], "id", "title", "source", "published")
	lists := map[string][]string{
		"entities":  {"id", "type", "subtype", "name", "aliases"},
		"relations": {"type", "source", "target", "properties", "confidence", "evidence"},
		"events":    {"id", "type", "name", "date", "participants", "evidence"},
		"quotes":    {"speaker", "text", "start", "end"},
	}
	for name, keys := range lists {
		var items []json.RawMessage
		// A list, never null: clients iterate without checks.
		if !bytes.HasPrefix(bytes.TrimSpace(top[name]), []byte("[")) || json.Unmarshal(top[name], &items) != nil {
			t.Errorf("%s is not a JSON list: %s", name, top[name])
			continue
		}
		for i, it := range items {
			checkKeys(t, fmt.Sprintf("%s[%d]", name, i), it, keys...)
		}
	}
}

func TestExtractSeedArticle(t *testing.T) {
	r := mustRun(t, "extract", seedArticle)
	out := []byte(r.stdout)
	if !json.Valid(out) {
		t.Fatalf("extract printed invalid JSON:\n%.2000s", out)
	}
	checkShape(t, out)
	var x xExtraction
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("decode extract output: %v", err)
	}
	if x.Article.ID == nil || !strings.HasPrefix(*x.Article.ID, "article:") || x.Article.Title == nil || *x.Article.Title == "" {
		t.Errorf("article id/title missing: %+v", x.Article)
	}
	if x.Article.Source == nil || *x.Article.Source != seedArticle {
		t.Errorf("article source = %v, want %q", x.Article.Source, seedArticle)
	}

	ids := map[string]bool{}
	var arajis []xEntity
	usCount := 0
	var us xEntity
	for i, e := range x.Entities {
		if e.ID == nil || e.Type == nil || e.Name == nil {
			t.Fatalf("entities[%d] lacks id, type or name", i)
		}
		if !slices.Contains(kg.EntityTypes, kg.EntityType(*e.Type)) {
			t.Errorf("entity %s: type %q is not in the ontology", *e.ID, *e.Type)
		}
		ids[*e.ID] = true
		for _, m := range e.Mentions {
			if m.Start == nil || m.End == nil || *m.Start >= *m.End {
				t.Errorf("entity %s: bad mention %+v", *e.ID, m)
			}
		}
		names := append([]string{*e.Name}, e.Aliases...)
		if *e.Type == string(kg.Person) && slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "Araji") }) {
			arajis = append(arajis, e)
		}
		if *e.ID == "location:united-states" {
			usCount++
			us = e
		}
	}
	if len(arajis) != 1 {
		t.Errorf("want one Person entity for Qassim al-Araji, got %d", len(arajis))
	} else {
		a := arajis[0]
		if *a.ID != "person:qassim-al-araji" || *a.Name != "Qassim al-Araji" {
			t.Errorf("Araji entity is %s %q, want person:qassim-al-araji \"Qassim al-Araji\"", *a.ID, *a.Name)
		}
		for _, al := range []string{"Araji", "Mr. Araji"} {
			if !slices.Contains(a.Aliases, al) {
				t.Errorf("Araji's aliases %q lack %q", a.Aliases, al)
			}
		}
	}
	if usCount != 1 {
		t.Errorf("want one entity location:united-states, got %d", usCount)
	} else {
		for _, al := range []string{"Americans", "U.S.", "Washington"} {
			if !slices.Contains(us.Aliases, al) {
				t.Errorf("United States' aliases %q lack %q", us.Aliases, al)
			}
		}
	}
	for i, rel := range x.Relations {
		if rel.Type == nil || rel.Source == nil || rel.Target == nil || rel.Confidence == nil {
			t.Fatalf("relations[%d] lacks type, source, target or confidence", i)
		}
		if !ids[*rel.Source] || !ids[*rel.Target] {
			t.Errorf("relation %s %s→%s names an entity not in the document", *rel.Type, *rel.Source, *rel.Target)
		}
	}

	// The DETAINED relation and its evidence, checked against the article's
	// normalized text read independently of the binary.
	a, err := article.ReadFile(seedArticle)
	if err != nil {
		t.Fatalf("article.ReadFile: %v", err)
	}
	text := []rune(a.Text)
	const prefix = "He was detained twice by the Americans"
	found := false
	for _, rel := range x.Relations {
		if *rel.Type != string(kg.Detained) || *rel.Source != "location:united-states" || *rel.Target != "person:qassim-al-araji" {
			continue
		}
		for _, ev := range rel.Evidence {
			if ev.Text == nil || ev.Start == nil || ev.End == nil || !strings.HasPrefix(*ev.Text, prefix) {
				continue
			}
			found = true
			s, e := *ev.Start, *ev.End
			if s < 0 || e > len(text) || s >= e {
				t.Fatalf("evidence offsets [%d,%d) outside the text (%d runes)", s, e, len(text))
			}
			if got := string(text[s:e]); got != *ev.Text {
				t.Errorf("text[%d:%d] = %q, want the evidence %q", s, e, got, *ev.Text)
			}
			if !strings.HasSuffix(*ev.Text, "killers of American troops.") {
				t.Errorf("evidence is not the whole sentence: %q", *ev.Text)
			}
		}
	}
	if !found {
		t.Errorf("no DETAINED relation location:united-states → person:qassim-al-araji with evidence starting %q", prefix)
	}
}

// summaryRE is the one line `load` prints.
var summaryRE = regexp.MustCompile(`^loaded (\d+) of (\d+) articles in [0-9.]+s; the store now holds (\d+) articles, (\d+) entities, (\d+) relations(?:; skipped (\d+) \(named above\))?\n$`)

func TestLoadTwice(t *testing.T) {
	dir := t.TempDir()
	var stats []kg.Stats
	for i := 0; i < 2; i++ {
		r := mustRun(t, "load", "--data", dir, seedArticle)
		m := summaryRE.FindStringSubmatch(r.stdout)
		if m == nil {
			t.Fatalf("load %d: stdout is not the one-line summary: %q", i+1, r.stdout)
		}
		st := statsOf(t, dir)
		if m[1] != "1" || m[2] != "1" || m[3] != "1" {
			t.Errorf("load %d: summary %q, want 1 of 1 articles and 1 in the store", i+1, strings.TrimSpace(r.stdout))
		}
		if m[4] != fmt.Sprint(st.Entities) || m[5] != fmt.Sprint(st.Relations) {
			t.Errorf("load %d: summary says %s entities, %s relations; store has %d, %d", i+1, m[4], m[5], st.Entities, st.Relations)
		}
		stats = append(stats, st)
	}
	if stats[0].Articles != 1 || stats[0].Entities == 0 {
		t.Errorf("after one load: %+v, want 1 article and some entities", stats[0])
	}
	if stats[0] != stats[1] {
		t.Errorf("a second load changed the store: %+v then %+v", stats[0], stats[1])
	}
}

func TestLoadBadInput(t *testing.T) {
	in := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// 50 MB of plain, valid text: only its size is wrong.
	line := []byte("The minister met the ambassador in Baghdad on Tuesday to discuss security.\n")
	huge := bytes.Repeat(line, 50<<20/len(line)+1)
	bad := []struct{ path, reason string }{
		{write("empty.txt", nil), "empty"},
		{write("binary.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 4096)...)), "binary"},
		{write("latin1.txt", []byte("Le minist\xe8re de l'Int\xe9rieur a d\xe9clar\xe9 mardi que la r\xe9union avait eu lieu.\n")), "UTF-8"},
		{write("huge.txt", huge), "too large"},
	}

	// The good file alone, for reference.
	alone := t.TempDir()
	mustRun(t, "load", "--data", alone, seedArticle)
	want := statsOf(t, alone)

	mixed := t.TempDir()
	args := []string{"load", "--data", mixed, bad[0].path, bad[1].path, seedArticle, bad[2].path, bad[3].path}
	r := run(t, args...)
	if r.code == 0 {
		t.Errorf("exit status 0 with 4 bad files; want non-zero\nstderr: %s", r.stderr)
	}
	checkBadMessages(t, r.stderr, bad)
	if m := summaryRE.FindStringSubmatch(r.stdout); m == nil || m[1] != "1" || m[2] != "5" {
		t.Errorf("summary %q, want \"loaded 1 of 5 articles …\"", r.stdout)
	}
	if got := statsOf(t, mixed); got != want {
		t.Errorf("store after the mixed load %+v, want that of the good file alone %+v", got, want)
	}

	// Each bad file alone writes nothing.
	for _, b := range bad {
		t.Run(filepath.Base(b.path), func(t *testing.T) {
			dir := t.TempDir()
			r := run(t, "load", "--data", dir, b.path)
			if r.code == 0 {
				t.Errorf("exit status 0; want non-zero\nstderr: %s", r.stderr)
			}
			checkBadMessages(t, r.stderr, bad[:0:0])
			if !strings.Contains(r.stderr, b.path) || !strings.Contains(r.stderr, b.reason) {
				t.Errorf("stderr does not name %s with %q: %s", b.path, b.reason, r.stderr)
			}
			if st := statsOf(t, dir); st != (kg.Stats{}) {
				t.Errorf("store holds %+v after a bad file alone; want nothing", st)
			}
		})
	}
}

// checkBadMessages requires, for each bad file, a stderr line naming it and
// its reason, and no sign of a crash.
func checkBadMessages(t *testing.T, stderr string, bad []struct{ path, reason string }) {
	t.Helper()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Fatalf("the binary crashed:\n%s", stderr)
	}
	lines := strings.Split(stderr, "\n")
	for _, b := range bad {
		ok := slices.ContainsFunc(lines, func(l string) bool {
			return strings.Contains(l, b.path) && strings.Contains(l, b.reason)
		})
		if !ok {
			t.Errorf("no stderr line names %s with %q:\n%s", b.path, b.reason, stderr)
		}
	}
}
