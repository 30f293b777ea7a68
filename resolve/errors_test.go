package resolve_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/sqlite"
)

// downAfter is a store that goes down after n calls that resolution makes.
type downAfter struct {
	kg.Store
	n int
}

var errDown = kg.Errorf(kg.EUnavailable, "graph database unavailable")

func (d *downAfter) down() error {
	if d.n <= 0 {
		return errDown
	}
	d.n--
	return nil
}

func (d *downAfter) ReindexKeys(ctx context.Context) (int, error) {
	if err := d.down(); err != nil {
		return 0, err
	}
	return d.Store.ReindexKeys(ctx)
}

func (d *downAfter) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.FindEntities(ctx, f)
}

func (d *downAfter) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.Entities(ctx, ids)
}

func (d *downAfter) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.EntitiesByKeys(ctx, keys)
}

func (d *downAfter) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	if err := d.down(); err != nil {
		return kg.KeyCandidates{}, err
	}
	return d.Store.CandidatesByKeys(ctx, keys)
}

func (d *downAfter) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.ArticlesOfEntities(ctx, ids)
}

func (d *downAfter) LatestArticlesOfEntities(ctx context.Context, ids []string, n int) ([][]string, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.LatestArticlesOfEntities(ctx, ids, n)
}

func (d *downAfter) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.EntitiesOfArticles(ctx, ids)
}

func (d *downAfter) MergeEntities(ctx context.Context, keep, drop string, m kg.Merge) (*kg.Entity, error) {
	if err := d.down(); err != nil {
		return nil, err
	}
	return d.Store.MergeEntities(ctx, keep, drop, m)
}

func (d *downAfter) RecordMergeCandidates(ctx context.Context, cs []kg.MergeCandidate) error {
	if err := d.down(); err != nil {
		return err
	}
	return d.Store.RecordMergeCandidates(ctx, cs)
}

func (d *downAfter) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	if err := d.down(); err != nil {
		return kg.SaveResult{}, err
	}
	return d.Store.SaveExtraction(ctx, x)
}

func person(title string, names ...string) *kg.Extraction {
	text := title + "."
	for _, n := range names {
		text += " " + n + " spoke."
	}
	url := "https://news.example/" + kg.Slug(title)
	x := &kg.Extraction{Article: kg.Article{ID: kg.ArticleID(url), Title: title, Source: kg.Slug(title) + ".txt",
		URL: url, Published: "2020-01-01", Text: text}}
	for _, n := range names {
		i := strings.Index(text, n)
		x.Entities = append(x.Entities, kg.Entity{ID: kg.EntityID(kg.Person, n), Type: kg.Person, Name: n,
			Mentions: []kg.Span{{Start: i, End: i + len(n)}}})
	}
	return x
}

// TestStoreDownSaysResolveOnce: wherever the store goes down, the error
// says "resolve:" once, then what was being done, and keeps the store's
// error (and its code).
func TestStoreDownSaysResolveOnce(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, x := range []*kg.Extraction{person("One", "Qassem Soleimani", "Nuri al-Maliki"),
		person("Two", "Qassem Soleimani", "Nuri al-Maliki")} {
		if _, _, err := resolve.Save(ctx, s, x); err != nil {
			t.Fatal(err)
		}
	}
	check := func(what string, err error) {
		t.Helper()
		msg := err.Error()
		if msg == errDown.Error() {
			return // the store's own save: not resolution's
		}
		// "resolve:" once, then what it was doing, then the store's error.
		if strings.Count(msg, "resolve:") != 1 || !strings.HasPrefix(msg, "resolve: ") ||
			strings.HasPrefix(msg, "resolve: "+errDown.Error()) {
			t.Errorf("%s: %q, want \"resolve:\" once and what failed", what, msg)
		}
		if kg.ErrorCode(err) != kg.EUnavailable {
			t.Errorf("%s: code %s, want %s", what, kg.ErrorCode(err), kg.EUnavailable)
		}
	}
	for n := 0; ; n++ {
		_, _, err := resolve.Save(ctx, &downAfter{s, n}, person("Three", "Qasim Sulaimani", "Nouri al-Maliki"))
		if err == nil {
			break
		}
		check("Save", err)
	}
	for n := 0; ; n++ {
		_, err := resolve.Existing(ctx, &downAfter{s, n}, nil)
		if err == nil {
			break
		}
		check("Existing", err)
	}
}
