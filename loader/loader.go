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
		p   *resolve.Prepared // x as resolution reads it, prepared by the worker
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
	// Extraction runs at most readAhead articles ahead of the writer:
	// enough to fill its windows, never the whole input held in memory
	// (it would be, as extraction outpaces a writer bound by the store).
	maxBatch := l.MaxBatch
	if maxBatch <= 0 {
		maxBatch = DefaultMaxBatch
	}
	slots := make(chan struct{}, readAhead*maxBatch+workers)
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
				var p *resolve.Prepared
				if err == nil {
					// Parsing the names and building the keys here
					// leaves the single writer less to do.
					p = resolve.Prepare(x)
				}
				results[i] <- job{x: x, p: p, err: err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range srcs {
			select {
			case slots <- struct{}{}:
			case <-run.Done():
				return
			}
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
	// in their place. mentioned is what a new article adds to later
	// articles' decisions (nil for a new version or a duplicate text,
	// which are not counted in).
	type pending struct {
		r         Result
		x         *kg.Extraction
		ds        []resolve.Decision
		mentioned *resolve.Mentioned
		// touches are the entities saving it writes or removes, and the
		// nodes they are, for the read cache to forget.
		touches []string
		// recorded says the overlay holds all it writes to entities.
		recorded bool
	}
	// Resolution reads through a cache that each commit updates.
	rc := newReadCache(l.Store)
	var batch []pending
	// ov answers resolution's reads as the store will once the batch is
	// saved; fresh is what the batch wrote since the decisions in linked
	// were taken.
	ov := newOverlay(rc)
	fresh := newFootprint()
	saves, limit := 0, 1
	// Extractions taken early (by index).
	ahead := map[int]job{}
	// Decisions taken ahead (by index), against the store as the batch
	// leaves it (ov): valid for the articles whose reads meet nothing the
	// batch wrote since (fresh).
	type decided struct {
		resolve.Linked
		old     []string // what the article's stored version mentions
		counted bool     // whether later articles count it in
	}
	linked := map[int]decided{}
	// span bounds a window: it doubles with every window decided whole and
	// falls back to one article when an article meets the batch, so that
	// while most names are new few decisions are taken only to be dropped.
	span := 1
	// linkAhead decides article i (x) and, in the same reads, the
	// articles after it that are already extracted and fit in the batch
	// (resolve.LinkAll), each as if the batch and the articles before it
	// were saved: a handful of reads for them all instead of a handful per
	// article.
	linkAhead := func(i int, p *resolve.Prepared) (decided, error) {
		clear(linked)
		fresh = newFootprint()
		ps, at := []*resolve.Prepared{p}, []int{i}
		for k := i + 1; k < len(srcs) && len(ps) < min(limit-saves, span); k++ {
			a, ok := ahead[k]
			if !ok {
				select {
				case a = <-results[k]:
					ahead[k], ok = a, true
				default:
				}
			}
			if !ok {
				break // not extracted yet: the articles after it wait for it
			}
			if a.x != nil {
				ps, at = append(ps, a.p), append(at, k)
			}
		}
		// What the store holds of them: the stored versions' entities,
		// and which texts it holds under some source.
		ids, hashes := make([]string, len(ps)), make([]string, len(ps))
		for n, p := range ps {
			ids[n], hashes[n] = p.X.Article.ID, kg.ContentHash(p.X.Article.Text)
		}
		olds, err := rc.EntitiesOfArticles(ctx, ids)
		if err != nil {
			return decided{}, err
		}
		held, err := l.Store.ArticlesWithText(ctx, hashes)
		if err != nil {
			return decided{}, err
		}
		// Only a new article, with a text new to the store and to the
		// batch, is counted in: a new version removes what the old one
		// mentioned, and a duplicate writes nothing.
		seen := map[string]bool{}
		var prior []resolve.Mentioned
		for _, p := range batch {
			if p.x != nil {
				seen[p.x.Article.ID], seen[kg.ContentHash(p.x.Article.Text)] = true, true
			}
			if p.mentioned != nil {
				prior = append(prior, *p.mentioned)
			}
		}
		adds := make([]bool, len(ps))
		for n := range ps {
			adds[n] = len(olds[n]) == 0 && held[n] == "" && !seen[ids[n]] && !seen[hashes[n]]
			seen[ids[n]], seen[hashes[n]] = true, true
		}
		ls, err := resolve.LinkAll(ctx, ov, ps, prior, adds)
		if err != nil {
			return decided{}, err
		}
		for n, k := range at {
			linked[k] = decided{Linked: ls[n], old: olds[n], counted: adds[n]}
		}
		return linked[i], nil
	}
	flush := func() {
		clear(linked)
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
		// load is being stopped. Each is decided again, against the
		// store as the articles before it left it.
		retry := err != nil && len(xs) > 1 && ctx.Err() == nil
		var down error // set once a retry finds the store unavailable
		var cands []kg.MergeCandidate
		var proposing []int // the articles (by place in batch) that propose some
		k := 0
		for n, p := range batch {
			if p.x != nil && sum.Stopped == nil {
				switch {
				case retry && down == nil:
					p.r.Save, _, p.r.Err = resolve.Save(ctx, l.Store, p.x)
					if kg.ErrorCode(p.r.Err) == kg.EUnavailable {
						// The store went away: the others are not tried
						// (the load stops at this one).
						down = p.r.Err
					}
				case retry:
					p.r.Err = down
				case err != nil:
					p.r.Err = err
				default:
					p.r.Save = res[k]
					if ps := resolve.Proposals(p.x, p.ds); len(ps) > 0 {
						cands, proposing = append(cands, ps...), append(proposing, n)
					}
				}
				k++
			}
			batch[n] = p
		}
		// The batch's merge candidates are recorded in one write, once
		// both ends of each exist.
		if len(cands) > 0 {
			err := l.Store.RecordMergeCandidates(ctx, cands)
			if err != nil {
				err = fmt.Errorf("resolve: merge candidates: %w", err)
				for _, n := range proposing {
					batch[n].r.Err = err
				}
			}
		}
		// What the commit wrote is read again; after a failure, or a node
		// folded into another (which moves every mention of it),
		// everything is.
		var ents, arts, merged []string
		fold := false
		for _, p := range batch {
			if p.x != nil {
				ents, arts = append(ents, p.touches...), append(arts, p.x.Article.ID)
				for _, j := range p.x.Joins {
					merged = append(merged, j.ID)
					fold = fold || folds(p.x, j)
				}
			}
		}
		if err != nil {
			rc.reset()
		} else {
			rc.forget(ents, arts, merged)
			var saved []resolve.Mentioned
			var skip []string // what the overlay did not record
			for _, p := range batch {
				if p.mentioned != nil && p.r.Err == nil {
					saved = append(saved, *p.mentioned)
				}
				if p.x != nil && !p.recorded {
					skip = append(skip, p.touches...)
				}
			}
			rc.know(saved)
			if fold {
				// An article known above may list the node folded away.
				rc.forget(nil, nil, merged)
			}
			if len(xs) > 0 && sum.Stopped == nil {
				// The nodes the overlay recorded are as it holds them.
				rc.keep(ov.nodes, ov.redirect, skip)
			}
		}
		for _, p := range batch {
			if p.x != nil && p.r.Err != nil {
				p.r.Err = fmt.Errorf("%s: save: %w", p.x.Article.Source, p.r.Err)
			}
			finish(p.r)
		}
		batch, fresh, saves = batch[:0], newFootprint(), 0
		ov.reset()
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
		<-slots // source i is out of extraction's way
		r.Err = j.err
		if j.x != nil {
			r.Article = j.x.Article.ID
		}
		if r.Err != nil {
			batch = append(batch, pending{r: r})
			continue
		}
		lk, ok := linked[i]
		var err error
		if !ok {
			span = min(2*span, maxBatch)
			lk, err = linkAhead(i, j.p)
		}
		if err == nil && readOf(lk.Linked).meets(fresh) {
			// It was decided before an article of the batch wrote what it
			// reads: decide it again, against the batch as it is now.
			span = 1
			lk, err = linkAhead(i, j.p)
		}
		if err != nil {
			flush()
			r.Err = fmt.Errorf("%s: save: %w", j.x.Article.Source, err)
			finish(r)
			continue
		}
		x, ds := j.x, lk.Decisions
		x.Joins = resolve.Joins(x, ds)
		p := pending{r: r, x: x, ds: ds, touches: touches(x, lk.old, lk.Linked)}
		w := writes(j.p, lk.old, lk.Linked, lk.counted)
		// An article that folds a node into another (w.all) is not counted
		// in, nor is a new version or a duplicate text: the overlay cannot
		// tell what they write, so the batch commits before the next
		// article is decided. So does one whose joins it cannot tell.
		known := lk.counted && !w.all
		if known {
			m := lk.Mentioned(x)
			p.mentioned = &m
			known = ov.record(j.p, lk.Linked)
			p.recorded = known
		}
		batch = append(batch, p)
		fresh.merge(w)
		saves++
		if saves >= limit || !known {
			flush()
		}
	}
	flush()
	sum.Elapsed = time.Since(start)
	return sum, sum.Stopped
}

// readAhead is how many largest batches extraction may run ahead of the
// writer.
const readAhead = 4

// flushAfter is how long a pending batch waits for the next extraction
// before it is committed anyway.
const flushAfter = 200 * time.Millisecond
