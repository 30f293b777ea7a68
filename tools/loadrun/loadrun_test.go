package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/gen"
)

func TestPercentile(t *testing.T) {
	var lat []time.Duration
	for i := 1; i <= 100; i++ {
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    int
		want time.Duration
	}{{50, 50 * time.Millisecond}, {95, 95 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {1, time.Millisecond}} {
		if got := percentile(lat, c.p); got != c.want {
			t.Errorf("p%d of 1..100ms = %s, want %s", c.p, got, c.want)
		}
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("p50 of nothing = %s, want 0", got)
	}
	one := []time.Duration{7 * time.Millisecond}
	if got := percentile(one, 99); got != one[0] {
		t.Errorf("p99 of one sample = %s, want %s", got, one[0])
	}
	// Three samples: nearest rank of p50 is the 2nd.
	three := []time.Duration{1, 2, 3}
	if got := percentile(three, 50); got != 2 {
		t.Errorf("p50 of 1,2,3 = %d, want 2", got)
	}
}

func TestSummarize(t *testing.T) {
	res := result{elapsed: 2 * time.Second}
	for i := 0; i < 10; i++ {
		s := sample{kind: 0, latency: time.Duration(i+1) * time.Millisecond}
		if i == 3 {
			s.err = "boom"
		}
		res.samples = append(res.samples, s)
	}
	res.samples = append(res.samples, sample{kind: 1, latency: time.Second})
	rows := summarize(res)
	if len(rows) != len(mix)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(mix)+1)
	}
	if r := rows[0]; r.n != 10 || r.errs != 1 || r.rps != 5 || r.p50 != 5*time.Millisecond || r.p99 != 10*time.Millisecond {
		t.Errorf("row %s = %+v", r.name, r)
	}
	if r := rows[len(rows)-1]; r.name != "overall" || r.n != 11 || r.errs != 1 || r.p99 != time.Second {
		t.Errorf("overall = %+v", r)
	}
	var buf bytes.Buffer
	printTable(&buf, rows)
	for _, q := range mix {
		if !strings.Contains(buf.String(), q.Name) {
			t.Errorf("table lacks %s:\n%s", q.Name, buf.String())
		}
	}
	if errs := firstErrors(res, 5); len(errs) != 1 || errs[0] != mix[0].Name+": boom" {
		t.Errorf("firstErrors = %q", errs)
	}
}

func TestMixIsSeeded(t *testing.T) {
	if totalWeight() != 100 {
		t.Errorf("weights sum to %d, want 100", totalWeight())
	}
	tg := &targets{people: []string{"p1", "p2", "p3"}, entities: []string{"e1", "e2"}, terms: []string{"a", "b"},
		articles: []string{"", "c20", "c40", "c60", "c80"}, detained: []string{"", "c20", "c40"}}
	draw := func(seed int64, client int) string {
		r := clientRand(seed, client)
		var sb strings.Builder
		for i := 0; i < 200; i++ {
			k := next(r)
			sb.WriteString(mix[k].Name)
			vars := mix[k].Vars(r, tg)
			keys := make([]string, 0, len(vars))
			for key := range vars {
				keys = append(keys, key)
			}
			sort.Strings(keys) // maps iterate in random order
			for _, key := range keys {
				if s, ok := vars[key].(string); ok {
					sb.WriteString(" " + key + "=" + s)
				}
			}
			sb.WriteString(";")
		}
		return sb.String()
	}
	if draw(1, 0) != draw(1, 0) {
		t.Error("the same seed and client drew different requests")
	}
	if draw(1, 0) == draw(1, 1) || draw(1, 0) == draw(2, 0) {
		t.Error("different clients or seeds drew the same requests")
	}
	counts := map[int]int{}
	r := clientRand(1, 0)
	for i := 0; i < 10000; i++ {
		counts[next(r)]++
	}
	for k, q := range mix {
		// Within a third of the expected share: the weights are honoured.
		want := q.Weight * 100
		if counts[k]*3 < want*2 || counts[k]*3 > want*4 {
			t.Errorf("%s drawn %d times of 10000, want about %d", q.Name, counts[k], want)
		}
	}
}

func TestPageCursor(t *testing.T) {
	r := clientRand(1, 0)
	if c := pageCursor(r, []string{""}); c != nil {
		t.Errorf("one page: cursor %v, want none", c)
	}
	seen := map[any]bool{}
	for i := 0; i < 100; i++ {
		seen[pageCursor(r, []string{"", "a", "b"})] = true
	}
	if len(seen) != 3 || !seen[nil] || !seen["a"] || !seen["b"] {
		t.Errorf("cursors drawn from three pages: %v", seen)
	}
}

func TestCheckResponse(t *testing.T) {
	for _, c := range []struct {
		status int
		body   string
		ok     bool
	}{
		{200, `{"data":{"entity":null}}`, true},
		{200, `{"data":null,"errors":[{"message":"bad","extensions":{"code":"BAD_USER_INPUT"}}]}`, false},
		{200, `{"data":{"x":1},"errors":[{"message":"partial"}]}`, false},
		{500, `{"data":{"x":1}}`, false},
		{200, `not json`, false},
		{200, `{}`, false},
	} {
		err := checkResponse(c.status, []byte(c.body))
		if (err == nil) != c.ok {
			t.Errorf("checkResponse(%d, %s) = %v, want ok=%v", c.status, c.body, err, c.ok)
		}
	}
}

func TestWarmupFlag(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"true", defaultWarmup, true}, {"false", 0, true}, {"5s", 5 * time.Second, true},
		{"0", 0, true}, {"-1s", 0, false}, {"2h", 0, false}, {"soon", 0, false},
	} {
		var w warmupFlag
		err := w.Set(c.in)
		if (err == nil) != c.ok || (c.ok && w.d != c.want) {
			t.Errorf("Set(%q) = %s, %v; want %s, ok=%v", c.in, w.d, err, c.want, c.ok)
		}
	}
}

func TestParseFlags(t *testing.T) {
	o, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.articles != 3000 || o.seed != 1 || o.duration != 20*time.Second || o.concurrency != 8 ||
		o.store != "embedded" || o.data != "" || o.warmup.d != 0 {
		t.Errorf("defaults = %+v", o)
	}
	o, err = parseFlags([]string{"-warmup", "-articles", "10"}, io.Discard)
	if err != nil || o.warmup.d != defaultWarmup || o.articles != 10 {
		t.Errorf("bare -warmup: %+v, %v", o, err)
	}
	for _, bad := range [][]string{{"-store", "mysql"}, {"-articles", "0"}, {"-concurrency", "0"},
		{"-duration", "0s"}, {"extra"}, {"-warmup=later"}, {"-url", "http://127.0.0.1:1/query"}, {"-sample", "-1s"}} {
		if _, err := parseFlags(bad, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
	if _, err := parseFlags([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

func FuzzWarmupFlag(f *testing.F) {
	for _, s := range []string{"true", "false", "1", "3s", "1h1s", "-5m", "", "1e9h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w warmupFlag
		if err := w.Set(s); err == nil && (w.d < 0 || w.d > time.Hour) {
			t.Errorf("Set(%q) accepted %s, out of [0, 1h]", s, w.d)
		}
	})
}

// TestRunEndToEnd loads a few generated articles into the embedded store,
// serves them and sends a count-bounded mix: every query kind must answer
// without errors.
func TestRunEndToEnd(t *testing.T) {
	ctx := context.Background()
	arts := gen.Articles(2, 60)
	s, cleanup, err := openStore(ctx, options{store: "embedded", data: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	defer s.Close()
	sum, err := loadArticles(ctx, s, arts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != len(arts) {
		t.Fatalf("loaded %d of %d articles", sum.Articles, len(arts))
	}
	tg, err := findTargets(ctx, s, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.people) < 20 || len(tg.articles) != (len(arts)+19)/20 {
		t.Fatalf("targets: %d people, %d article pages for %d articles", len(tg.people), len(tg.articles), len(arts))
	}
	url, stop, err := serve(s)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("serving on %s, want loopback", url)
	}
	// The count bounds the run; the long duration is only a safety net.
	res := run(ctx, httpClient(2), tg, runConfig{URL: url, Seed: 1, Concurrency: 2, Duration: 5 * time.Minute, MaxRequests: 150})
	if len(res.samples) != 150 {
		t.Fatalf("%d requests, want 150", len(res.samples))
	}
	if res.elapsed <= 0 || res.elapsed >= 5*time.Minute {
		t.Errorf("elapsed %s, want the time until the last answer", res.elapsed)
	}
	if errs := firstErrors(res, 5); len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
	kinds := map[int]bool{}
	for _, s := range res.samples {
		kinds[s.kind] = true
	}
	if len(kinds) != len(mix) {
		t.Errorf("%d of %d query kinds were sent", len(kinds), len(mix))
	}
}
