package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const metricsPage = `# HELP go_goroutines Number of goroutines that currently exist.
# TYPE go_goroutines gauge
go_goroutines 42
go_memstats_heap_inuse_bytes 2.097152e+07
go_memstats_heap_inuse_bytes_total 1
process_resident_memory_bytes 5.24288e+07
newsgraph_store_objects{kind="articles"} 3
`

func TestParseMemory(t *testing.T) {
	s, err := parseMemory(strings.NewReader(metricsPage))
	if err != nil {
		t.Fatal(err)
	}
	if s.rss != 50<<20 || s.heap != 20<<20 || s.goroutines != 42 {
		t.Errorf("parseMemory = %+v", s)
	}
	if _, err := parseMemory(strings.NewReader("go_goroutines 1\n")); err == nil {
		t.Error("a page without the memory series was accepted")
	}
	if _, err := parseMemory(strings.NewReader(strings.Replace(metricsPage, "42", "many", 1))); err == nil {
		t.Error("a value that is not a number was accepted")
	}
}

func TestSampleMemory(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(metricsPage))
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Millisecond)
	defer cancel()
	ss := sampleMemory(ctx, srv.Client(), srv.URL, 20*time.Millisecond)
	if len(ss) < 2 || ss[len(ss)-1].at <= ss[0].at {
		t.Fatalf("samples %+v", ss)
	}
	var b bytes.Buffer
	printMemory(&b, ss)
	if !strings.Contains(b.String(), "RSS MB start/middle/end 50.0 / 50.0 / 50.0") {
		t.Errorf("printMemory:\n%s", b.String())
	}
}

func FuzzParseMemory(f *testing.F) {
	f.Add(metricsPage)
	f.Add("process_resident_memory_bytes NaN\n")
	f.Fuzz(func(t *testing.T, page string) {
		s, err := parseMemory(strings.NewReader(page))
		if err == nil && !strings.Contains(page, "go_goroutines") {
			t.Errorf("accepted a page without go_goroutines: %+v", s)
		}
	})
}

func TestPrintMemoryAfterWarmup(t *testing.T) {
	var ss []memSample
	for i, rss := range []float64{10, 60, 70, 65, 64} {
		ss = append(ss, memSample{at: time.Duration(i) * 40 * time.Second, rss: rss * (1 << 20), heap: rss / 2 * (1 << 20)})
	}
	var b bytes.Buffer
	printMemory(&b, ss)
	for _, want := range []string{"RSS MB start/middle/end 10.0 / 70.0 / 64.0 (peak 70.0 at 1m20s)", "from 1m on: RSS MB 64.0 to 70.0, heap MB 32.0 to 35.0"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("printMemory lacks %q:\n%s", want, b.String())
		}
	}
}
