package kg

import (
	"encoding/base64"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	ks := ArticleByNewest.Keyset()
	for _, key := range []Key{
		{0.0, "2018-05-10", "article:a"},
		{1.0, "", "article:\"quoted\" \u00e9\U0001F600"},
	} {
		got, err := ks.After(ks.Cursor(key))
		if err != nil || ks.Compare(got, key) != 0 {
			t.Errorf("round trip of %v = %v, %v", key, got, err)
		}
	}
	rk := RelationByConfidence.Keyset()
	key := Key{0.1 + 0.2, "LEADS", "person:a", "org:b", "rel:x"}
	got, err := rk.After(rk.Cursor(key))
	if err != nil || got[0].(float64) != 0.1+0.2 {
		t.Errorf("float key round trip = %v, %v", got, err)
	}
	if after, err := ks.After(""); after != nil || err != nil {
		t.Errorf(`After("") = %v, %v; want the first page`, after, err)
	}
}

func TestCursorRefused(t *testing.T) {
	ks := ArticleByNewest.Keyset()
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	cases := map[string]string{
		"not base64":       "!!",
		"old offset":       enc("o:50"),
		"not JSON":         enc("{"),
		"trailing data":    enc(`{"v":1,"l":"articles/NEWEST","k":[0,"","a"]} {}`),
		"unknown field":    enc(`{"v":1,"l":"articles/NEWEST","k":[0,"","a"],"x":1}`),
		"other version":    enc(`{"v":2,"l":"articles/NEWEST","k":[0,"","a"]}`),
		"other order":      ArticleByTitle.Keyset().Cursor(Key{"T", "a"}),
		"other list":       EventByDate.Keyset().Cursor(Key{0.0, "2018", "a"}),
		"too few values":   enc(`{"v":1,"l":"articles/NEWEST","k":[0,"a"]}`),
		"wrong value type": enc(`{"v":1,"l":"articles/NEWEST","k":["0","","a"]}`),
		"null value":       enc(`{"v":1,"l":"articles/NEWEST","k":[0,null,"a"]}`),
		"too long":         strings.Repeat("A", maxCursorLen+1),
	}
	for name, c := range cases {
		_, err := ks.After(c)
		if ErrorCode(err) != EInvalid {
			t.Errorf("%s: error %v, want code %s", name, err, EInvalid)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "cursor") || strings.Contains(msg, c) {
			t.Errorf("%s: message %q should name the cursor without echoing it", name, msg)
		}
	}
	_, err := ks.After(ArticleByTitle.Keyset().Cursor(Key{"T", "a"}))
	if !strings.Contains(err.Error(), "articles/TITLE") {
		t.Errorf("foreign cursor message %q does not say which list it belongs to", err)
	}
}

// TestKeysetWindow pages through a sorted list while items are inserted
// before and after the cursor: no item is repeated and none of those
// there at the start is skipped.
func TestKeysetWindow(t *testing.T) {
	ks := ArticleByTitle.Keyset()
	r := rand.New(rand.NewPCG(1, 2))
	var items []*Article
	add := func(n int) {
		for range n {
			id := string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26)))
			items = append(items, &Article{ID: "article:" + id + string(rune('0'+len(items)%10)), Title: string(rune('A' + r.IntN(5)))})
		}
		slices.SortFunc(items, func(a, b *Article) int { return CompareArticles(ArticleByTitle, a, b) })
		items = slices.CompactFunc(items, func(a, b *Article) bool { return a.ID == b.ID })
	}
	add(40)
	start := map[string]bool{}
	for _, a := range items {
		start[a.ID] = true
	}
	seen := map[string]bool{}
	cursor := ""
	for {
		lo, hi, err := ks.Window(len(items), func(i int) Key { return ArticleByTitle.Key(items[i]) }, cursor, 7)
		if err != nil {
			t.Fatal(err)
		}
		if lo == hi {
			break
		}
		for _, a := range items[lo:hi] {
			if seen[a.ID] {
				t.Fatalf("%s read twice", a.ID)
			}
			seen[a.ID] = true
		}
		cursor = ks.Cursor(ArticleByTitle.Key(items[hi-1]))
		add(5)
	}
	for id := range start {
		if !seen[id] {
			t.Errorf("%s, there from the start, was skipped", id)
		}
	}
}

func TestKeysetWhere(t *testing.T) {
	var got []any
	bind := func(v any) string { got = append(got, v); return "?" }
	ks := ArticleByNewest.Keyset()
	w := ks.Where([]string{"p0", "p", "id"}, Key{0.0, "2018", "x"}, true, bind)
	want := "((p0) >= ? AND ((p0) > ? OR ((p) <= ? AND ((p) < ? OR (id) > ?))))"
	if w != want || len(got) != 5 {
		t.Errorf("mixed directions: %s with %v, want %s", w, got, want)
	}
	got = nil
	w = entitiesByName.Where([]string{"name", "id"}, Key{"A", "x"}, true, bind)
	if w != "(name, id) > (?, ?)" || !slices.Equal(got, []any{"A", "x"}) {
		t.Errorf("uniform directions: %s with %v", w, got)
	}
}

// FuzzCursor: no input makes After panic, and whatever it accepts
// encodes back to a cursor it reads as the same key.
func FuzzCursor(f *testing.F) {
	ks := RelationByLatest.Keyset()
	f.Add(ks.Cursor(Key{0.0, "2018-05", "LEADS", "a", "b", "rel:1"}))
	f.Add("")
	f.Add("eyJ2IjoxfQ")
	f.Fuzz(func(t *testing.T, c string) {
		key, err := ks.After(c)
		if err != nil || key == nil {
			return
		}
		again, err := ks.After(ks.Cursor(key))
		if err != nil || ks.Compare(again, key) != 0 {
			t.Fatalf("accepted %q as %v, but its re-encoding reads %v, %v", c, key, again, err)
		}
	})
}
