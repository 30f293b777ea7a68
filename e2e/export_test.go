package e2e

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCommand runs `export` as the README shows it: CSV into a
// folder with a row per entity and relation the store holds, JSON Lines
// filtered by relation type to standard output, GraphML to a file, and a
// refused format with a non-zero exit.
func TestExportCommand(t *testing.T) {
	data := t.TempDir()
	mustRun(t, "load", "--data", data, "../samples")
	st := statsOf(t, data)

	out := filepath.Join(t.TempDir(), "csv")
	mustRun(t, "export", "--data", data, "--format", "csv", "--out", out)
	for file, want := range map[string]int{"nodes.csv": st.Entities, "edges.csv": st.Relations} {
		f, err := os.Open(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows)-1 != want {
			t.Errorf("%s: %d rows (%v), want %d", file, len(rows)-1, err, want)
		}
	}

	r := mustRun(t, "export", "--data", data, "--format", "jsonl", "--types", "DETAINED")
	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct{ Kind, Type string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("not JSON: %s", sc.Text())
		}
		kinds[line.Kind]++
		if line.Kind == "relation" && line.Type != "DETAINED" {
			t.Errorf("--types DETAINED exported a %s relation", line.Type)
		}
	}
	if kinds["relation"] == 0 || kinds["entity"] == 0 || kinds["article"] == 0 {
		t.Errorf("JSON Lines of DETAINED: %v", kinds)
	}

	gml := filepath.Join(t.TempDir(), "graph.graphml")
	mustRun(t, "export", "--data", data, "--format", "graphml", "--out", gml)
	if b, err := os.ReadFile(gml); err != nil || strings.Count(string(b), "<node ") != st.Entities || strings.Count(string(b), "<edge ") != st.Relations {
		t.Errorf("graph.graphml: %d nodes and %d edges (%v), want %d and %d",
			strings.Count(string(b), "<node "), strings.Count(string(b), "<edge "), err, st.Entities, st.Relations)
	}

	if r := run(t, "export", "--data", data, "--format", "xml"); r.code == 0 || !strings.Contains(r.stderr, "xml") {
		t.Errorf("--format xml: exit %d, stderr %q", r.code, r.stderr)
	}
}
