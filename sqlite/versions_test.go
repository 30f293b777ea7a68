package sqlite

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// An article saved before versions existed (no content hash) gets one when
// the store opens, so that its text loaded again under the new,
// source-derived id is recognized instead of counted twice.
func TestVersionsBackfilledOnOpen(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(bg, dir)
	if err != nil {
		t.Fatal(err)
	}
	const text = "Old story\n\nThe Valdorian Police detained Omar Mardin."
	if _, err := s.w.ExecContext(bg, `INSERT INTO articles (id, title, source, url, published, section, text)
		VALUES ('article:old', 'Old story', 'old.txt', '', '', '', ?)`, text); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(bg, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := s.ArticleVersions(bg, []string{"article:old"})
	if err != nil {
		t.Fatalf("ArticleVersions: %v", err)
	}
	if len(vs[0]) != 1 || vs[0][0].ContentHash != kg.ContentHash(text) || !vs[0][0].Current {
		t.Fatalf("versions of an old article after Open = %+v, want one, current, with its hash", vs[0])
	}
	x := &kg.Extraction{Article: kg.Article{ID: kg.ArticleID("/data/old.txt"), Title: "Old story", Source: "/data/old.txt", Text: text}}
	res, err := s.SaveExtraction(bg, x)
	if err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	if st, _ := s.Stats(bg); res.DuplicateOf != "article:old" || st.Articles != 1 {
		t.Errorf("loading the old text again = %+v (%d articles), want DuplicateOf article:old and one article", res, st.Articles)
	}
}
