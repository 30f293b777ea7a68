package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// testArticleVersions: an edited article (same source, one word changed)
// replaces its facts instead of adding evidence; the same text again
// changes nothing; the same text from another source is that article.
func testArticleVersions(t *testing.T, s kg.Store) {
	first, edited := fixtureAOn("Monday"), fixtureAOn("Sunday")
	if first.Article.ID != edited.Article.ID {
		t.Fatalf("fixture: the edited article has another id")
	}
	mustSave(t, s, first, fixtureB())
	st1 := mustStats(t, s)
	mustSave(t, s, edited)
	if st := mustStats(t, s); st != st1 {
		t.Errorf("Stats after loading the edited article = %+v, want %+v (nothing added)", st, st1)
	}
	met := relationByID(t, s, edited.Relations[1].ID)
	if met == nil || len(met.Evidence) != 1 || met.Evidence[0].Text != edited.Relations[1].Evidence[0].Text {
		t.Fatalf("MET_WITH after the edit = %+v, want only the edited sentence as evidence", met)
	}
	ev, err := s.Events(ctx, []string{edited.Events[0].ID})
	if err != nil || ev[0] == nil || ev[0].Evidence[0].Text != edited.Events[0].Evidence[0].Text {
		t.Errorf("meeting after the edit = %+v (%v), want the edited sentence", ev, err)
	}
	as, err := s.Articles(ctx, []string{first.Article.ID})
	if err != nil || as[0] == nil || as[0].Text != edited.Article.Text {
		t.Errorf("article text after the edit is not the new version (%v)", err)
	}

	versions := func(when string, want ...string) {
		t.Helper()
		vs, err := s.ArticleVersions(ctx, []string{first.Article.ID, "article:none"})
		if err != nil {
			t.Fatalf("ArticleVersions: %v", err)
		}
		if len(vs) != 2 || vs[1] != nil {
			t.Fatalf("%s: ArticleVersions not aligned with its ids: %+v", when, vs)
		}
		var got []string
		for i, v := range vs[0] {
			got = append(got, v.ContentHash)
			if v.Current != (i == 0) || v.LoadedAt.IsZero() || v.Title != first.Article.Title {
				t.Errorf("%s: version %d = %+v, want the newest current, with a time and title", when, i, v)
			}
		}
		if !sameStrings(got, want) {
			t.Errorf("%s: versions = %v, want %v (newest first)", when, got, want)
		}
	}
	h1, h2 := kg.ContentHash(first.Article.Text), kg.ContentHash(edited.Article.Text)
	versions("after the edit", h2, h1)

	before := snapshot(t, s)
	mustSave(t, s, fixtureAOn("Sunday"))
	versions("after loading the same text again", h2, h1)
	diffSnapshots(t, "loading the same text again", before, snapshot(t, s))

	// The same story under another URL is the article already held.
	dup := mirrored(fixtureAOn("Sunday"), "https://mirror.example/araji")
	res, err := s.SaveExtraction(ctx, dup)
	if err != nil {
		t.Fatalf("SaveExtraction(duplicate): %v", err)
	}
	if res.DuplicateOf != first.Article.ID || res.ArticleID != first.Article.ID {
		t.Errorf("SaveResult of a duplicate = %+v, want DuplicateOf %s", res, first.Article.ID)
	}
	diffSnapshots(t, "loading the same text from another source", before, snapshot(t, s))

	// Going back to the first text is a third version.
	mustSave(t, s, fixtureAOn("Monday"))
	versions("after reverting", h1, h2, h1)
	if st := mustStats(t, s); st != st1 {
		t.Errorf("Stats after reverting = %+v, want %+v", st, st1)
	}
}

// testArticlesWithText checks ArticlesWithText: the article whose current
// text has a hash, and "" for a text no article has now.
func testArticlesWithText(t *testing.T, s kg.Store) {
	a, c := fixtureA(), fixtureC()
	mustSave(t, s, a, c)
	got, err := s.ArticlesWithText(ctx, []string{kg.ContentHash(c.Article.Text), "no such hash", kg.ContentHash(a.Article.Text)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{c.Article.ID, "", a.Article.ID}; !slices.Equal(got, want) {
		t.Errorf("ArticlesWithText = %q, want %q", got, want)
	}
	// An edited version's old text is no longer held.
	mustSave(t, s, fixtureAOn("Sunday"))
	got, err = s.ArticlesWithText(ctx, []string{kg.ContentHash(a.Article.Text)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "" {
		t.Errorf("ArticlesWithText(replaced text) = %q, want \"\"", got)
	}
}
