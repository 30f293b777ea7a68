package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	srcs, err := loader.Files([]string{seed})
	if err != nil || len(srcs) != 1 {
		t.Fatalf("Files: %v, %d sources", err, len(srcs))
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
	srcs, err := loader.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
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
	srcs, _ := loader.Files([]string{seed})
	if _, err := loader.New(openStore(t)).Load(ctx, srcs, nil); err == nil {
		t.Error("a canceled load reported success")
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
