package storetest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

// LoadSizes are the sizes BenchLoad runs: BENCH_LOAD_SIZES, a comma-separated
// list ("1000,10000"), or 1000; a malformed list fails tb rather than
// running sizes nobody asked for.
func LoadSizes(tb testing.TB) []int {
	v := os.Getenv("BENCH_LOAD_SIZES")
	if strings.TrimSpace(v) == "" {
		return []int{1000}
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			tb.Fatalf("BENCH_LOAD_SIZES=%q: %q is not a positive whole number", v, f)
		}
		out = append(out, n)
	}
	return out
}

// loadBatch is BENCH_LOAD_BATCH, the loader's MaxBatch (0, the default,
// when unset), for choosing the batch size.
func loadBatch() int {
	n, _ := strconv.Atoi(os.Getenv("BENCH_LOAD_BATCH"))
	return n
}

// sourcesRead counts the generated sources whose reading (the start of
// their extraction) began.
var sourcesRead atomic.Int64

// SourcesRead is how many of the generated articles of BenchLoad's loads
// the loader has begun to read and extract, so far and all loads
// together: beside the articles saved, it says how far extraction runs
// ahead of the one writer.
func SourcesRead() int64 { return sourcesRead.Load() }

// genSources are n generated articles (package gen, seed 1) as the loader
// reads them.
func genSources(n int) []loader.Source {
	arts := gen.Articles(1, n)
	srcs := make([]loader.Source, len(arts))
	for i, a := range arts {
		src := loader.Bytes(a.Name, a.Data)
		read := src.Read
		src.Read = func() (*kg.Article, error) {
			sourcesRead.Add(1)
			return read()
		}
		srcs[i] = src
	}
	return srcs
}

// BenchLoad loads n generated articles (package gen, seed 1) into a fresh
// store from open for each n of sizes, through the loader as `load` does,
// and reports articles/s overall and over the first and the last tenth of
// the articles: a last tenth as fast as the first shows the rate does not
// fall as the graph grows. Run it with -benchtime=1x.
func BenchLoad(b *testing.B, open func(b *testing.B) kg.Store, sizes ...int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			srcs := genSources(n)
			tenth := max(1, n/10)
			var total, first, last, cpu time.Duration
			runs, saves, reads := 0, 0, 0
			for b.Loop() {
				b.StopTimer()
				s := &countSaves{Store: open(b)}
				b.StartTimer()
				done := 0
				cpu0 := ProcessCPU()
				start := time.Now()
				mark := start
				// Each tenth's rate and CPU per article (-v): the curve
				// of a long load, not only its ends.
				tenthAt, tenthCPU := start, cpu0
				l := loader.New(s)
				l.MaxBatch = loadBatch()
				sum, err := l.Load(context.Background(), srcs, func(r loader.Result) {
					done++
					if done%tenth == 0 || done == n {
						now, c := time.Now(), ProcessCPU()
						k := done - (done-1)/tenth*tenth
						line := fmt.Sprintf("%s: articles %d: %.1f articles/s, %.2f cpu-ms/article over the last %d (%.0f s in)",
							b.Name(), done, float64(k)/now.Sub(tenthAt).Seconds(), (c-tenthCPU).Seconds()*1000/float64(k), k, now.Sub(start).Seconds())
						b.Log(line)
						if testing.Verbose() {
							// As it happens too: a long load's curve is
							// read while it runs (b.Log prints at the end).
							fmt.Fprintln(os.Stderr, line)
						}
						tenthAt, tenthCPU = now, c
					}
					switch done {
					case tenth:
						first += time.Since(mark)
					case n - tenth:
						mark = time.Now()
					case n:
						last += time.Since(mark)
					}
				})
				total += time.Since(start)
				cpu += ProcessCPU() - cpu0
				runs++
				saves += s.saves
				reads += s.reads
				if err != nil || sum.Failed > 0 {
					b.Fatalf("load: %v (%d failed: %v)", err, sum.Failed, sum.Errors)
				}
			}
			rate := func(k int, d time.Duration) float64 { return float64(k*runs) / d.Seconds() }
			b.ReportMetric(rate(n, total), "articles/s")
			b.ReportMetric(rate(tenth, first), "first10%-articles/s")
			b.ReportMetric(rate(tenth, last), "last10%-articles/s")
			b.ReportMetric(float64(n*runs)/float64(saves), "articles/tx")
			b.ReportMetric(float64(reads)/float64(n*runs), "reads/article")
			// CPU per article, on every core together: on a shared machine
			// the rate says how much of the machine the load got, this
			// what the load costs.
			b.ReportMetric(cpu.Seconds()*1000/float64(n*runs), "cpu-ms/article")
		})
	}
}

// countSaves counts the store's save transactions and the reads
// resolution makes.
type countSaves struct {
	kg.Store
	saves, reads int
}

// Entities counts one read and passes it on.
func (c *countSaves) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	c.reads++
	return c.Store.Entities(ctx, ids)
}

// CandidatesByKeys counts one read and passes it on.
func (c *countSaves) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	c.reads++
	return c.Store.CandidatesByKeys(ctx, keys)
}

// EntitiesByKeys counts one read and passes it on.
func (c *countSaves) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	c.reads++
	return c.Store.EntitiesByKeys(ctx, keys)
}

// ArticlesOfEntities counts one read and passes it on.
func (c *countSaves) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	c.reads++
	return c.Store.ArticlesOfEntities(ctx, ids)
}

// LatestArticlesOfEntities counts one read and passes it on.
func (c *countSaves) LatestArticlesOfEntities(ctx context.Context, ids []string, n int) ([][]string, error) {
	c.reads++
	return c.Store.LatestArticlesOfEntities(ctx, ids, n)
}

// EntitiesOfArticles counts one read and passes it on.
func (c *countSaves) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	c.reads++
	return c.Store.EntitiesOfArticles(ctx, ids)
}

// SaveExtractions counts one save transaction and passes the batch on.
func (c *countSaves) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	c.saves++
	return c.Store.SaveExtractions(ctx, xs)
}

// SaveExtraction counts one save transaction and passes the article on.
func (c *countSaves) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	c.saves++
	return c.Store.SaveExtraction(ctx, x)
}
