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
