package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// runConfig bounds one run of the mix.
type runConfig struct {
	URL         string // the GraphQL endpoint
	Seed        int64
	Concurrency int
	Duration    time.Duration
	MaxRequests int64 // 0: no bound but the duration
}

// sample is one finished request.
type sample struct {
	kind    int
	latency time.Duration
	end     time.Duration // when it finished, since the start of the run
	err     string        // "" when the request succeeded
}

// result is what a run measured.
type result struct {
	elapsed time.Duration
	samples []sample
}

// clientRand is the seeded source of one client: client c of a run with
// seed s always sends the same sequence of requests.
func clientRand(seed int64, client int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(client)+1))
}

// run sends the mix from cfg.Concurrency clients until the duration or the
// request count runs out, whichever is first, or ctx ends.
func run(ctx context.Context, hc *http.Client, t *targets, cfg runConfig) result {
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var sent atomic.Int64
	per := make([][]sample, cfg.Concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < cfg.Concurrency; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := clientRand(cfg.Seed, c)
			for ctx.Err() == nil {
				if cfg.MaxRequests > 0 && sent.Add(1) > cfg.MaxRequests {
					return
				}
				k := next(r)
				vars := mix[k].Vars(r, t)
				t0 := time.Now()
				err := do(ctx, hc, cfg.URL, mix[k].Text, vars)
				lat := time.Since(t0)
				if err != nil && ctx.Err() != nil {
					return // cut off by the end of the run, not a failure
				}
				s := sample{kind: k, latency: lat, end: time.Since(start)}
				if err != nil {
					s.err = err.Error()
				}
				per[c] = append(per[c], s)
			}
		}(c)
	}
	wg.Wait()
	// Rates are over the time until the last answer, not until the
	// cut-off requests gave up.
	var res result
	for _, p := range per {
		res.samples = append(res.samples, p...)
		for _, s := range p {
			res.elapsed = max(res.elapsed, s.end)
		}
	}
	return res
}

// gqlResponse is the part of a GraphQL response a run checks.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// do sends one GraphQL request; a transport error, a non-200 status or a
// response with errors is an error.
func do(ctx context.Context, hc *http.Client, url, q string, vars map[string]any) error {
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("new request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("post: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	return checkResponse(resp.StatusCode, data)
}

// checkResponse says what is wrong with a GraphQL response, nil if nothing.
func checkResponse(status int, data []byte) error {
	var gr gqlResponse
	if err := json.Unmarshal(data, &gr); err != nil {
		return fmt.Errorf("status %d: undecodable response: %w", status, err)
	}
	if len(gr.Errors) > 0 {
		code, _ := gr.Errors[0].Extensions["code"].(string)
		return fmt.Errorf("status %d: %s: %s", status, code, gr.Errors[0].Message)
	}
	if status != http.StatusOK {
		return fmt.Errorf("status %d", status)
	}
	if len(gr.Data) == 0 || string(gr.Data) == "null" {
		return fmt.Errorf("status %d: no data", status)
	}
	return nil
}

// row is one line of the report table.
type row struct {
	name          string
	n, errs       int
	rps           float64
	p50, p95, p99 time.Duration
}

// summarize makes one row per query of the mix, then the overall row.
func summarize(res result) []row {
	byKind := make([][]sample, len(mix))
	for _, s := range res.samples {
		byKind[s.kind] = append(byKind[s.kind], s)
	}
	var rows []row
	for k, q := range mix {
		rows = append(rows, makeRow(q.Name, byKind[k], res.elapsed))
	}
	return append(rows, makeRow("overall", res.samples, res.elapsed))
}

func makeRow(name string, ss []sample, elapsed time.Duration) row {
	r := row{name: name, n: len(ss)}
	lat := make([]time.Duration, 0, len(ss))
	for _, s := range ss {
		if s.err != "" {
			r.errs++
		}
		lat = append(lat, s.latency)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	r.p50, r.p95, r.p99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	if elapsed > 0 {
		r.rps = float64(len(ss)) / elapsed.Seconds()
	}
	return r
}

// percentile is the nearest-rank p-th percentile of sorted latencies, 0 for
// none.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 · n)
	if rank < 1 {
		rank = 1
	}
	return sorted[rank-1]
}

// printTable writes the rows as an aligned table.
func printTable(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "query\trequests\treq/s\tp50\tp95\tp99\terrors\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%s\t%s\t%s\t%d\t\n", r.name, r.n, r.rps, ms(r.p50), ms(r.p95), ms(r.p99), r.errs)
	}
	tw.Flush()
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// firstErrors returns up to n distinct error messages of a run, by kind.
func firstErrors(res result, n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range res.samples {
		if s.err == "" {
			continue
		}
		m := mix[s.kind].Name + ": " + s.err
		if !seen[m] && len(out) < n {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}
