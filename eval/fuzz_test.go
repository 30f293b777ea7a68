package eval

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestMain bounds how long the fuzzer minimizes each input that finds new
// coverage to 2 s, unless -fuzzminimizetime is given. Minimizing is
// quadratic in the input's length, and with the default budget (60 s) a
// worker spent most of a run minimizing one input: a 20 s run fuzzed a
// handful of inputs.
func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		if err := flag.Set("test.fuzzminimizetime", "2s"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// FuzzLoadGold feeds arbitrary bytes to LoadGold: it must never panic, and a
// gold it accepts must score without panicking and with sane figures.
//
// The seeds are small on purpose: the fuzzer minimizes every input that
// finds new coverage, and minimizing a 10 KB gold file kept each worker busy
// for the whole minimization budget (60 s by default), so almost nothing
// was fuzzed. edge.gold.json holds every feature of the format in 1 KB.
func FuzzLoadGold(f *testing.F) {
	b, err := os.ReadFile("testdata/edge.gold.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"entities": {"a": {"type": "Person", "names": ["Mr. A’s"], "optional": "yes"}}, "relations": [{"types": ["MET_WITH"], "source": ["a"], "target": "a"}]}`))
	f.Add([]byte(`{"entities": {}, "relations": null}`))
	f.Add([]byte(`[]`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "gold.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := LoadGold(p)
		if err != nil {
			return
		}
		_ = g.Check()
		// An extraction that names every gold entity by its first name with
		// its own type, and relates the first ends of every gold relation.
		x := &kg.Extraction{}
		for _, e := range g.Entities {
			x.Entities = append(x.Entities, kg.Entity{ID: e.Key, Type: kg.EntityType(e.Type), Name: e.Names[0]})
		}
		for _, r := range g.Relations {
			if len(r.Source) > 0 && len(r.Target) > 0 {
				x.Relations = append(x.Relations, kg.Relation{Type: kg.RelationType(r.Types[0]), Source: r.Source[0], Target: r.Target[0]})
			}
		}
		res := Score(g, x)
		if res.EntityHit > res.EntityCore || res.RelationHit > res.RelationCore {
			t.Fatalf("more hits than core: %+v", res)
		}
		if res.EntityTP+res.EntityFP > len(x.Entities) {
			t.Fatalf("scored %d entities out of %d", res.EntityTP+res.EntityFP, len(x.Entities))
		}
		for _, v := range []float64{res.Entities.P, res.Entities.R, res.Entities.F1, res.Relations.P, res.Relations.R, res.Relations.F1} {
			if v < 0 || v > 1 || v != v {
				t.Fatalf("figure out of [0,1]: %+v", res)
			}
		}
		if empty := Score(g, nil); empty.EntityTP != 0 || empty.RelationTP != 0 || empty.EntityMisses == nil && empty.EntityCore > 0 {
			t.Fatalf("empty extraction scored %+v", empty)
		}
	})
}

// FuzzParseClusters feeds arbitrary bytes to ParseClusters: it must never
// panic, and a set it accepts must list mentions with a name, a cluster and
// one type per cluster.
func FuzzParseClusters(f *testing.F) {
	for _, dir := range xdocDirs {
		if b, err := os.ReadFile(filepath.Join(dir, ClustersFile)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"articles": [{"file": "a.txt", "entities": [{"name": "A", "type": "Person", "cluster": "a"}]}]}`))
	f.Add([]byte(`{"articles": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseClusters(data)
		if err != nil {
			return
		}
		typ := map[string]string{}
		for _, m := range s.Mentions() {
			if m.Name == "" || m.Cluster == "" {
				t.Fatalf("accepted an empty name or cluster: %+v", m)
			}
			if x, ok := typ[m.Cluster]; ok && x != m.Type {
				t.Fatalf("cluster %q has types %s and %s", m.Cluster, x, m.Type)
			}
			typ[m.Cluster] = m.Type
		}
	})
}
