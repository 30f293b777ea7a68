package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
)

// sampleStore is a store holding the project's sample articles.
func sampleStore(t testing.TB) (kg.Store, kg.Stats) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loader.New(s).Load(ctx, srcs, nil); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

func export(t testing.TB, s kg.Store, f Format, flt Filter) ([]byte, Counts) {
	t.Helper()
	var b bytes.Buffer
	c, err := Write(context.Background(), s, &b, f, flt)
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return b.Bytes(), c
}

func TestCounts(t *testing.T) {
	s, st := sampleStore(t)
	for _, f := range Formats {
		_, c := export(t, s, f, Filter{})
		if c.Entities != st.Entities || c.Relations != st.Relations {
			t.Errorf("%s: %d entities, %d relations; the store holds %d and %d", f, c.Entities, c.Relations, st.Entities, st.Relations)
		}
	}
}

func TestGraphMLAndGEXFAreXML(t *testing.T) {
	s, st := sampleStore(t)
	for _, f := range []Format{GraphML, GEXF} {
		b, _ := export(t, s, f, Filter{})
		d := xml.NewDecoder(bytes.NewReader(b))
		nodes, edges := 0, 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "node":
					nodes++
				case "edge":
					edges++
				}
			}
		}
		if nodes != st.Entities || edges != st.Relations {
			t.Errorf("%s: %d nodes, %d edges; want %d and %d", f, nodes, edges, st.Entities, st.Relations)
		}
	}
}

func TestCSV(t *testing.T) {
	s, st := sampleStore(t)
	nb, _ := export(t, s, NodesCSV, Filter{})
	eb, _ := export(t, s, EdgesCSV, Filter{})
	nodes, err := csv.NewReader(bytes.NewReader(nb)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	edges, err := csv.NewReader(bytes.NewReader(eb)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(nodes[0], ",") != "id:ID,name,type,subtype,aliases:string[],:LABEL" ||
		strings.Join(edges[0], ",")[:len(":START_ID,:END_ID,:TYPE")] != ":START_ID,:END_ID,:TYPE" {
		t.Fatalf("headers: %q / %q", nodes[0], edges[0])
	}
	if len(nodes)-1 != st.Entities || len(edges)-1 != st.Relations {
		t.Fatalf("%d node rows, %d edge rows; want %d and %d", len(nodes)-1, len(edges)-1, st.Entities, st.Relations)
	}
	ids := map[string]bool{}
	for _, n := range nodes[1:] {
		ids[n[0]] = true
		if n[5] != "Entity;"+n[2] {
			t.Errorf("node %s labels %q", n[0], n[5])
		}
	}
	for _, e := range edges[1:] {
		if !ids[e[0]] || !ids[e[1]] || !kg.RelationType(e[2]).Valid() {
			t.Errorf("edge %q: an end is not a node, or the type is unknown", e)
		}
	}
}

func TestJSONLinesCarryEvidence(t *testing.T) {
	s, st := sampleStore(t)
	b, c := export(t, s, JSONL, Filter{})
	kinds := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Kind     string
			ID       string
			Evidence []kg.Evidence
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		kinds[line.Kind]++
		if line.Kind == "relation" && (len(line.Evidence) == 0 || line.Evidence[0].Text == "" || line.Evidence[0].ArticleID == "") {
			t.Errorf("relation %s without its evidence: %s", line.ID, sc.Text())
		}
	}
	if kinds["article"] != st.Articles || kinds["entity"] != st.Entities || kinds["relation"] != st.Relations || c.Articles != st.Articles {
		t.Errorf("lines by kind %v; the store holds %+v", kinds, st)
	}
}

func TestFilter(t *testing.T) {
	s, _ := sampleStore(t)
	_, all := export(t, s, EdgesCSV, Filter{})
	b, c := export(t, s, EdgesCSV, Filter{Types: []kg.RelationType{kg.Detained}})
	rows, _ := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if c.Relations == 0 || c.Relations >= all.Relations {
		t.Fatalf("DETAINED only: %d of %d relations", c.Relations, all.Relations)
	}
	for _, r := range rows[1:] {
		if r[2] != "DETAINED" {
			t.Errorf("a %s edge in a DETAINED export", r[2])
		}
	}
	nb, nc := export(t, s, NodesCSV, Filter{EntityTypes: []kg.EntityType{kg.Person}})
	nodes, _ := csv.NewReader(bytes.NewReader(nb)).ReadAll()
	people := map[string]bool{}
	for _, n := range nodes[1:] {
		if n[2] != "Person" {
			t.Errorf("a %s in a Person export", n[2])
		}
		people[n[0]] = true
	}
	eb, ec := export(t, s, EdgesCSV, Filter{EntityTypes: []kg.EntityType{kg.Person}})
	edges, _ := csv.NewReader(bytes.NewReader(eb)).ReadAll()
	if nc.Entities == 0 || ec.Relations == 0 {
		t.Fatalf("Person export: %d entities, %d relations", nc.Entities, ec.Relations)
	}
	for _, e := range edges[1:] {
		if !people[e[0]] || !people[e[1]] {
			t.Errorf("edge %q leaves the people", e)
		}
	}
	if _, err := Write(context.Background(), s, io.Discard, GraphML, Filter{Types: []kg.RelationType{"LIKES"}}); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := Write(context.Background(), s, io.Discard, GraphML, Filter{MinConfidence: 2}); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("confidence 2: %v", err)
	}
}

// TestNetworkxReadsExports is the round trip the notebooks make:
// networkx reads the GraphML and the GEXF with every node and edge.
func TestNetworkxReadsExports(t *testing.T) {
	py := requirePython(t, "networkx")
	s, st := sampleStore(t)
	dir := t.TempDir()
	for _, f := range []Format{GraphML, GEXF} {
		b, _ := export(t, s, f, Filter{})
		if err := os.WriteFile(filepath.Join(dir, "graph."+string(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := `
import json, sys, networkx as nx
d = sys.argv[1]
out = {}
for name, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
    g = read(d + "/graph." + name)
    e = next(iter(g.edges(data=True)))[2] if g.number_of_edges() else {}
    n = next(iter(g.nodes(data=True)))[1] if g.number_of_nodes() else {}
    out[name] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "multi": g.is_multigraph(),
                 "edge_type": e.get("type"), "node_type": n.get("type"), "confidence": type(e.get("confidence")).__name__}
print(json.dumps(out))
`
	cmd := exec.Command(py, "-c", script, dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var got map[string]struct {
		Nodes, Edges int
		Multi        bool
		EdgeType     string `json:"edge_type"`
		NodeType     string `json:"node_type"`
		Confidence   string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	for _, f := range []string{"graphml", "gexf"} {
		g := got[f]
		if g.Nodes != st.Entities || g.Edges != st.Relations {
			t.Errorf("networkx read %s: %d nodes, %d edges; the store holds %d and %d", f, g.Nodes, g.Edges, st.Entities, st.Relations)
		}
		if !kg.RelationType(g.EdgeType).Valid() || !kg.EntityType(g.NodeType).Valid() || g.Confidence != "float" {
			t.Errorf("networkx read %s without typed attributes: %+v", f, g)
		}
	}
	t.Logf("networkx: %s", out)
}

// requirePython returns python3 when it can import module; it fails under
// CI (scripts/test-deps.sh installs it) and skips elsewhere.
func requirePython(t *testing.T, module string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(py, "-c", "import "+module).Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with %s: %v (scripts/test-deps.sh installs it)", module, err)
		}
		t.Skipf("python3 with %s not available (%v); run scripts/test-deps.sh", module, err)
	}
	return py
}

func TestHandler(t *testing.T) {
	s, st := sampleStore(t)
	fail := func(w http.ResponseWriter, status int, code, msg string) {
		w.WriteHeader(status)
		fmt.Fprintf(w, "%s: %s", code, msg)
	}
	srv := httptest.NewServer(Handler(s, slog.New(slog.NewTextHandler(io.Discard, nil)), fail))
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, body := get("/export/graph.graphml")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/graphml+xml") ||
		strings.Count(body, "<node ") != st.Entities {
		t.Errorf("graph.graphml: %d %q, %d nodes", resp.StatusCode, resp.Header.Get("Content-Type"), strings.Count(body, "<node "))
	}
	resp, body = get("/export/edges.csv?types=detained,COMMANDS&minConfidence=0.1")
	if resp.StatusCode != 200 || strings.Count(body, "\n") < 2 {
		t.Errorf("edges.csv filtered: %d %q", resp.StatusCode, body)
	}
	for _, line := range strings.Split(strings.TrimSpace(body), "\n")[1:] {
		if !strings.Contains(line, ",DETAINED,") && !strings.Contains(line, ",COMMANDS,") {
			t.Errorf("filtered edge %q", line)
		}
	}
	if resp, body := get("/export/edges.csv?types=LIKES"); resp.StatusCode != 400 || body != kg.EInvalid+`: unknown relation type "LIKES"` {
		t.Errorf("bad type: %d %q", resp.StatusCode, body)
	}
	if resp, body := get("/export/graph.pdf"); resp.StatusCode != 404 || !strings.HasPrefix(body, kg.ENotFound+": ") {
		t.Errorf("unknown file: %d %q", resp.StatusCode, body)
	}
}

func BenchmarkExportJSONL(b *testing.B) {
	s, _ := sampleStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(context.Background(), s, io.Discard, JSONL, Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFilterFromQuery: any query string gives a filter or an error, never
// a panic, and an accepted filter names only ontology types.
func FuzzFilterFromQuery(f *testing.F) {
	f.Add("types=DETAINED,commands&entityTypes=Person&minConfidence=0.5")
	f.Add("minConfidence=NaN&types=,,")
	f.Fuzz(func(t *testing.T, q string) {
		r := httptest.NewRequest(http.MethodGet, "/export/nodes.csv", nil)
		r.URL.RawQuery = q
		flt, err := filterFromQuery(r)
		if err != nil || flt.Validate() != nil {
			return
		}
		for _, ty := range flt.Types {
			if !ty.Valid() {
				t.Fatalf("accepted relation type %q", ty)
			}
		}
		if !(flt.MinConfidence >= 0 && flt.MinConfidence <= 1) {
			t.Fatalf("accepted confidence %v", flt.MinConfidence)
		}
	})
}

// TestParseFormats: every name the refusal lists is accepted, and the
// refusal lists them all, "csv" included.
func TestParseFormats(t *testing.T) {
	for _, n := range Names() {
		fs, err := ParseFormats(strings.ToUpper(n))
		if err != nil || len(fs) == 0 {
			t.Errorf("ParseFormats(%q) = %v, %v", n, fs, err)
		}
	}
	if fs, _ := ParseFormats("csv"); !slices.Equal(fs, []Format{NodesCSV, EdgesCSV}) {
		t.Errorf("ParseFormats(csv) = %v, want both CSV files", fs)
	}
	_, err := ParseFormats("xlsx")
	want := "use one of graphml, gexf, nodes.csv, edges.csv, jsonl, csv"
	if err == nil || kg.ErrorCode(err) != kg.EInvalid || !strings.HasSuffix(kg.ErrorMessage(err), want) {
		t.Errorf("ParseFormats(xlsx) = %v, want a refusal ending %q", err, want)
	}
}
