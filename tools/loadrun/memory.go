package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// memSample is the server's memory at one moment of a run, read from its
// /metrics: the process's resident set, the Go heap in use and the number
// of goroutines.
type memSample struct {
	at         time.Duration // since the start of the run
	rss, heap  float64       // bytes
	goroutines float64
}

// memMetrics are the Prometheus series a sample reads.
var memMetrics = []string{"process_resident_memory_bytes", "go_memstats_heap_inuse_bytes", "go_goroutines"}

// readMemory reads one sample from a /metrics URL.
func readMemory(ctx context.Context, hc *http.Client, url string) (memSample, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return memSample{}, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return memSample{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return memSample{}, fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
	}
	return parseMemory(resp.Body)
}

// parseMemory reads the series of memMetrics from a Prometheus text page.
func parseMemory(r io.Reader) (memSample, error) {
	vals := map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		for _, m := range memMetrics {
			if name == m {
				v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil {
					return memSample{}, fmt.Errorf("metric %s: %w", m, err)
				}
				vals[m] = v
			}
		}
	}
	if err := sc.Err(); err != nil {
		return memSample{}, err
	}
	for _, m := range memMetrics {
		if _, ok := vals[m]; !ok {
			return memSample{}, fmt.Errorf("no %s in the metrics", m)
		}
	}
	return memSample{rss: vals[memMetrics[0]], heap: vals[memMetrics[1]], goroutines: vals[memMetrics[2]]}, nil
}

// sampleMemory reads a sample every interval until ctx ends and returns
// them; a failed read is skipped (the run reports its own errors).
func sampleMemory(ctx context.Context, hc *http.Client, url string, every time.Duration) []memSample {
	var out []memSample
	start := time.Now()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if s, err := readMemory(ctx, hc, url); err == nil {
			s.at = time.Since(start)
			out = append(out, s)
		}
		select {
		case <-ctx.Done():
			return out
		case <-tick.C:
		}
	}
}

// printMemory prints every minute's sample (and the last), then the first,
// middle and last sample and the largest, in MB.
func printMemory(w io.Writer, ss []memSample) {
	if len(ss) == 0 {
		fmt.Fprintln(w, "no memory samples")
		return
	}
	mb := func(b float64) float64 { return b / (1 << 20) }
	fmt.Fprintf(w, "\nserver memory (%d samples)\n%8s %9s %9s %11s\n", len(ss), "at", "RSS MB", "heap MB", "goroutines")
	next := time.Duration(0)
	for i, s := range ss {
		if s.at >= next || i == len(ss)-1 {
			fmt.Fprintf(w, "%8s %9.1f %9.1f %11.0f\n", s.at.Round(time.Second), mb(s.rss), mb(s.heap), s.goroutines)
			next = s.at.Truncate(time.Minute) + time.Minute
		}
	}
	peak := ss[0]
	for _, s := range ss {
		if s.rss > peak.rss {
			peak = s
		}
	}
	first, mid, last := ss[0], ss[len(ss)/2], ss[len(ss)-1]
	fmt.Fprintf(w, "RSS MB start/middle/end %.1f / %.1f / %.1f (peak %.1f at %s); heap MB %.1f / %.1f / %.1f\n",
		mb(first.rss), mb(mid.rss), mb(last.rss), mb(peak.rss), peak.at.Round(time.Second), mb(first.heap), mb(mid.heap), mb(last.heap))
	// The first minute warms caches and pools; what follows shows whether
	// memory stays flat or grows.
	var warm []memSample
	for _, s := range ss {
		if s.at >= time.Minute {
			warm = append(warm, s)
		}
	}
	if len(warm) < 2 {
		return
	}
	lo, hi := warm[0], warm[0]
	hlo, hhi := warm[0].heap, warm[0].heap
	for _, s := range warm {
		if s.rss < lo.rss {
			lo = s
		}
		if s.rss > hi.rss {
			hi = s
		}
		hlo, hhi = min(hlo, s.heap), max(hhi, s.heap)
	}
	fmt.Fprintf(w, "from 1m on: RSS MB %.1f to %.1f, heap MB %.1f to %.1f\n", mb(lo.rss), mb(hi.rss), mb(hlo), mb(hhi))
}
