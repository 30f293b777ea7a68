package loader_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
)

const seed = "../../shared/articles/iraq-allies.txt"

func openStore(t *testing.T) kg.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func stats(t *testing.T, s kg.Store) kg.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLoadSeedTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	srcs := loader.Files([]string{seed})
	if len(srcs) != 1 {
		t.Fatalf("Files: %d sources", len(srcs))
	}
	l := loader.New(s)
	sum, err := l.Load(ctx, srcs, nil)
	if err != nil || sum.Articles != 1 || sum.Failed != 0 {
		t.Fatalf("first load: %+v, %v", sum, err)
	}
	first := stats(t, s)
	if first.Articles != 1 || first.Entities < 20 || first.Relations < 10 {
		t.Fatalf("seed article gave a thin graph: %+v", first)
	}
	if _, err := l.Load(ctx, srcs, nil); err != nil {
		t.Fatal(err)
	}
	if again := stats(t, s); again != first {
		t.Errorf("reload changed the store: %+v, then %+v", first, again)
	}
}

func TestBadFilesAreReportedAndTheRestLoads(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("b-good.json", []byte(`{"title":"Envoy meets minister","published":"2025-01-02",
		"body":"The interior minister, Karim al-Haddad, met with Ambassador Ruth Ellison in Baghdad on Monday."}`))
	bad := []string{
		write("a-empty.txt", nil),
		write("c-binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0}),
		write("d-latin1.txt", []byte("World\n\nTitle\n\nCaf\xe9 owner detained.")),
	}
	s := openStore(t)
	srcs := loader.Files([]string{dir})
	var seen []string
	sum, err := loader.New(s).Load(context.Background(), srcs, func(r loader.Result) {
		seen = append(seen, filepath.Base(r.Path))
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 1 || sum.Failed != len(bad) {
		t.Fatalf("summary %+v, want 1 article and %d failures", sum, len(bad))
	}
	if strings.Join(seen, ",") != "a-empty.txt,b-good.json,c-binary.txt,d-latin1.txt" {
		t.Errorf("progress order %v is not the input order", seen)
	}
	for i, r := range sum.Errors {
		if !strings.Contains(r.Err.Error(), filepath.Base(bad[i])) {
			t.Errorf("error %q does not name the file %s", r.Err, bad[i])
		}
	}
	alone := openStore(t)
	if _, err := loader.New(alone).Ingest(context.Background(), good, mustRead(t, good)); err != nil {
		t.Fatal(err)
	}
	if got, want := stats(t, s), stats(t, alone); got != want {
		t.Errorf("bad files left traces: %+v, want %+v", got, want)
	}
}

// TestOneSizeLimit loads an article between the old extraction limit (4
// MiB) and the article limit: within --max-article-bytes, no other limit
// turns it away.
func TestOneSizeLimit(t *testing.T) {
	para := "The minister met the ambassador in Baghdad on Tuesday to discuss security.\n\n"
	data := []byte("Talks in Baghdad\n\n" + strings.Repeat(para, (9<<19)/len(para)))
	if int64(len(data)) > article.MaxBytes {
		t.Fatalf("%d bytes is over the limit %d", len(data), article.MaxBytes)
	}
	if _, err := loader.New(openStore(t)).Ingest(context.Background(), "big.txt", data); err != nil {
		t.Errorf("a %d-byte article within the limit: %v", len(data), err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSamplesLoad(t *testing.T) {
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil || len(srcs) < 5 {
		t.Fatalf("samples: %d sources, %v", len(srcs), err)
	}
	s := openStore(t)
	sum, err := loader.New(s).Load(context.Background(), srcs, nil)
	if err != nil || sum.Failed != 0 || sum.Articles != len(srcs) {
		t.Fatalf("summary %+v, %v, errors %v", sum, err, sum.Errors)
	}
	if st := stats(t, s); st.Articles != len(srcs) || st.Relations == 0 {
		t.Errorf("stats after samples: %+v", st)
	}
}

func TestCanceledLoadStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	srcs := loader.Files([]string{seed})
	sum, err := loader.New(openStore(t)).Load(ctx, srcs, nil)
	if err == nil || sum.Stopped == nil || sum.NotLoaded != 1 {
		t.Errorf("a canceled load: %+v, %v; want it stopped with the article not loaded", sum, err)
	}
}

// TestInterruptedLoadReportsEveryArticle cancels when the first article
// lands: the summary and progress account for every source, those of the
// first committed batch as loaded and the rest as not loaded, and only the
// loaded ones are in the store. The writer commits what extraction has ready
// in one transaction, so how many share the first batch depends on timing:
// batches of at most two keep the rest to stop.
func TestInterruptedLoadReportsEveryArticle(t *testing.T) {
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openStore(t)
	var got []loader.Status
	l := loader.New(s)
	l.MaxBatch = 2
	sum, err := l.Load(ctx, srcs, func(r loader.Result) {
		got = append(got, r.Status)
		cancel()
	})
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want the cancellation", err)
	}
	loaded := 0
	for loaded < len(got) && got[loaded] == loader.Loaded {
		loaded++
	}
	if len(got) != len(srcs) || loaded == 0 || loaded > l.MaxBatch || sum.Articles != loaded || sum.NotLoaded != len(srcs)-loaded {
		t.Fatalf("statuses %v, summary %+v; want the first batch loaded and the other %d sources not loaded", got, sum, len(srcs))
	}
	for _, st := range got[loaded:] {
		if st != loader.NotLoaded {
			t.Fatalf("statuses %v", got)
		}
	}
	if st := stats(t, s); st.Articles != loaded {
		t.Errorf("store holds %d articles, want %d", st.Articles, loaded)
	}
}

// downStore fails every save after the first ok ones as unavailable, as the
// Neo4j store does once the database is gone.
type downStore struct {
	kg.Store
	ok, saves int
}

func (d *downStore) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	d.saves++
	if d.saves > d.ok {
		return kg.SaveResult{}, fmt.Errorf("neo4j: save: %w", kg.Errorf(kg.EUnavailable, "graph database unavailable"))
	}
	return d.Store.SaveExtraction(ctx, x)
}

// SaveExtractions fails whole, writing nothing, when the database goes away
// within the batch.
func (d *downStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	if len(xs) == 1 {
		r, err := d.SaveExtraction(ctx, xs[0])
		return []kg.SaveResult{r}, err
	}
	if d.saves+len(xs) > d.ok {
		return nil, fmt.Errorf("neo4j: save: %w", kg.Errorf(kg.EUnavailable, "graph database unavailable"))
	}
	d.saves += len(xs)
	return d.Store.SaveExtractions(ctx, xs)
}

func TestLoadStopsWhenTheStoreIsUnavailable(t *testing.T) {
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	d := &downStore{Store: openStore(t), ok: 2}
	var got []string
	sum, err := loader.New(d).Load(context.Background(), srcs, func(r loader.Result) {
		got = append(got, string(r.Status))
	})
	if kg.ErrorCode(err) != kg.EUnavailable || !strings.Contains(err.Error(), "unavailable") {
		t.Errorf("error %v, want the store's unavailability", err)
	}
	if d.saves != 3 {
		t.Errorf("%d saves tried; want the load to stop after the first that failed (3)", d.saves)
	}
	want := "loaded loaded failed" + strings.Repeat(" not_loaded", len(srcs)-3)
	if strings.Join(got, " ") != want || sum.Articles != 2 || sum.Failed != 1 || sum.NotLoaded != len(srcs)-3 {
		t.Errorf("statuses %v, summary %+v; want %s", got, sum, want)
	}
}

// TestLoadGoesOnPastBadPaths loads a folder holding articles, answer keys
// and a dangling link, plus a missing path: the articles load, the answer
// keys are skipped (not failures), the bad paths fail by name.
func TestLoadGoesOnPastBadPaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(dir, "seed.txt")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	srcs := loader.Files([]string{"../samples", dir, missing})
	sum, err := loader.New(openStore(t)).Load(context.Background(), srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := len(samples.Names())
	if sum.Articles != n+1 || sum.Skipped != n || sum.Failed != 2 {
		t.Errorf("summary %+v; want %d articles, %d answer keys skipped, 2 failures", sum, n+1, n)
	}
	for _, r := range sum.Errors {
		if !strings.Contains(r.Err.Error(), r.Path) {
			t.Errorf("error %q does not name %s", r.Err, r.Path)
		}
	}
}

func BenchmarkIngestSeed(b *testing.B) {
	data, err := os.ReadFile(seed)
	if err != nil {
		b.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l := loader.New(s)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Ingest(context.Background(), "seed.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// flakyStore fails every save of one article: the second of the first batch
// of several.
type flakyStore struct {
	kg.Store
	bad string
}

var errFlaky = errors.New("disk on fire")

func (f *flakyStore) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	if x.Article.ID == f.bad {
		return kg.SaveResult{}, errFlaky
	}
	return f.Store.SaveExtraction(ctx, x)
}

func (f *flakyStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	if f.bad == "" && len(xs) > 1 {
		f.bad = xs[1].Article.ID
	}
	for _, x := range xs {
		if x.Article.ID == f.bad {
			return nil, errFlaky
		}
	}
	return f.Store.SaveExtractions(ctx, xs)
}

// TestBadArticleInBatchCostsOnlyItself fails one article of a batch at
// save: the batch is saved again article by article, so every other article
// loads and only that one fails.
func TestBadArticleInBatchCostsOnlyItself(t *testing.T) {
	arts := gen.Articles(3, 40)
	srcs := make([]loader.Source, len(arts))
	for i, a := range arts {
		srcs[i] = loader.Bytes(a.Name, a.Data)
	}
	f := &flakyStore{Store: openStore(t)}
	sum, err := loader.New(f).Load(context.Background(), srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.bad == "" {
		t.Fatal("no batch held more than one article")
	}
	if sum.Failed != 1 || sum.Articles != len(arts)-1 || !errors.Is(sum.Errors[0].Err, errFlaky) || sum.Errors[0].Article != f.bad {
		t.Errorf("summary %+v; want only %s failed", sum, f.bad)
	}
	if st := stats(t, f); st.Articles != len(arts)-1 {
		t.Errorf("store holds %d articles, want %d", st.Articles, len(arts)-1)
	}
}

// blockedStore holds its first batch save until release is closed.
type blockedStore struct {
	kg.Store
	once             sync.Once
	blocked, release chan struct{}
}

func (b *blockedStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	b.once.Do(func() {
		close(b.blocked)
		<-b.release
	})
	return b.Store.SaveExtractions(ctx, xs)
}

// TestExtractionRunsAheadBoundedly: while the writer waits on the store,
// extraction reads a bounded number of articles ahead (a few batches),
// not the whole input into memory; the load then completes.
func TestExtractionRunsAheadBoundedly(t *testing.T) {
	const n = 400
	var reads atomic.Int64
	srcs := make([]loader.Source, n)
	for i := range srcs {
		src := loader.Bytes(fmt.Sprintf("a%03d.txt", i), []byte(fmt.Sprintf("Story %d\n\nMaria Quintana met Omar Mardin in Valdor on day %d.", i, i)))
		read := src.Read
		src.Read = func() (*kg.Article, error) {
			reads.Add(1)
			return read()
		}
		srcs[i] = src
	}
	s := &blockedStore{Store: openStore(t), blocked: make(chan struct{}), release: make(chan struct{})}
	l := loader.New(s)
	l.Workers, l.MaxBatch = 2, 2
	done := make(chan loader.Summary)
	go func() {
		sum, _ := l.Load(context.Background(), srcs, nil)
		done <- sum
	}()
	<-s.blocked
	// Reading stops at the bound (or, without one, at the end of the input).
	last, since := reads.Load(), time.Now()
	for deadline := time.Now().Add(20 * time.Second); time.Since(since) < 500*time.Millisecond && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		if r := reads.Load(); r != last {
			last, since = r, time.Now()
		}
	}
	// 4 batches of 2 and one per worker in extraction, beyond the
	// article or two the writer took before its first save.
	if last > 4*2+2+2 {
		t.Errorf("%d of %d articles read while the writer waited on its first save, want at most 12", last, n)
	}
	close(s.release)
	if sum := <-done; sum.Articles != n {
		t.Errorf("loaded %d articles, want %d: %+v", sum.Articles, n, sum)
	}
}
