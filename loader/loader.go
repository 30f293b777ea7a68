// Package loader runs the pipeline from article files to the store:
// read and normalize (package article), extract facts (package extract),
// and save the articles' facts, many articles per transaction (kg.Store).
package loader

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// Loader turns articles into facts in a store.
type Loader struct {
	Store kg.Store
	// Workers is how many articles are read and extracted at once; one
	// writer saves them in batches. Zero means GOMAXPROCS.
	Workers int
	// MaxBatch is how many articles one transaction saves at most. Zero
	// means DefaultMaxBatch.
	MaxBatch int
}

// New returns a Loader writing to s.
func New(s kg.Store) *Loader { return &Loader{Store: s} }

// Ingest parses, extracts and saves one article given as bytes; name gives
// its format by extension and is kept as the article's source.
func (l *Loader) Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error) {
	x, err := Extract(name, data)
	if err != nil {
		return kg.SaveResult{}, err
	}
	return l.save(ctx, x)
}

// Extract reads one article from bytes and extracts its facts; no store is
// touched.
func Extract(name string, data []byte) (*kg.Extraction, error) {
	a, err := article.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return extractArticle(a)
}

// ExtractFile reads one article file and extracts its facts.
func ExtractFile(path string) (*kg.Extraction, error) {
	a, err := article.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return extractArticle(a)
}

func extractArticle(a *kg.Article) (*kg.Extraction, error) {
	x, err := extract.Extract(a)
	if err != nil {
		return nil, fmt.Errorf("%s: extract: %w", a.Source, err)
	}
	return x, nil
}

// save links x's entities to the nodes they already are and writes it
// (resolve.Save). Saves are sequential, so no two articles resolve against
// each other's half-written state.
func (l *Loader) save(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	res, _, err := resolve.Save(ctx, l.Store, x)
	if err != nil {
		return res, fmt.Errorf("%s: save: %w", x.Article.Source, err)
	}
	return res, nil
}

// Status says what became of one source of a batch load.
type Status string

// The statuses of a source.
const (
	Loaded    Status = "loaded"     // its facts are in the store
	Failed    Status = "failed"     // it could not be read, extracted or saved
	Skipped   Status = "skipped"    // left out on purpose: not an article (article.ErrSkip)
	NotLoaded Status = "not_loaded" // never finished: the load stopped first
)

// Result is the outcome of one source of a batch load.
type Result struct {
	Path    string
	Status  Status
	Article string // the article id, once the file was read
	Save    kg.SaveResult
	Err     error // why it failed, was skipped or was not loaded
}

// Summary totals a batch load.
type Summary struct {
	Articles  int // articles saved
	Failed    int // sources that failed
	Skipped   int // sources that are not articles
	NotLoaded int // sources not tried because the load stopped
	Entities  int // entities written, summed over articles
	Relations int // relations written, summed over articles
	Elapsed   time.Duration
	Errors    []Result // the failed sources, in input order
	// Stopped says why the load ended before trying every source: the
	// context ended, or the store became unavailable. Nil otherwise.
	Stopped error
}

// Source is one input of a batch load: a name (path) and a way to read it
// as an article.
type Source struct {
	Name string
	Read func() (*kg.Article, error)
}

// Files expands paths (files and directories) into sources read from disk.
// A path that cannot be used (missing, unreadable, unsupported, a dangling
// link) becomes a source whose Read returns why, so it is reported in its
// place while the rest load.
func Files(paths []string) []Source {
	entries := article.Files(paths)
	out := make([]Source, len(entries))
	for i, e := range entries {
		if e.Err != nil {
			out[i] = Source{Name: e.Path, Read: func() (*kg.Article, error) { return nil, e.Err }}
			continue
		}
		out[i] = Source{Name: e.Path, Read: func() (*kg.Article, error) { return article.ReadFile(e.Path) }}
	}
	return out
}

// Bytes is a source read from memory: data parsed as the format its name
// says, as a file of that name would be (generated articles, benchmarks).
func Bytes(name string, data []byte) Source {
	return Source{Name: name, Read: func() (*kg.Article, error) { return article.Parse(name, data) }}
}

// FS lists every file of fsys under root as sources, in lexical order.
func FS(fsys fs.FS, root string) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out = append(out, Source{Name: p, Read: func() (*kg.Article, error) {
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil, err
			}
			return article.Parse(p, data)
		}})
		return nil
	})
	return out, err
}

// Load reads, extracts and saves every source. Extraction runs on Workers
// goroutines; one writer resolves the articles in input order and saves them
// in batches of up to MaxBatch in one transaction (kg.Store.SaveExtractions).
// An article joins the pending batch only if its resolution read nothing the
// batch writes (footprint); otherwise the batch commits first, so the graph
// is the one saving article by article gives, whatever the scheduling. A
// failed batch is saved again article by article, so one bad article costs
// only itself. A bad file is reported through progress and in the
// summary while the rest go on. The load stops early when ctx ends or when
// the store reports itself unavailable (kg.EUnavailable: the store already
// retried for its own bounded time), since every later save would wait as
// long and fail the same way; the sources not tried are then reported as
// NotLoaded, as are the articles of a batch that the stop cut short.
// progress, if not nil, is called once per source, in input order, as it
// finishes (its batch committed). The summary is always complete; the error is
// Summary.Stopped.
func (l *Loader) Load(ctx context.Context, srcs []Source, progress func(Result)) (Summary, error) {
	start := time.Now()
	workers := l.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		x   *kg.Extraction
		err error
	}
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	// One result channel per source keeps saves in input order while
	// extraction runs ahead on the workers.
	results := make([]chan job, len(srcs))
	for i := range results {
		results[i] = make(chan job, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, err := srcs[i].Read()
				if err != nil {
					results[i] <- job{err: err}
					continue
				}
				x, err := extractArticle(a)
				results[i] <- job{x: x, err: err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range srcs {
			select {
			case next <- i:
			case <-run.Done():
				return
			}
		}
	}()
	defer wg.Wait()

	var sum Summary
	report := func(r Result) {
		switch r.Status {
		case Loaded:
			sum.Articles++
			sum.Entities += r.Save.Entities
			sum.Relations += r.Save.Relations
		case Failed:
			sum.Failed++
			sum.Errors = append(sum.Errors, r)
		case Skipped:
			sum.Skipped++
		case NotLoaded:
			sum.NotLoaded++
		}
		if progress != nil {
			progress(r)
		}
	}
	// finish gives r, done with, its status and reports it.
	finish := func(r Result) {
		switch {
		case sum.Stopped != nil:
			r.Status, r.Err = NotLoaded, sum.Stopped
		case r.Err == nil:
			r.Status = Loaded
		case errors.Is(r.Err, article.ErrSkip):
			r.Status = Skipped
		case ctx.Err() != nil:
			// The save was cut short; it is atomic, so nothing of it landed.
			sum.Stopped = fmt.Errorf("load interrupted: %w", ctx.Err())
			cancel()
			r.Status, r.Err = NotLoaded, sum.Stopped
		case kg.ErrorCode(r.Err) == kg.EUnavailable:
			sum.Stopped = fmt.Errorf("load stopped, the store is unavailable: %w", r.Err)
			cancel()
			r.Status = Failed
		default:
			r.Status = Failed
		}
		report(r)
	}

	// The sources since the last commit, in input order: those with an
	// extraction wait in one transaction, the others only to be reported
	// in their place.
	type pending struct {
		r  Result
		x  *kg.Extraction
		ds []resolve.Decision
	}
	maxBatch := l.MaxBatch
	if maxBatch <= 0 {
		maxBatch = DefaultMaxBatch
	}
	var batch []pending
	written := newFootprint()
	saves, limit := 0, 1
	// Extractions taken early (by index), and what the committed store
	// says each article's stored version mentions (by article id): valid
	// until the next commit, which flush clears it at.
	ahead := map[int]job{}
	olds := map[string][]string{}
	// oldOf returns what the stored version of article i (id) mentions. One
	// read serves it and the articles after it that are already extracted,
	// up to a batch ahead, instead of a read per article.
	oldOf := func(i int, id string) ([]string, error) {
		if old, ok := olds[id]; ok {
			return old, nil
		}
		ids := []string{id}
		for k := i + 1; k < len(srcs) && k <= i+maxBatch; k++ {
			a, ok := ahead[k]
			if !ok {
				select {
				case a = <-results[k]:
					ahead[k] = a
				default:
					continue
				}
			}
			if a.x != nil && !slices.Contains(ids, a.x.Article.ID) {
				if _, ok := olds[a.x.Article.ID]; !ok {
					ids = append(ids, a.x.Article.ID)
				}
			}
		}
		res, err := l.Store.EntitiesOfArticles(ctx, ids)
		if err != nil {
			return nil, err
		}
		for n, id := range ids {
			olds[id] = res[n]
		}
		return olds[id], nil
	}
	flush := func() {
		clear(olds)
		xs := make([]*kg.Extraction, 0, saves)
		for _, p := range batch {
			if p.x != nil {
				xs = append(xs, p.x)
			}
		}
		var res []kg.SaveResult
		var err error
		if len(xs) > 0 && sum.Stopped == nil {
			res, err = l.Store.SaveExtractions(ctx, xs)
		}
		// A failed batch is saved again article by article, so one bad
		// article costs only itself; not when one was all it held or the
		// load is being stopped.
		retry := err != nil && len(xs) > 1 && ctx.Err() == nil
		k := 0
		for _, p := range batch {
			if p.x != nil && sum.Stopped == nil {
				switch {
				case retry:
					var r kg.SaveResult
					r, p.r.Err = l.Store.SaveExtraction(ctx, p.x)
					p.r.Save = r
				case err != nil:
					p.r.Err = err
				default:
					p.r.Save = res[k]
				}
				k++
				if p.r.Err == nil {
					p.r.Err = resolve.RecordCandidates(ctx, l.Store, p.x, p.ds)
				}
				if p.r.Err != nil {
					p.r.Err = fmt.Errorf("%s: save: %w", p.x.Article.Source, p.r.Err)
				}
			}
			finish(p.r)
		}
		batch, written, saves = batch[:0], newFootprint(), 0
		limit = min(2*limit, maxBatch)
	}

	for i := range srcs {
		r := Result{Path: srcs[i].Name}
		if sum.Stopped != nil {
			r.Status, r.Err = NotLoaded, sum.Stopped
			report(r)
			continue
		}
		j, got := ahead[i]
		delete(ahead, i)
		if !got {
			select {
			case j = <-results[i]:
				got = true
			case <-ctx.Done():
			case <-time.After(flushAfter):
			}
		}
		if !got {
			// Extraction is slow or the load is ending: commit what
			// waits, so that progress keeps coming.
			flush()
			if sum.Stopped == nil {
				select {
				case j = <-results[i]:
					got = true
				case <-ctx.Done():
					sum.Stopped = fmt.Errorf("load interrupted: %w", ctx.Err())
					cancel()
				}
			}
			if !got {
				r.Status, r.Err = NotLoaded, sum.Stopped
				report(r)
				continue
			}
		}
		r.Err = j.err
		if j.x != nil {
			r.Article = j.x.Article.ID
		}
		if r.Err != nil {
			batch = append(batch, pending{r: r})
			continue
		}
		x, ds, read, err := l.link(ctx, j.x)
		if err == nil && read.meets(written) {
			// It would be decided against what the batch writes: commit the
			// batch first and decide it again.
			flush()
			x, ds, _, err = l.link(ctx, j.x)
		}
		if err != nil {
			flush()
			r.Err = fmt.Errorf("%s: save: %w", j.x.Article.Source, err)
			finish(r)
			continue
		}
		old, err := oldOf(i, x.Article.ID)
		if err != nil {
			flush()
			r.Err = fmt.Errorf("%s: save: %w", x.Article.Source, err)
			finish(r)
			continue
		}
		batch = append(batch, pending{r: r, x: x, ds: ds})
		written.merge(writes(x, old))
		saves++
		if saves >= limit {
			flush()
		}
	}
	flush()
	sum.Elapsed = time.Since(start)
	return sum, sum.Stopped
}

// flushAfter is how long a pending batch waits for the next extraction
// before it is committed anyway.
const flushAfter = 200 * time.Millisecond

// link decides which existing nodes x's entities are (resolve.Link against
// the committed store) and sets x's joins; it returns what the decision
// read.
func (l *Loader) link(ctx context.Context, x *kg.Extraction) (*kg.Extraction, []resolve.Decision, *footprint, error) {
	read := newFootprint()
	calls := 0
	ds, err := resolve.Link(ctx, reads{Store: l.Store, f: read, calls: &calls}, x)
	if err != nil {
		return nil, nil, nil, err
	}
	x.Joins = resolve.Joins(x, ds)
	return x, ds, read, nil
}
