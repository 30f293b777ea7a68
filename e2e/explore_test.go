package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loader"
)

// TestExplorerOffline drives the graph explorer in headless Chromium cut off
// from every host but the test server: a search with a typo finds a person,
// opening it draws the neighbourhood, expanding a neighbour adds nodes,
// clicking an edge shows its sentence highlighted in context, and nothing
// is logged as an error on the console.
func TestExplorerOffline(t *testing.T) {
	bin := findChromium(t)
	ctx := context.Background()
	store := sampleStore(t)
	reqs := &requestLog{}
	const apiKey = "explorer-test-key"
	srv := httptest.NewServer(reqs.wrap(graph.NewHandler(graph.Config{
		Store: store, Ingest: loader.New(store), APIKey: apiKey,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})))
	defer srv.Close()

	const person = "person:alvaro-quintana-roldan"
	// A neighbour of the person with neighbours of its own, to expand.
	neighbour := expandable(t, srv.URL, person)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(chromeProfile(t)), chromedp.WindowSize(1400, 850),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	bctx, cancelTimeout := context.WithTimeout(bctx, 120*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	var consoleErrors []string
	chromedp.ListenTarget(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			consoleErrors = append(consoleErrors, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				consoleErrors = append(consoleErrors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError {
				consoleErrors = append(consoleErrors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})

	var nodes0, nodes1 int
	var firstResult, mark, status string
	run := func(step string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(bctx, actions...); err != nil {
			var state string
			_ = chromedp.Run(bctx, chromedp.Evaluate(`document.getElementById("status").textContent + " | edges: " + explorer.cy.edges().map(e => e.data("type")).join(",")`, &state))
			t.Logf("page state: %s", state)
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("%s: %v\nconsole: %q\nrequests: %q", step, err, consoleErrors, reqs.list())
		}
	}
	run("open the page",
		cdplog.Enable(),
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(`#relation-types input`, chromedp.ByQuery),
	)
	run("search with a typo",
		chromedp.SendKeys(`#search`, "Quintanna Roldan", chromedp.ByQuery),
		chromedp.Click(`#search-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#results li[data-id]`, chromedp.ByQuery),
		chromedp.Text(`#results li[data-id]`, &firstResult, chromedp.ByQuery),
	)
	if !strings.Contains(firstResult, "Álvaro Quintana Roldán") {
		t.Fatalf("first result of a misspelt search = %q, want Álvaro Quintana Roldán", firstResult)
	}
	run("open the person",
		chromedp.Click(`#results li[data-id]`, chromedp.ByQuery),
		waitJS(`explorer.cy.nodes().length > 1 && !!document.querySelector("#btn-expand")`),
		chromedp.Evaluate(`explorer.cy.nodes().length`, &nodes0),
	)
	// Expand the neighbour with a real click on the node, then the button.
	run("select the neighbour", clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, neighbour)),
		waitJS(fmt.Sprintf(`explorer.cy.getElementById(%q).selected() && !!document.querySelector("#btn-expand")`, neighbour)))
	run("expand it",
		chromedp.Click(`#btn-expand`, chromedp.ByQuery),
		waitJS(fmt.Sprintf(`explorer.cy.nodes().length > %d`, nodes0)),
		chromedp.Evaluate(`explorer.cy.nodes().length`, &nodes1),
	)
	// A double click on the expanded neighbour collapses it, another one
	// expands it again.
	var nodes2 int
	dbl := fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, neighbour)
	run("double-click collapses",
		clickAt(dbl), clickAt(dbl),
		waitJS(fmt.Sprintf(`explorer.cy.nodes().length === %d`, nodes0)),
	)
	run("double-click expands",
		chromedp.Sleep(500*time.Millisecond), // not a triple click
		clickAt(dbl), clickAt(dbl),
		waitJS(fmt.Sprintf(`explorer.cy.nodes().length === %d`, nodes1)),
		chromedp.Evaluate(`explorer.cy.nodes().length`, &nodes2),
	)
	// Click the middle of an edge of the person's.
	var edgeID string
	run("pick an edge", chromedp.Evaluate(fmt.Sprintf(`explorer.cy.getElementById(%q).connectedEdges()[0].id()`, person), &edgeID))
	run("click the edge",
		clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedMidpoint()`, edgeID)),
		chromedp.WaitVisible(`#details .evidence .context mark`, chromedp.ByQuery),
		// The context comes from the article's text a moment later.
		waitJS(`document.querySelector("#details .evidence .context").textContent.length > document.querySelector("#details .evidence .context mark").textContent.length`),
		chromedp.Text(`#details .evidence .context mark`, &mark, chromedp.ByQuery),
		chromedp.Text(`#status`, &status, chromedp.ByQuery),
	)
	sentence := evidenceText(t, srv.URL, edgeID)
	if mark == "" || mark != sentence {
		t.Errorf("the highlighted sentence = %q, want the relation's evidence %q", mark, sentence)
	}
	// Each context is a piece of the article cut between words, never
	// inside one: the person's edges, clicked one after another.
	var edgeIDs []string
	run("the person's edges", chromedp.Evaluate(fmt.Sprintf(`explorer.cy.getElementById(%q).connectedEdges().map(e => e.id()).slice(0, 6)`, person), &edgeIDs))
	for _, id := range edgeIDs {
		var shown string
		run("read the context of "+id,
			chromedp.Evaluate(`document.getElementById("details").innerHTML = ""`, nil),
			clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedMidpoint()`, id)),
			waitJS(`!!document.querySelector("#details .evidence .context mark") && document.querySelector("#details .evidence .context").textContent.length > document.querySelector("#details .evidence .context mark").textContent.length`),
			chromedp.Text(`#details .evidence .context`, &shown, chromedp.ByQuery))
		checkContextCut(t, articleTextOf(t, srv.URL, id), shown)
	}

	// The person's timeline, and a path from the person to a node two hops
	// away, drawn and highlighted.
	var entries, pathNodes int
	far := ""
	run("find a far node", chromedp.Evaluate(fmt.Sprintf(
		`explorer.cy.nodes().filter(n => n.id() !== %q && !explorer.cy.getElementById(%q).neighborhood().contains(n))[0].id()`, person, person), &far))
	run("timeline",
		clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, person)),
		chromedp.WaitVisible(`#btn-timeline`, chromedp.ByQuery),
		chromedp.Click(`#btn-timeline`, chromedp.ByQuery),
		chromedp.WaitVisible(`#node-more h2`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#node-more .timeline li").length`, &entries),
		chromedp.Click(`#btn-path-from`, chromedp.ByQuery),
	)
	run("path",
		clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, far)),
		waitJS(fmt.Sprintf(`explorer.cy.getElementById(%q).selected() && !!document.querySelector("#btn-path-to")`, far)),
		chromedp.Click(`#btn-path-to`, chromedp.ByQuery),
		chromedp.Click(`#find-path`, chromedp.ByQuery),
		waitJS(`explorer.cy.nodes(".path").length >= 3`),
		chromedp.Evaluate(`explorer.cy.nodes(".path").length`, &pathNodes),
	)
	t.Logf("timeline: %d entries; path to %s: %d nodes highlighted", entries, far, pathNodes)
	if entries == 0 {
		t.Errorf("the person's timeline lists nothing")
	}
	var shot []byte
	run("screenshot", chromedp.FullScreenshot(&shot, 100))

	// With the API key typed in, the edge's panel retracts the relation.
	run("retract",
		chromedp.SendKeys(`#api-key`, apiKey, chromedp.ByQuery),
		clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedMidpoint()`, edgeID)),
		chromedp.WaitVisible(`#details .retract`, chromedp.ByQuery),
		chromedp.SendKeys(`#details .reason`, "wrong person", chromedp.ByQuery),
		chromedp.Click(`#details .retract`, chromedp.ByQuery),
		waitJS(fmt.Sprintf(`explorer.cy.getElementById(%q).empty()`, edgeID)),
	)
	if rs, err := store.RelationsByID(ctx, []string{edgeID}); err != nil || len(rs) != 1 || rs[0] == nil || !rs[0].Retracted {
		t.Errorf("relation %s not retracted in the store: %v %+v", edgeID, err, rs)
	}
	// Filters: only APPOINTED relations, then the graph is rebuilt with
	// nothing else.
	var types []string
	run("filter by relation type",
		chromedp.Click(`#rel-none`, chromedp.ByQuery),
		chromedp.Click(`#relation-types input[value="APPOINTED"]`, chromedp.ByQuery),
		chromedp.Click(`#apply`, chromedp.ByQuery),
		waitJS(`explorer.cy.edges().length > 0 && explorer.cy.edges().every(e => e.data("type") === "APPOINTED")`),
		chromedp.Evaluate(`Array.from(new Set(explorer.cy.edges().map(e => e.data("type"))))`, &types),
	)
	if len(types) != 1 || types[0] != "APPOINTED" {
		t.Errorf("after filtering on APPOINTED the graph shows %v", types)
	}
	// Merge: with every relation type shown again, pick one person,
	// "Merge into another…", pick a second, merge.
	var pair []string
	run("show every relation type",
		chromedp.Click(`#rel-all`, chromedp.ByQuery),
		chromedp.Click(`#apply`, chromedp.ByQuery),
		waitJS(`explorer.cy.nodes(".person").filter(n => !n.hasClass("seed")).length >= 2`),
	)
	run("pick two people", chromedp.Evaluate(`explorer.cy.nodes(".person").filter(n => !n.hasClass("seed")).map(n => n.id()).slice(0, 2)`, &pair))
	if len(pair) != 2 {
		t.Fatalf("two people to merge: %v", pair)
	}
	drop, keep := pair[0], pair[1]
	run("merge",
		clickAt(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, drop)),
		chromedp.WaitVisible(`#btn-merge-pick`, chromedp.ByQuery),
		chromedp.Click(`#btn-merge-pick`, chromedp.ByQuery),
		clickUntil(fmt.Sprintf(`explorer.cy.getElementById(%q).renderedPosition()`, keep), `document.getElementById("btn-merge") !== null`),
		chromedp.WaitVisible(`#btn-merge`, chromedp.ByQuery),
		chromedp.Click(`#btn-merge`, chromedp.ByQuery),
		waitJS(fmt.Sprintf(`explorer.cy.getElementById(%q).empty() && explorer.cy.getElementById(%q).nonempty()`, drop, keep)),
	)
	if es, err := store.Entities(ctx, []string{drop}); err != nil || len(es) != 1 || es[0] == nil || es[0].ID != keep {
		t.Errorf("after the merge, %s does not resolve to %s: %v %+v", drop, keep, err, es)
	}
	// The other filters: entity type, minimum confidence, date range.
	run("filter by entity type",
		chromedp.Click(`#rel-all`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#entity-types input").forEach(i => i.checked = i.value === "Person")`, nil),
		chromedp.Click(`#apply`, chromedp.ByQuery),
		waitJS(`explorer.cy.edges().length > 0 && explorer.cy.nodes().every(n => n.data("type") === "Person")`),
	)
	run("filter by confidence",
		chromedp.Evaluate(`document.querySelectorAll("#entity-types input").forEach(i => i.checked = true);
			var r = document.getElementById("min-conf"); r.value = "0.75"; r.dispatchEvent(new Event("input"))`, nil),
		chromedp.Click(`#apply`, chromedp.ByQuery),
		waitJS(`explorer.cy.edges().length > 0 && explorer.cy.nodes().some(n => n.data("type") !== "Person") && explorer.cy.edges().every(e => e.data("confidence") >= 0.75)`),
	)
	run("filter by date",
		chromedp.Evaluate(`var r = document.getElementById("min-conf"); r.value = "0"; r.dispatchEvent(new Event("input"))`, nil),
		chromedp.SendKeys(`#from`, "2090", chromedp.ByQuery),
		chromedp.Click(`#apply`, chromedp.ByQuery),
		waitJS(`explorer.cy.nodes().length > 0 && explorer.cy.edges().length === 0`),
	)

	// 300 nodes: the force layout keeps every node apart and few labels
	// touching (Cytoscape's default cose leaves about 30 nodes on top of
	// one another and 800 labels touching on this graph).
	var crowd struct{ NodeOverlaps, LabelOverlaps int }
	run("lay out 300 nodes", chromedp.Evaluate(layout300, &crowd))
	t.Logf("300 nodes: %d nodes and %d labels overlapping", crowd.NodeOverlaps, crowd.LabelOverlaps)
	if crowd.NodeOverlaps > 0 || crowd.LabelOverlaps > 150 {
		t.Errorf("300 nodes laid out unreadably: %d nodes and %d labels overlap", crowd.NodeOverlaps, crowd.LabelOverlaps)
	}
	path := filepath.Join(artifactDir(t), "newsgraph-e2e-explore.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("explorer: %d nodes after opening, %d after expanding; screenshot %s", nodes0, nodes1, path)

	mu.Lock()
	defer mu.Unlock()
	if len(consoleErrors) > 0 {
		t.Errorf("console errors: %q", consoleErrors)
	}
	for _, r := range reqs.list() {
		if !strings.HasSuffix(r, " OK") && !strings.HasSuffix(r, "Not Modified") {
			t.Errorf("the page asked for %s", r)
		}
	}
}

// layout300 replaces the graph with 300 nodes (a random tree and 60 more
// edges, seeded), lays them out with the page's own force layout, and
// counts the pairs of nodes, and of labels, that overlap.
const layout300 = `(function () {
  var cy = explorer.cy, els = [], seed = 7, types = ["person", "organization", "location", "event", "role"];
  function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
  cy.elements().remove();
  for (var i = 0; i < 300; i++) els.push({group: "nodes", data: {id: "n" + i, label: "Entity number " + i, weight: 1 + i % 7}, classes: [types[i % 5]]});
  for (var i = 1; i < 300; i++) els.push({group: "edges", data: {id: "e" + i, source: "n" + Math.floor(rnd() * i), target: "n" + i, label: "leads", weight: 1}, classes: ["leads"]});
  for (var i = 0; i < 60; i++) { var a = Math.floor(rnd() * 300), b = Math.floor(rnd() * 300);
    if (a !== b) els.push({group: "edges", data: {id: "x" + i, source: "n" + a, target: "n" + b, label: "met with", weight: 1}, classes: ["met-with"]}); }
  cy.add(els);
  var sel = document.getElementById("layout"); sel.value = "cose"; sel.dispatchEvent(new Event("change"));
  function overlaps(opts) {
    var ns = cy.nodes(), boxes = ns.map(function (n) { return n.boundingBox(opts); }), k = 0;
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) k++;
    }
    return k;
  }
  return {NodeOverlaps: overlaps({includeLabels: false}), LabelOverlaps: overlaps({includeNodes: false, includeLabels: true})};
})()`

// artifactDir is where tests leave files for a person to look at:
// $NEWSGRAPH_ARTIFACTS when set (CI uploads it), else the system temp dir.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("NEWSGRAPH_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return os.TempDir()
}

// waitJS polls a JavaScript condition until it holds.
func waitJS(cond string) chromedp.Action {
	return chromedp.Poll(cond, nil, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))
}

// clickAt clicks with the mouse at a point of the graph given by a
// JavaScript expression in the graph's rendered coordinates.
func clickAt(pos string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var p struct{ X, Y float64 }
		js := `(function(){ var p = ` + pos + `; var r = document.getElementById("cy").getBoundingClientRect(); return {X: p.x + r.left, Y: p.y + r.top}; })()`
		if err := chromedp.Evaluate(js, &p).Do(ctx); err != nil {
			return err
		}
		return chromedp.MouseClickXY(p.X, p.Y, chromedp.ButtonLeft).Do(ctx)
	})
}

// clickUntil clicks at pos until cond holds, up to ten times: on a loaded
// machine the layout may still move a node between reading its position
// and the click landing, and a missed click would leave the page waiting.
func clickUntil(pos, cond string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for try := 0; ; try++ {
			if err := clickAt(pos).Do(ctx); err != nil {
				return err
			}
			var ok bool
			if err := chromedp.Poll(cond, &ok, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(2*time.Second)).Do(ctx); err == nil && ok {
				return nil
			} else if try == 9 {
				return fmt.Errorf("clicked %s ten times and %s never held: %w", pos, cond, err)
			}
		}
	})
}

// post runs a GraphQL query against the test server.
func post(t *testing.T, url, query string, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url+"/query", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("%s: %v %v", query, err, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatal(err)
	}
}

// expandable returns a neighbour of id that has neighbours of its own.
func expandable(t *testing.T, url, id string) string {
	var d struct {
		Neighborhood struct {
			Nodes []struct {
				ID    string
				Depth int
			}
			Edges []struct{ Source, Target string }
		}
	}
	post(t, url, `{ neighborhood(id: "`+id+`", hops: 2) { nodes { id depth } edges { source target } } }`, &d)
	depth := map[string]int{}
	for _, n := range d.Neighborhood.Nodes {
		depth[n.ID] = n.Depth
	}
	for _, e := range d.Neighborhood.Edges {
		switch {
		case depth[e.Source] == 1 && depth[e.Target] == 2:
			return e.Source
		case depth[e.Target] == 1 && depth[e.Source] == 2:
			return e.Target
		}
	}
	t.Fatalf("no neighbour of %s has neighbours of its own: %+v", id, d)
	return ""
}

// checkContextCut checks that shown, an evidence context with "… " where
// it was cut, is a piece of text that begins and ends between words.
func checkContextCut(t *testing.T, text, shown string) {
	t.Helper()
	// The page shows runs of white space as one space.
	text = strings.Join(strings.Fields(text), " ")
	piece := strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimPrefix(shown, "… "), " …")), " ")
	i := strings.Index(text, piece)
	if i < 0 {
		t.Fatalf("the context %q is not a piece of the article", shown)
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+len(piece):])
	if (i > 0 && !unicode.IsSpace(before)) || (i+len(piece) < len(text) && !unicode.IsSpace(after)) {
		t.Errorf("the context is cut inside a word: %q", shown)
	}
}

// articleTextOf returns the text of the article of a relation's first
// evidence.
func articleTextOf(t *testing.T, url, id string) string {
	var d struct {
		Relation struct {
			Evidence []struct{ Article struct{ Text string } }
		}
	}
	post(t, url, `{ relation(id: "`+id+`") { evidence { article { text } } } }`, &d)
	if len(d.Relation.Evidence) == 0 {
		t.Fatalf("relation %s has no evidence", id)
	}
	return d.Relation.Evidence[0].Article.Text
}

// evidenceText returns the first evidence sentence of a relation.
func evidenceText(t *testing.T, url, id string) string {
	var d struct {
		Relation struct{ Evidence []struct{ Text string } }
	}
	post(t, url, `{ relation(id: "`+id+`") { evidence { text } } }`, &d)
	if len(d.Relation.Evidence) == 0 {
		t.Fatalf("relation %s has no evidence", id)
	}
	return d.Relation.Evidence[0].Text
}
