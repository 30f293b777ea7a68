package neo4jstore

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/storetest"
)

// loadWatch follows one load of BenchmarkLoad as it goes: at every tenth
// of the articles saved, that tenth's rate, Neo4j's and the loader's CPU
// per article, statements per article and the load average (the curve of
// a long load); and over the first and the last tenth (bands), each
// statement text's calls, time and, when NEO4J_BENCH_PROFILE=k, the db
// hits of one call in k sent with PROFILE (where the cost of an article
// goes as the graph grows).
type loadWatch struct {
	b     *testing.B
	probe *Store
	n     int
	every int // NEO4J_BENCH_PROFILE: profile one call in every

	mu        sync.Mutex
	saved     int   // articles saved so far
	calls     int   // statements sent so far
	lastSaved int   // saved at mark
	read0     int64 // storetest.SourcesRead at the start
	mark      tenthMark
	bands     [2]map[string]*stmtBand
}

// tenthMark is what was read at the start of a tenth.
type tenthMark struct {
	at          time.Time
	neo4j, load time.Duration
	stmts       int
	read        int64 // storetest.SourcesRead
}

// stmtBand is one statement text's figures over a band.
type stmtBand struct {
	calls, profiled int
	time            time.Duration
	hits            int64
}

// newLoadWatch starts watching a load of n articles: it installs the
// statement hooks for the benchmark's duration.
func newLoadWatch(b *testing.B, probe *Store, n int) *loadWatch {
	w := &loadWatch{b: b, probe: probe, n: n}
	w.every, _ = strconv.Atoi(os.Getenv("NEO4J_BENCH_PROFILE"))
	for i := range w.bands {
		w.bands[i] = map[string]*stmtBand{}
	}
	prev := testHookRun
	testHookRun = func(q string, d time.Duration) {
		if prev != nil {
			prev(q, d)
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		w.calls++
		if st := w.stmt(q); st != nil {
			st.calls++
			st.time += d
		}
	}
	seen := map[string]int{}
	if w.every > 0 {
		testHookProfile = func(q string) bool {
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.stmt(q) == nil {
				return false
			}
			seen[q]++
			return seen[q]%w.every == 1 || w.every == 1
		}
		testHookDbHits = func(q string, hits int64) {
			w.mu.Lock()
			defer w.mu.Unlock()
			if st := w.stmt(q); st != nil {
				st.profiled++
				st.hits += hits
			}
		}
	}
	b.Cleanup(func() { testHookRun, testHookProfile, testHookDbHits = prev, nil, nil })
	w.mark = tenthMark{at: time.Now(), neo4j: neo4jCPU(b, probe), load: storetest.ProcessCPU(), read: storetest.SourcesRead()}
	w.read0 = w.mark.read
	return w
}

// stmt is q's figures in the band the load is in, nil between bands.
// w.mu is held.
func (w *loadWatch) stmt(q string) *stmtBand {
	tenth := max(1, w.n/10)
	var m map[string]*stmtBand
	switch {
	case w.saved < tenth:
		m = w.bands[0]
	case w.saved >= w.n-tenth:
		m = w.bands[1]
	default:
		return nil
	}
	st := m[q]
	if st == nil {
		st = &stmtBand{}
		m[q] = st
	}
	return st
}

// add counts k articles saved, and logs a tenth when one ends.
func (w *loadWatch) add(k int) {
	w.mu.Lock()
	before := w.saved
	w.saved += k
	after := w.saved
	calls := w.calls
	w.mu.Unlock()
	tenth := max(1, w.n/10)
	if before/tenth == after/tenth {
		return
	}
	now := tenthMark{at: time.Now(), neo4j: neo4jCPU(w.b, w.probe), load: storetest.ProcessCPU(), stmts: calls,
		read: storetest.SourcesRead()}
	arts := float64(after - w.lastSaved)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / arts }
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	// The loader CPU of a tenth includes the extraction of the articles
	// read ahead in it (extraction does not wait for the writer).
	w.b.Logf("articles=%d: to %d: %.1f articles/s, Neo4j CPU %.2f ms/article, loader CPU %.2f ms/article, %.2f statements/article, "+
		"extraction %d articles ahead, Go heap %d MB, load average %s",
		w.n, after, arts/now.at.Sub(w.mark.at).Seconds(), ms(now.neo4j-w.mark.neo4j), ms(now.load-w.mark.load),
		float64(now.stmts-w.mark.stmts)/arts, now.read-w.read0-int64(after), mem.HeapInuse>>20, loadAverage())
	w.mark, w.lastSaved = now, after
}

// report logs each band's costliest statements: calls, time and (when
// profiled) db hits, per article of the band.
func (w *loadWatch) report(tb testing.TB) {
	w.mu.Lock()
	defer w.mu.Unlock()
	tenth := float64(max(1, w.n/10))
	for i, m := range w.bands {
		type row struct {
			q  string
			st *stmtBand
		}
		var rows []row
		var all stmtBand
		var allHits float64
		for q, st := range m {
			rows = append(rows, row{q, st})
			all.calls += st.calls
			all.time += st.time
			if st.profiled > 0 {
				allHits += float64(st.hits) / float64(st.profiled) * float64(st.calls)
			}
		}
		slices.SortFunc(rows, func(a, b row) int { return int(b.st.time - a.st.time) })
		name := [2]string{"first", "last"}[i]
		tb.Logf("articles=%d, %s tenth: %.2f statements/article, %.2f ms/article of statement time, %.0f db hits/article (sampled)",
			w.n, name, float64(all.calls)/tenth, float64(all.time.Microseconds())/1000/tenth, allHits/tenth)
		for _, r := range rows[:min(14, len(rows))] {
			hits := "-"
			if r.st.profiled > 0 {
				hits = strconv.FormatFloat(float64(r.st.hits)/float64(r.st.profiled)*float64(r.st.calls)/tenth, 'f', 0, 64)
			}
			tb.Logf("  %6.3f calls %7.2f ms %8s db hits /article  %s", float64(r.st.calls)/tenth,
				float64(r.st.time.Microseconds())/1000/tenth, hits, stmtName(r.q))
		}
	}
}

// stmtName is the first 100 characters of q on one line.
func stmtName(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 100 {
		q = q[:100]
	}
	return q
}

// loadAverage is the first figure of /proc/loadavg ("?" where there is none).
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

// watchedStore tells a loadWatch of every article saved.
type watchedStore struct {
	*Store
	w *loadWatch
}

// SaveExtractions saves and counts the articles.
func (s watchedStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	res, err := s.Store.SaveExtractions(ctx, xs)
	if err == nil {
		s.w.add(len(xs))
	}
	return res, err
}

// SaveExtraction saves and counts the article.
func (s watchedStore) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	res, err := s.Store.SaveExtraction(ctx, x)
	if err == nil {
		s.w.add(1)
	}
	return res, err
}
