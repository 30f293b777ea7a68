package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
	"github.com/newsgraph/newsgraph/storetest"
)

// How to run these tests against a real Neo4j.
const howTo = "scripts/neo4j.sh start, then NEO4J_TEST_URI=bolt://127.0.0.1:17687 go test ./neo4jstore/"

var (
	testURI      string // "" when no Neo4j is available (non-CI only)
	testPassword string
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	testPassword = cmpOr(os.Getenv("NEO4J_TEST_PASSWORD"), os.Getenv("NEO4J_PASSWORD"), "newsgraph")
	testURI = os.Getenv("NEO4J_TEST_URI")
	if testURI == "" {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "neo4jstore: NEO4J_TEST_URI is not set and CI=true; run "+howTo)
			return 1
		}
		if !haveJava() {
			fmt.Println("neo4jstore: no Neo4j (NEO4J_TEST_URI unset, no java/mvn): skipping Neo4j tests; to run them: " + howTo)
			return m.Run()
		}
		canStart = true
	}
	code := m.Run()
	if private != nil {
		stop := exec.Command(script(), "stop")
		stop.Env = private.env
		stop.Stdout, stop.Stderr = os.Stderr, os.Stderr
		stop.Run()
		os.RemoveAll(private.state)
	}
	return code
}

var (
	canStart  bool          // NEO4J_TEST_URI unset, but java and mvn can run the launcher
	startOnce sync.Once     // the first test that needs Neo4j starts it
	startErr  error         // why the start failed
	private   *privateNeo4j // the server started for this run, if any
)

// startPrivate starts a server of this run's own (free port, temporary
// data), so that nothing else listening on the usual test port is wiped.
func startPrivate() {
	state, err := os.MkdirTemp("", "neo4jstore-test-")
	if err != nil {
		startErr = err
		return
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		startErr = err
		return
	}
	port := fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	p := &privateNeo4j{state: state, port: port,
		env: []string{"NEO4J_STATE=" + state, "NEO4J_PORT=" + port, "NEO4J_PASSWORD=" + testPassword}}
	p.env = append(os.Environ(), p.env...)
	fmt.Println("neo4jstore: NEO4J_TEST_URI unset: starting a private Neo4j with scripts/neo4j.sh on port " + port)
	cmd := exec.Command(script(), "start")
	cmd.Env = p.env
	if out, err := cmd.CombinedOutput(); err != nil {
		startErr = fmt.Errorf("scripts/neo4j.sh start: %v\n%s", err, out)
		os.RemoveAll(state)
		return
	}
	private = p
	testURI = "bolt://127.0.0.1:" + port
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func haveJava() bool {
	_, errJ := exec.LookPath("java")
	_, errM := exec.LookPath("mvn")
	return errJ == nil && errM == nil
}

// script is scripts/neo4j.sh, found from this package's directory.
func script() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "scripts", "neo4j.sh")
}

// needNeo4j skips a test when no Neo4j is available (never under CI, where
// TestMain has failed already).
func needNeo4j(t testing.TB) {
	t.Helper()
	if testURI == "" && canStart {
		startOnce.Do(startPrivate)
		if startErr != nil {
			t.Fatal(startErr)
		}
	}
	if testURI == "" {
		t.Skip("no Neo4j; " + howTo)
	}
}

var wipeMu sync.Mutex

// openClean opens a store on the shared test database and wipes it.
func openClean(t testing.TB) *Store {
	t.Helper()
	needNeo4j(t)
	s, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
	if err != nil {
		t.Fatalf("Open(%s): %v", testURI, err)
	}
	t.Cleanup(func() { s.Close() })
	wipe(t, s)
	return s
}

func wipe(t testing.TB, s *Store) {
	t.Helper()
	wipeMu.Lock()
	defer wipeMu.Unlock()
	// In transactions of bounded size: one transaction over a database a
	// load benchmark left would exceed Neo4j's transaction memory.
	ctx := context.Background()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatalf("wipe: %v", err)
	}
}

// count runs a Cypher query returning one integer n.
func count(t testing.TB, s *Store, q string) int {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%s: %d records", q, len(res.Records))
	}
	v, _ := res.Records[0].Get("n")
	n, _ := v.(int64)
	return int(n)
}

func TestConformance(t *testing.T) {
	needNeo4j(t)
	storetest.Run(t, func(t *testing.T) kg.Store {
		s, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
		if err != nil {
			t.Fatalf("Open(%s): %v", testURI, err)
		}
		wipe(t, s)
		return s
	})
}

func TestConformanceShared(t *testing.T) {
	needNeo4j(t)
	storetest.RunShared(t, func(t *testing.T) kg.Store { return openClean(t) },
		func(t *testing.T, _ kg.Store) kg.Store {
			s, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
			if err != nil {
				t.Fatalf("Open a second handle: %v", err)
			}
			return s
		})
}

// Fixtures of the Neo4j-only tests: articles that all mention two people
// and one organization, plus one person each.

var (
	idAmira = kg.EntityID(kg.Person, "Amira Haddad")
	idKarim = kg.EntityID(kg.Person, "Karim Nassar")
	idGuild = kg.EntityID(kg.Organization, "Harbour Workers Guild")
)

func sharedArticle(i int) *kg.Extraction {
	own := fmt.Sprintf("Person Number %d", i)
	ownID := kg.EntityID(kg.Person, own)
	text := fmt.Sprintf("Amira Haddad met with Karim Nassar. %s joined the Harbour Workers Guild. Story %d.", own, i)
	aid := kg.ArticleID(text)
	ev := func(sent string, c float64) kg.Evidence {
		st := strings.Index(text, sent)
		return kg.Evidence{ArticleID: aid, Text: sent, Start: st, End: st + len(sent), Extractor: "test", Confidence: c}
	}
	s1, s2 := "Amira Haddad met with Karim Nassar.", own+" joined the Harbour Workers Guild."
	return &kg.Extraction{
		Article: kg.Article{ID: aid, Title: fmt.Sprintf("Story %d", i), Source: "test", Published: fmt.Sprintf("2020-01-%02d", i%28+1), Text: text},
		Entities: []kg.Entity{
			{ID: idAmira, Type: kg.Person, Name: "Amira Haddad", Aliases: []string{fmt.Sprintf("Haddad %d", i)}, Mentions: []kg.Span{{Start: 0, End: 12}}},
			{ID: idKarim, Type: kg.Person, Name: "Karim Nassar", Mentions: []kg.Span{{Start: 22, End: 34}}},
			{ID: idGuild, Type: kg.Organization, Subtype: "ngo", Name: "Harbour Workers Guild"},
			{ID: ownID, Type: kg.Person, Name: own},
		},
		Relations: []kg.Relation{
			{ID: kg.RelationID(kg.MetWith, idAmira, idKarim), Type: kg.MetWith, Source: idAmira, Target: idKarim,
				Properties: map[string]string{"story": fmt.Sprint(i)}, Confidence: 0.8, Evidence: []kg.Evidence{ev(s1, 0.8)}},
			{ID: kg.RelationID(kg.MemberOf, ownID, idGuild), Type: kg.MemberOf, Source: ownID, Target: idGuild,
				Confidence: 0.7, Evidence: []kg.Evidence{ev(s2, 0.7)}},
		},
		Events: []kg.Event{{ID: kg.EventID(aid, "Meeting", "talks", 0), Type: "Meeting", Name: "talks", Date: "2020",
			Participants: []kg.Participant{{EntityID: idAmira, Role: "agent"}, {EntityID: idKarim, Role: "patient"}},
			Evidence:     []kg.Evidence{ev(s1, 0.8)}}},
		Quotes: []kg.Quote{{ID: kg.QuoteID(aid, 0), Speaker: idAmira, Text: "met", ArticleID: aid, Start: 0, End: 3}},
	}
}

// checkNoDuplicates asserts, with Cypher, that no id occurs on two nodes or
// two relationships and that the graph holds exactly the expected counts.
func checkNoDuplicates(t *testing.T, s *Store, articles, entities, relations int) {
	t.Helper()
	for _, q := range []string{
		`MATCH (n) WHERE n.id IS NOT NULL WITH labels(n)[0] AS l, n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n`,
		`MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n`,
		`MATCH (a:Article)-[m:MENTIONS]->(e) WITH a, e, count(m) AS c WHERE c > 1 RETURN count(*) AS n`,
		`MATCH (e:Entity)-[r:PARTICIPATED]->(o) WITH e, o, r.ord AS ord, count(r) AS c WHERE c > 1 RETURN count(*) AS n`,
	} {
		if n := count(t, s, q); n != 0 {
			t.Errorf("%s = %d duplicates, want 0", q, n)
		}
	}
	if n := count(t, s, `MATCH (a:Article) RETURN count(a) AS n`); n != articles {
		t.Errorf("articles = %d, want %d", n, articles)
	}
	if n := count(t, s, `MATCH (e:Entity) RETURN count(e) AS n`); n != entities {
		t.Errorf("entities = %d, want %d", n, entities)
	}
	if n := count(t, s, `MATCH ()-[r:`+relTypeAlt()+`]->() RETURN count(r) AS n`); n != relations {
		t.Errorf("relations = %d, want %d", n, relations)
	}
}

func TestNoDuplicatesAfterReloadAndConcurrentSaves(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	for range 2 {
		if _, err := s.SaveExtraction(ctx, sharedArticle(0)); err != nil {
			t.Fatal(err)
		}
	}
	// One article saved twice: 4 entities, 2 relations.
	checkNoDuplicates(t, s, 1, 4, 2)
	if n := count(t, s, `MATCH (:Entity {id: '`+idAmira+`'})-[r:MET_WITH]-() MATCH (x:Evidence {rel: r.id}) RETURN count(x) AS n`); n != 1 {
		t.Errorf("MET_WITH evidence after a reload = %d, want 1", n)
	}
	if n := count(t, s, `MATCH (:Entity {id: '`+idAmira+`'})-[r:MET_WITH]-() RETURN r.evCount AS n`); n != 1 {
		t.Errorf("MET_WITH evCount after a reload = %d, want 1", n)
	}

	// Two more articles at once, sharing three entities with each other and
	// with the first; repeated so that the saves really overlap.
	for round := range 3 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = s.SaveExtraction(ctx, sharedArticle(i+1))
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("round %d: concurrent saves: %v", round, err)
		}
	}
	// 3 shared + 3 own people; MET_WITH shared, one MEMBER_OF each.
	checkNoDuplicates(t, s, 3, 6, 4)
	checkEvidenceNodes(t, s)
	if n := count(t, s, `MATCH (:Entity {id: '`+idAmira+`'})-[r:MET_WITH]-() MATCH (x:Evidence {rel: r.id}) RETURN count(x) AS n`); n != 3 {
		t.Errorf("MET_WITH evidence after three articles = %d, want 3", n)
	}
	if n := count(t, s, `MATCH (:Entity {id: '`+idAmira+`'})-[r:MET_WITH]-() RETURN r.evCount AS n`); n != 3 {
		t.Errorf("MET_WITH evCount after three articles = %d, want 3", n)
	}
	e, err := s.Entities(ctx, []string{idAmira})
	if err != nil || e[0] == nil || len(e[0].Aliases) != 3 {
		t.Errorf("Amira after concurrent saves = %+v, %v; want 3 aliases", e, err)
	}
}

// TestGraphReadsNaturally checks the model analysts see in Neo4j Browser:
// labels per entity type, relationship types per relation, provenance.
func TestGraphReadsNaturally(t *testing.T) {
	s := openClean(t)
	x := sharedArticle(7)
	if _, err := s.SaveExtraction(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	checks := map[string]int{
		`MATCH (:Person:Entity {id: '` + idAmira + `'})-[:MET_WITH]->(:Person {id: '` + idKarim + `'}) RETURN count(*) AS n`: 1,
		`MATCH (:Organization:Entity {id: '` + idGuild + `'}) RETURN count(*) AS n`:                                          1,
		`MATCH (:Article {id: '` + x.Article.ID + `'})-[:MENTIONS]->(e:Entity) RETURN count(e) AS n`:                         4,
		`MATCH (e:Entity)-[:PARTICIPATED]->(:Occurrence)<-[:REPORTS]-(:Article) RETURN count(e) AS n`:                        2,
		`MATCH (:Person)-[:SAID]->(:Quote)<-[:HAS_QUOTE]-(:Article) RETURN count(*) AS n`:                                    1,
		// Evidence hangs off the fact by its id: its sentence and article.
		`MATCH ()-[r:MEMBER_OF]->() MATCH (x:Evidence {rel: r.id}) WHERE x.text ENDS WITH 'Guild.' AND x.article = '` + x.Article.ID + `' RETURN count(x) AS n`: 1,
	}
	for q, want := range checks {
		if n := count(t, s, q); n != want {
			t.Errorf("%s = %d, want %d", q, n, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, Config{URI: "http://127.0.0.1:7474"})
	if kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("Open(http://) = %v, want %s", err, kg.EInvalid)
	}
	// A port nobody listens on: unavailable, quickly, naming the URI but
	// never the password.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	uri := "bolt://" + l.Addr().String()
	l.Close()
	start := time.Now()
	_, err = Open(ctx, Config{URI: uri, Password: "s3cret-password", ConnectTimeout: 1500 * time.Millisecond})
	if kg.ErrorCode(err) != kg.EUnavailable {
		t.Fatalf("Open(%s) = %v, want %s", uri, err, kg.EUnavailable)
	}
	if kg.ErrorMessage(err) != "graph database unavailable" {
		t.Errorf("client message = %q", kg.ErrorMessage(err))
	}
	if !strings.Contains(err.Error(), uri) || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %q should name the URI and not the password", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Open gave up after %v, want about the 1.5s connect timeout", d)
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv("NEO4J_URI", "neo4j://db:7687")
	t.Setenv("NEO4J_USER", "u")
	t.Setenv("NEO4J_PASSWORD", "p")
	t.Setenv("NEO4J_DATABASE", "news")
	want := Config{URI: "neo4j://db:7687", User: "u", Password: "p", Database: "news"}
	if got := ConfigFromEnv(); got != want {
		t.Errorf("ConfigFromEnv() = %+v, want %+v", got, want)
	}
	t.Setenv("NEO4J_URI", "")
	if got := ConfigFromEnv(); got.URI != "bolt://127.0.0.1:7687" {
		t.Errorf("default URI = %q", got.URI)
	}
}

func TestErrorClassification(t *testing.T) {
	s := &Store{}
	cases := []struct {
		err  error
		code string
	}{
		{&neo4j.ConnectivityError{Inner: errors.New("connection refused")}, kg.EUnavailable},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{errors.New("x")}}, kg.EUnavailable},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, kg.EUnavailable},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, kg.EInternal},
		{kg.Errorf(kg.EConflict, "taken"), kg.EConflict},
	}
	for _, c := range cases {
		err := s.wrap("op", c.err)
		if got := kg.ErrorCode(err); got != c.code {
			t.Errorf("wrap(%T %v) code = %s, want %s", c.err, c.err, got, c.code)
		}
		if !errors.Is(err, c.err) && kg.ErrorCode(c.err) != c.code {
			t.Errorf("wrap(%v) lost its cause", c.err)
		}
	}
}

func TestRelRecDropAndAbsorb(t *testing.T) {
	r := &relRec{id: "rel:1", typ: kg.MetWith, src: "a", tgt: "b"}
	r.addArticle("article:2", 0.5)
	r.addArticle("article:1", 0.9)
	r.addProp("article:2", "k", "two")
	r.addProp("article:1", "k", "one")
	r.addEvidence("article:2", kg.Evidence{Text: "s2", Start: 5, End: 9, Extractor: "x", Confidence: 0.5})
	r.addEvidence("article:1", kg.Evidence{Text: "s1", Start: 0, End: 4, Extractor: "x", Confidence: 0.9})
	r.addEvidence("article:1", kg.Evidence{Text: "dup", Start: 0, End: 4, Extractor: "x", Confidence: 0.1})
	got := r.toKG()
	if got.Confidence != 0.9 || got.Properties["k"] != "one" || len(got.Evidence) != 2 ||
		got.Evidence[0].ArticleID != "article:1" || got.Evidence[0].Text != "s1" {
		t.Fatalf("toKG = %+v", got)
	}
	if !r.dropArticle("article:1") {
		t.Fatal("dropArticle removed the last article")
	}
	got = r.toKG()
	if got.Confidence != 0.5 || got.Properties["k"] != "two" || len(got.Evidence) != 1 {
		t.Errorf("after dropping article:1: %+v", got)
	}
	o := &relRec{id: "rel:2"}
	o.addArticle("article:2", 0.8)
	o.addProp("article:2", "k", "other")
	r.absorb(o)
	if got := r.toKG(); got.Confidence != 0.8 || got.Properties["k"] != "two" {
		t.Errorf("absorb: %+v (want higher confidence, own property kept)", got)
	}
	if r.dropArticle("article:2") {
		t.Error("dropArticle kept a relation with no article")
	}
}

func TestLuceneQuery(t *testing.T) {
	cases := map[string]string{
		"ira":             "ira*",
		"araji":           "(araji* OR araji~1)",
		"mobilization":    "(mobilization* OR mobilization~2)",
		"al araji qassim": "al* AND (araji* OR araji~1) AND (qassim* OR qassim~1)",
	}
	for in, want := range cases {
		if got := luceneQuery(in); got != want {
			t.Errorf("luceneQuery(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("ab ", 100)
	if n := strings.Count(luceneQuery(long), "ab*"); n != maxQueryWords {
		t.Errorf("a 100-word query gives %d clauses, want %d", n, maxQueryWords)
	}
}

// FuzzLuceneQuery feeds arbitrary search text through the fold and the
// full-text query builder: whatever a client types, the query holds only
// letters, digits and the builder's own syntax, so Lucene cannot reject it
// or read operators into it.
func FuzzLuceneQuery(f *testing.F) {
	for _, s := range []string{"Qassim al-Araji", "U.S.", "AND OR NOT", `a:b "c" (d) [e] {f} ^~*?\/`, "Müller's", "  ", "x~2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := luceneQuery(kg.FoldName(s))
		for _, tok := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(q)) {
			if tok == "OR" || tok == "AND" {
				continue
			}
			word := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(tok, "*"), "~1"), "~2")
			if word == "" {
				t.Fatalf("empty term in %q", q)
			}
			for _, r := range word {
				if !isLetterOrDigit(r) {
					t.Fatalf("query %q from %q has syntax character %q in a term", q, s, r)
				}
			}
			if word == "OR" || word == "AND" || word == "NOT" {
				t.Fatalf("query %q has an operator as a term", q)
			}
		}
	})
}

func isLetterOrDigit(r rune) bool {
	return strings.ContainsRune("0123456789", r) || (r != '*' && r != '~' && !strings.ContainsRune(`+-&|!(){}[]^"~*?:\/ `, r) && r > ' ')
}

// privateNeo4j is a launcher of the fault test's own, on its own port and
// data directory, so that killing it leaves the shared one alone.
type privateNeo4j struct {
	env   []string
	state string
	port  string
}

func (p *privateNeo4j) start(t *testing.T) {
	t.Helper()
	cmd := exec.Command(script(), "start")
	cmd.Env = append(os.Environ(), p.env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("start private Neo4j: %v\n%s", err, out)
	}
}

// kill stops the server abruptly (SIGKILL, no clean shutdown) and waits
// until its port refuses connections.
func (p *privateNeo4j) kill(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(p.state, "neo4j.pid"))
	if err != nil {
		t.Errorf("pid file: %v", err)
		return
	}
	var pid int
	fmt.Sscan(string(b), &pid)
	if pid <= 0 {
		t.Errorf("bad pid file %q", b)
		return
	}
	if proc, err := os.FindProcess(pid); err == nil {
		proc.Signal(os.Kill)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+p.port, 200*time.Millisecond)
		if err != nil {
			return
		}
		c.Close()
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("Neo4j on port %s still answers after SIGKILL", p.port)
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}

// TestOutageDuringSave kills Neo4j between a save's statements and its
// commit: the save fails as unavailable, nothing of it is visible after a
// restart, and the store opened before the outage works again.
func TestOutageDuringSave(t *testing.T) {
	needNeo4j(t)
	if !haveJava() {
		if os.Getenv("CI") == "true" {
			t.Fatal("the fault test needs java and mvn to run its own Neo4j")
		}
		t.Skip("the fault test needs java and mvn to run its own Neo4j")
	}
	ctx := context.Background()
	p := &privateNeo4j{state: t.TempDir(), port: freePort(t)}
	p.env = []string{"NEO4J_STATE=" + p.state, "NEO4J_PORT=" + p.port, "NEO4J_PASSWORD=" + testPassword}
	// Its data is thrown away, so a hard kill is the quickest stop.
	t.Cleanup(func() {
		if _, err := os.Stat(filepath.Join(p.state, "neo4j.pid")); err == nil {
			p.kill(t)
		}
	})
	t0 := time.Now()
	p.start(t)
	t.Logf("private Neo4j started in %v", time.Since(t0).Round(time.Millisecond))

	s, err := Open(ctx, Config{URI: "bolt://127.0.0.1:" + p.port, Password: testPassword, RetryTime: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SaveExtraction(ctx, sharedArticle(1)); err != nil {
		t.Fatal(err)
	}
	base, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	var once sync.Once
	testHookBeforeCommit = func() { once.Do(func() { p.kill(t) }) }
	defer func() { testHookBeforeCommit = nil }()
	x := sharedArticle(2)
	t0 = time.Now()
	_, err = s.SaveExtraction(ctx, x)
	t.Logf("save failed after %v: %v", time.Since(t0).Round(time.Millisecond), err)
	testHookBeforeCommit = nil
	if kg.ErrorCode(err) != kg.EUnavailable {
		t.Fatalf("save while Neo4j dies = %v, want %s", err, kg.EUnavailable)
	}
	if kg.ErrorMessage(err) != "graph database unavailable" {
		t.Errorf("client message = %q", kg.ErrorMessage(err))
	}
	// While it is down, reads fail the same way.
	t0 = time.Now()
	if _, err := s.Stats(ctx); kg.ErrorCode(err) != kg.EUnavailable {
		t.Errorf("Stats while Neo4j is down = %v, want %s", err, kg.EUnavailable)
	}
	t.Logf("Stats while down failed after %v", time.Since(t0).Round(time.Millisecond))

	t0 = time.Now()
	p.start(t)
	t.Logf("private Neo4j restarted in %v", time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	// The store opened before the outage recovers by itself.
	var st kg.Stats
	deadline := time.Now().Add(60 * time.Second)
	for {
		st, err = s.Stats(ctx)
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Stats after restart: %v", err)
	}
	t.Logf("store recovered %v after the restart", time.Since(t0).Round(time.Millisecond))
	if st != base {
		t.Errorf("after the failed save and a restart Stats = %+v, want %+v (nothing half-written)", st, base)
	}
	as, err := s.Articles(ctx, []string{x.Article.ID})
	if err != nil || as[0] != nil {
		t.Errorf("article of the failed save after restart = %v, %v; want none", as, err)
	}
	if _, err := s.SaveExtraction(ctx, x); err != nil {
		t.Fatalf("save after recovery: %v", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 2 {
		t.Errorf("Stats after recovery and save = %+v, %v; want 2 articles", st, err)
	}
}

// TestSearchAgreesWithSQLite loads one generated graph of look-alike names
// into this store and the embedded one and checks that every search —
// exact, prefix, substring, reordered words, typos — returns the same hits
// with the same scores in the same order: the full-text and text index
// candidates miss nothing that kg.MatchScore accepts.
func TestSearchAgreesWithSQLite(t *testing.T) {
	s := openClean(t)
	ref, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	syl := []string{"ka", "ra", "mi", "lo", "zan", "dor", "el", "ia", "bu", "ten", "sa", "hal", "qu", "ï", "é"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		r := []rune(b.String())
		return strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	name := func() string {
		ws := make([]string, 1+rng.IntN(3))
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, []string{" ", "-", " al-"}[rng.IntN(3)])
	}
	var names []string
	for a := range 4 {
		text := fmt.Sprintf("Generated article %d.", a)
		x := &kg.Extraction{Article: kg.Article{ID: kg.ArticleID(text), Title: text, Text: text}}
		seen := map[string]bool{}
		for range 60 {
			n := name()
			typ := kg.EntityTypes[rng.IntN(len(kg.EntityTypes))]
			id := kg.EntityID(typ, n)
			if seen[id] {
				continue
			}
			seen[id] = true
			var aliases []string
			if rng.IntN(2) == 0 {
				aliases = append(aliases, word())
			}
			x.Entities = append(x.Entities, kg.Entity{ID: id, Type: typ, Name: n, Aliases: aliases})
			names = append(names, n)
		}
		for _, st := range []kg.Store{s, ref} {
			if _, err := st.SaveExtraction(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
	}
	mutate := func(q string) string {
		r := []rune(q)
		if len(r) < 2 {
			return q
		}
		i := rng.IntN(len(r) - 1)
		switch rng.IntN(8) {
		case 0: // drop a letter
			return string(append(r[:i:i], r[i+1:]...))
		case 1: // swap two letters
			r[i], r[i+1] = r[i+1], r[i]
			return string(r)
		case 2: // change a letter
			r[i] = 'x'
			return string(r)
		case 3: // prefix
			return string(r[:1+i])
		case 4: // substring
			return string(r[i/2 : i+1])
		case 5: // words reordered
			f := strings.Fields(q)
			slices.Reverse(f)
			return strings.Join(f, " ")
		case 6: // one word, shouted
			f := strings.Fields(q)
			return strings.ToUpper(f[rng.IntN(len(f))])
		}
		return q
	}
	queries := []string{"ka", "zan", "dor el", "ïa", "e", "Ia-Ka"}
	for range 150 {
		queries = append(queries, mutate(mutate(names[rng.IntN(len(names))])))
	}
	for _, q := range queries {
		f := kg.EntityFilter{Query: q, First: kg.MaxPageSize}
		want, err := ref.FindEntities(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindEntities(ctx, f)
		if err != nil {
			t.Fatalf("FindEntities(%q): %v", q, err)
		}
		if g, w := hitSummary(got), hitSummary(want); g != w || got.Total != want.Total {
			t.Errorf("search %q:\nneo4j  (%d) %s\nsqlite (%d) %s", q, got.Total, g, want.Total, w)
		}
	}
}

func hitSummary(p *kg.EntityPage) string {
	var b strings.Builder
	for _, h := range p.Hits {
		fmt.Fprintf(&b, "%s(%q)=%.2f ", h.Entity.ID, h.Entity.Name, h.Score)
	}
	return b.String()
}

// TestAgreesWithSQLiteOnArticles loads the sample articles and the seed
// article through the real loader into this store and the embedded one,
// and compares every read for every entity; then again after a curation
// merge and a reload.
func TestAgreesWithSQLiteOnArticles(t *testing.T) {
	s := openClean(t)
	ref, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	ctx := context.Background()
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	seed := loader.Files([]string{"../../shared/articles/iraq-allies.txt"})
	srcs = append(srcs, seed...)
	for _, st := range []kg.Store{s, ref} {
		sum, err := loader.New(st).Load(ctx, srcs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Articles == 0 {
			t.Fatalf("loader saved no article: %+v", sum)
		}
	}
	compareStores(t, "after load", s, ref)

	// Merge the two most mentioned people, then reload everything.
	page, err := ref.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{kg.Person}, First: kg.MaxPageSize})
	if err != nil || len(page.Hits) < 2 {
		t.Fatalf("persons: %v, %v", page, err)
	}
	keep, drop := page.Hits[0].Entity.ID, page.Hits[1].Entity.ID
	for _, st := range []kg.Store{s, ref} {
		if _, err := st.MergeEntities(ctx, keep, drop, kg.Merge{}); err != nil {
			t.Fatal(err)
		}
		if _, err := loader.New(st).Load(ctx, srcs, nil); err != nil {
			t.Fatal(err)
		}
	}
	compareStores(t, "after merge and reload", s, ref)
}

// compareStores compares what both stores answer, as JSON.
func compareStores(t *testing.T, when string, got, want kg.Store) {
	t.Helper()
	ctx := context.Background()
	js := func(v any, err error) string {
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	same := func(what string, g, w string) {
		if g != w {
			t.Errorf("%s: %s differs\nneo4j:  %.600s\nsqlite: %.600s", when, what, g, w)
		}
	}
	st, err := want.Stats(ctx)
	t.Logf("%s: comparing a graph of %+v", when, st)
	same("Stats", js(got.Stats(ctx)), js(st, err))
	gp, err := got.FindEntities(ctx, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	wp, err := want.FindEntities(ctx, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	same("entity listing", js(gp, nil), js(wp, nil))
	var ids []string
	for _, h := range wp.Hits {
		ids = append(ids, h.Entity.ID)
	}
	all := kg.RelationFilter{IncludeRetracted: true}
	same("Relations", js(got.Relations(ctx, ids, all)), js(want.Relations(ctx, ids, all)))
	same("ArticlesOfEntities", js(got.ArticlesOfEntities(ctx, ids)), js(want.ArticlesOfEntities(ctx, ids)))
	same("EventsOfEntities", js(got.EventsOfEntities(ctx, ids)), js(want.EventsOfEntities(ctx, ids)))
	same("QuotesOfEntities", js(got.QuotesOfEntities(ctx, ids)), js(want.QuotesOfEntities(ctx, ids)))
	same("ListArticles", js(got.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize})),
		js(want.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize})))
	same("ListEvents", js(got.ListEvents(ctx, kg.EventFilter{First: kg.MaxPageSize})),
		js(want.ListEvents(ctx, kg.EventFilter{First: kg.MaxPageSize})))
	same("ListRelations", js(got.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize, IncludeRetracted: true})),
		js(want.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize, IncludeRetracted: true})))
	for _, q := range []string{"iraq", "Araji", "ministry", "Badr", "al", "Hashd al-Shaabi", "Fuk"} {
		f := kg.EntityFilter{Query: q, First: kg.MaxPageSize}
		same("search "+q, js(got.FindEntities(ctx, f)), js(want.FindEntities(ctx, f)))
	}
}

// loadSamples fills a wiped store with the sample articles and the seed
// article for the benchmarks.
func loadSamples(b *testing.B, s *Store) []loader.Source {
	b.Helper()
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		b.Fatal(err)
	}
	seed := loader.Files([]string{"../../shared/articles/iraq-allies.txt"})
	srcs = append(srcs, seed...)
	if _, err := loader.New(s).Load(context.Background(), srcs, nil); err != nil {
		b.Fatal(err)
	}
	return seed
}

// BenchmarkSaveExtraction reloads the seed article: one write transaction
// that removes the article's previous share and writes it again.
func BenchmarkSaveExtraction(b *testing.B) {
	s := openClean(b)
	seed := loadSamples(b, s)
	a, err := seed[0].Read()
	if err != nil {
		b.Fatal(err)
	}
	x, err := loader.Extract(seed[0].Name, []byte(a.Text))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	stmts := countStatements(b)
	b.Run("reload", func(b *testing.B) {
		b.ReportAllocs()
		*stmts = statementStats{}
		for b.Loop() {
			if _, err := s.SaveExtraction(ctx, x); err != nil {
				b.Fatal(err)
			}
		}
		stmts.report(b)
		b.ReportMetric(float64(len(x.Entities)), "entities/op")
	})
	b.Run("new-article", func(b *testing.B) {
		b.ReportAllocs()
		*stmts = statementStats{}
		i := 0
		for b.Loop() {
			y := renamed(x, fmt.Sprintf("article:bench-%d", i))
			i++
			if _, err := s.SaveExtraction(ctx, y); err != nil {
				b.Fatal(err)
			}
		}
		stmts.report(b)
	})
}

// renamed copies x as another article with the same facts.
func renamed(x *kg.Extraction, aid string) *kg.Extraction {
	y := *x
	y.Article.ID = aid
	y.Relations = slices.Clone(x.Relations)
	for i := range y.Relations {
		r := &y.Relations[i]
		r.Evidence = slices.Clone(r.Evidence)
		for j := range r.Evidence {
			r.Evidence[j].ArticleID = aid
		}
	}
	y.Events, y.Quotes = nil, nil // their ids embed the article's
	return &y
}

// statementStats counts statements (round trips) and their time by query,
// and the time of each query's first call (planning, compiling).
type statementStats struct {
	n     int
	time  map[string]time.Duration
	first map[string]time.Duration
	calls map[string]int
}

// countStatements installs testHookRun for the benchmark's duration.
func countStatements(b *testing.B) *statementStats {
	st := &statementStats{}
	testHookRun = func(q string, d time.Duration) {
		st.n++
		if st.time == nil {
			st.time, st.first, st.calls = map[string]time.Duration{}, map[string]time.Duration{}, map[string]int{}
		}
		if _, ok := st.first[q]; !ok {
			st.first[q] = d
		}
		st.time[q] += d
		st.calls[q]++
	}
	b.Cleanup(func() { testHookRun = nil })
	return st
}

// report adds statements/op and, with NEO4J_BENCH_STATEMENTS set, logs
// the slowest statements.
func (st *statementStats) report(b *testing.B) {
	b.ReportMetric(float64(st.n)/float64(b.N), "statements/op")
	if os.Getenv("NEO4J_BENCH_STATEMENTS") == "" {
		return
	}
	var all, first time.Duration
	for q, d := range st.time {
		all += d
		first += st.first[q]
	}
	b.Logf("%d statements in all, %.1f s; %d texts, their first calls %.1f s", st.n, all.Seconds(), len(st.time), first.Seconds())
	type qt struct {
		q string
		d time.Duration
	}
	var l []qt
	for q, d := range st.time {
		l = append(l, qt{q, d})
	}
	slices.SortFunc(l, func(a, b qt) int { return int(b.d - a.d) })
	for _, x := range l[:min(12, len(l))] {
		b.Logf("%8.2f ms/op %6d calls (first %6.0f ms)  %.120q", float64(x.d.Microseconds())/1000/float64(b.N), st.calls[x.q],
			float64(st.first[x.q].Microseconds())/1000, x.q)
	}
}

// BenchmarkFindEntitiesSearch is a typo search over the loaded graph.
func BenchmarkFindEntitiesSearch(b *testing.B) {
	s := openClean(b)
	loadSamples(b, s)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.FindEntities(ctx, kg.EntityFilter{Query: "Arajy"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelations reads the relations of every entity in one batch, as a
// dataloader does.
func BenchmarkRelations(b *testing.B) {
	s := openClean(b)
	loadSamples(b, s)
	ctx := context.Background()
	p, err := s.FindEntities(ctx, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(p.Hits))
	for i, h := range p.Hits {
		ids[i] = h.Entity.ID
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Relations(ctx, ids, kg.RelationFilter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ids)), "entities/op")
}

// TestRoutingScheme opens the store through neo4j:// (routing driver) on a
// single server, as the compose file and cloud setups do.
func TestRoutingScheme(t *testing.T) {
	needNeo4j(t)
	if !strings.HasPrefix(testURI, "bolt://") {
		t.Skipf("NEO4J_TEST_URI %s is not bolt://", testURI)
	}
	ctx := context.Background()
	s, err := Open(ctx, Config{URI: "neo4j://" + strings.TrimPrefix(testURI, "bolt://"), Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Stats(ctx); err != nil {
		t.Errorf("Stats through neo4j://: %v", err)
	}
}

// TestWrongPassword fails at once (no retry loop: waiting does not fix
// credentials), as unavailable, without the password in the message.
func TestWrongPassword(t *testing.T) {
	needNeo4j(t)
	if testPassword == "" {
		t.Skip("the test server runs without authentication")
	}
	start := time.Now()
	_, err := Open(context.Background(), Config{URI: testURI, Password: "wrong-password-1", ConnectTimeout: 20 * time.Second})
	if kg.ErrorCode(err) != kg.EUnavailable {
		t.Fatalf("Open with a wrong password = %v, want %s", err, kg.EUnavailable)
	}
	if strings.Contains(err.Error(), "wrong-password-1") {
		t.Errorf("error %q shows the password", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("wrong password took %v to report; it should not be retried", d)
	}
}

// TestRecordsTolerateBrokenLists reads property maps whose parallel lists
// disagree in length (as a manual edit in Neo4j Browser could leave them)
// without panicking.
func TestRecordsTolerateBrokenLists(t *testing.T) {
	r := relFromProps("MET_WITH", "a", "b", "", map[string]any{
		"id": "rel:x", "articles": []any{"article:1", "article:2"}, "articleConf": []any{0.5},
		"propKey": []any{"k"}, "ev": []any{"not a map"},
	})
	got := r.toKG()
	if got.Confidence != 0.5 || len(got.Evidence) != 1 || got.Evidence[0].Text != "" || len(got.Properties) != 0 {
		t.Errorf("broken relation lists read as %+v", got)
	}
	e := eventFromProps(map[string]any{"id": "event:x", "partEntity": []any{"a", "b"}, "partRole": []any{"agent"},
		"evArticle": []any{"article:1"}})
	if len(e.Participants) != 1 || len(e.Evidence) != 0 {
		t.Errorf("broken event lists read as %+v", e)
	}
}

// BenchmarkLoad loads generated articles into an emptied database
// (storetest.BenchLoad; sizes from BENCH_LOAD_SIZES), one size after the
// other, and logs the statements each size sent per article loaded and
// the CPU Neo4j spent per article (a metric of this benchmark would not be
// printed: only its sizes' are). Open's statements (Store.warm) are not
// counted; its time is logged. NEO4J_BENCH_STATEMENTS=1 logs the
// statements that took the most time. Every tenth of a load logs its rate
// and CPU, and the first and the last tenth their statements' calls and
// time per article, with db hits when NEO4J_BENCH_PROFILE=k sends one call
// in k with PROFILE (loadWatch).
func BenchmarkLoad(b *testing.B) {
	open := func(b *testing.B) *Store {
		needNeo4j(b)
		hook := testHookRun
		testHookRun = nil
		defer func() { testHookRun = hook }()
		s, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
		if err != nil {
			b.Fatalf("Open(%s): %v", testURI, err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	probe := open(b) // reads Neo4j's CPU time
	for _, n := range storetest.LoadSizes(b) {
		stmts, runs := countStatements(b), 0
		var cpu time.Duration
		var w *loadWatch
		storetest.BenchLoad(b, func(b *testing.B) kg.Store {
			if runs++; runs > 1 {
				cpu += neo4jCPU(b, probe)
			}
			// Emptied first, so that Open plans on the graph the load
			// starts from, as a load's Open does.
			wipe(b, probe)
			t0 := time.Now()
			s := open(b)
			// Open plans the load's statements (Store.warm); the load's
			// time does not include it, so it is said here.
			b.Logf("articles=%d: Open %.2f s", n, time.Since(t0).Seconds())
			cpu -= neo4jCPU(b, probe)
			w = newLoadWatch(b, probe, n)
			return watchedStore{Store: s, w: w}
		}, n)
		cpu += neo4jCPU(b, probe)
		b.Logf("articles=%d: %.2f statements/article, Neo4j CPU %.2f ms/article", n,
			float64(stmts.n)/float64(n*max(runs, 1)), float64(cpu.Microseconds())/1000/float64(n*max(runs, 1)))
		stmts.report(b)
		if w != nil {
			w.report(b)
		}
	}
}

// neo4jCPU is the CPU time the Neo4j server's process has used, every
// core together, read from its JVM.
func neo4jCPU(tb testing.TB, s *Store) time.Duration {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, `CALL dbms.queryJmx('java.lang:type=OperatingSystem')
		YIELD attributes RETURN attributes.ProcessCpuTime.value AS ns`, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil || len(res.Records) != 1 {
		tb.Fatalf("Neo4j's CPU time: %v", err)
	}
	v, _ := res.Records[0].Get("ns")
	ns, _ := v.(int64)
	return time.Duration(ns)
}

// TestSaveBatchStatements: a batch of new articles costs a fixed number of
// statements, whatever its size (each kind of fact is one UNWIND for the
// whole batch), where saving article by article costs a score each.
func TestSaveBatchStatements(t *testing.T) {
	arts := gen.Articles(3, 48)
	xs := make([]*kg.Extraction, len(arts))
	for i, a := range arts {
		x, err := loader.Extract(a.Name, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		xs[i] = x
	}
	count := func(xs []*kg.Extraction) int {
		s := openClean(t)
		n := 0
		testHookRun = func(string, time.Duration) { n++ }
		defer func() { testHookRun = nil }()
		if _, err := s.SaveExtractions(context.Background(), xs); err != nil {
			t.Fatalf("SaveExtractions of %d articles: %v", len(xs), err)
		}
		return n
	}
	small, large := count(xs[:6]), count(xs)
	t.Logf("statements: %d for 6 articles, %d for %d", small, large, len(xs))
	if large > small || large > 12 {
		t.Errorf("a batch of %d articles took %d statements, one of %d took %d: want the same handful (at most 12)",
			len(xs), large, 6, small)
	}
}

// TestMergeStatements: folding a node into another moves its relations in
// a fixed number of statements, whatever their number (they were moved
// one at a time, four or five statements each).
func TestMergeStatements(t *testing.T) {
	ctx := context.Background()
	// keep and drop, with n people each met by drop (and, for the first,
	// by keep too, so that one relation folds into an existing one).
	article := func(n int) *kg.Extraction {
		const aid = "article:merge-statements"
		keep, drop := "person:keep", "person:drop"
		x := &kg.Extraction{Article: kg.Article{ID: aid, Text: fmt.Sprintf("%d meetings", n)},
			Entities: []kg.Entity{{ID: keep, Type: kg.Person, Name: "Keep"}, {ID: drop, Type: kg.Person, Name: "Drop"}}}
		met := func(a, b string) {
			x.Relations = append(x.Relations, kg.Relation{ID: kg.RelationID(kg.MetWith, a, b), Type: kg.MetWith, Source: a, Target: b,
				Confidence: 0.5, Evidence: []kg.Evidence{{ArticleID: aid, Text: "They met.", Start: 0, End: 9, Extractor: "test", Confidence: 0.5}}})
		}
		met(keep, drop) // a self-loop after the merge
		for i := range n {
			o := fmt.Sprintf("person:other-%d", i)
			x.Entities = append(x.Entities, kg.Entity{ID: o, Type: kg.Person, Name: fmt.Sprintf("Other %d", i)})
			met(drop, o)
			if i == 0 {
				met(keep, o)
			}
		}
		return x
	}
	count := func(n int) int {
		s := openClean(t)
		if _, err := s.SaveExtraction(ctx, article(n)); err != nil {
			t.Fatalf("SaveExtraction: %v", err)
		}
		k := 0
		testHookRun = func(string, time.Duration) { k++ }
		defer func() { testHookRun = nil }()
		if _, err := s.MergeEntities(ctx, "person:keep", "person:drop", kg.Merge{Curation: kg.Curation{Actor: "test"}}); err != nil {
			t.Fatalf("MergeEntities: %v", err)
		}
		testHookRun = nil
		rels, err := s.Relations(ctx, []string{"person:keep"}, kg.RelationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rels[0]) != n {
			t.Errorf("after the merge keep has %d relations, want %d", len(rels[0]), n)
		}
		checkEvidenceNodes(t, s)
		// The relation that folded into keep's own has its one sentence
		// once (the same article, offsets and extractor).
		if k := count(t, s, `MATCH (x:Evidence {rel: '`+kg.RelationID(kg.MetWith, "person:keep", "person:other-0")+`'}) RETURN count(x) AS n`); k != 1 {
			t.Errorf("the folded relation has %d evidence nodes, want 1", k)
		}
		return k
	}
	small, large := count(3), count(40)
	t.Logf("statements: %d for a merge moving 4 relations, %d for 41", small, large)
	if large != small {
		t.Errorf("a merge moving 41 relations took %d statements, one moving 4 took %d: want the same", large, small)
	}
}

// TestOpenWritesNothing: Open's warm-up (Store.warm) saves, folds and
// reloads made-up articles, and rolls all of it back: the graph Open
// leaves is the graph it found.
func TestOpenWritesNothing(t *testing.T) {
	s := openClean(t) // emptied after its own Open
	var merged bool
	testHookRun = func(q string, _ time.Duration) { merged = merged || strings.Contains(q, "CREATE (:MergeRecord") }
	defer func() { testHookRun = nil }()
	s2, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
	if err != nil {
		t.Fatalf("Open(%s): %v", testURI, err)
	}
	s2.Close()
	testHookRun = nil
	if !merged {
		t.Fatal("Open's warm-up did not reach its fold: nothing was written to roll back")
	}
	// The one node Open may write is its record that the database's
	// evidence is converted (backfillEvidence).
	if n := count(t, s, `MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n`); n != 0 {
		t.Errorf("Open left %d nodes in an empty database, want 0", n)
	}
	if n := count(t, s, `MATCH ()-[r]->() RETURN count(r) AS n`); n != 0 {
		t.Errorf("Open left %d relationships in an empty database, want 0", n)
	}
}

// TestEvidenceBackfill: a relation written before evidence had nodes of its
// own (parallel lists on the relationship) reads with its evidence after
// Open, which moves the lists to Evidence nodes.
func TestEvidenceBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, `CREATE (a:Entity:Person {id: 'person:old-a', type: 'Person', name: 'Old A'})
		CREATE (b:Entity:Person {id: 'person:old-b', type: 'Person', name: 'Old B'})
		CREATE (a)-[:MET_WITH {id: 'rel:old', confidence: 0.7, retracted: false, retractReason: '',
			articles: ['article:old'], articleConf: [0.7], propArticle: [], propKey: [], propValue: [],
			evArticle: ['article:old', 'article:old'], evText: ['A met B.', 'They met again.'], evStart: [0, 9],
			evEnd: [8, 24], evExtractor: ['rules', 'rules'], evConfidence: [0.7, 0.6]}]->(b)`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, Config{URI: testURI, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	rs, err := s2.RelationsByID(ctx, []string{"rel:old"})
	if err != nil || rs[0] == nil {
		t.Fatalf("RelationsByID after the backfill: %v, %v", rs, err)
	}
	ev := rs[0].Evidence
	if len(ev) != 2 || ev[0].Text != "A met B." || ev[1].Text != "They met again." || ev[1].Start != 9 || ev[1].End != 24 ||
		ev[1].Confidence != 0.6 || ev[1].Extractor != "rules" || ev[1].ArticleID != "article:old" {
		t.Errorf("evidence after the backfill = %+v, want the two sentences", ev)
	}
	if n := count(t, s, `MATCH ()-[r {id: 'rel:old'}]->() WHERE r.evText IS NULL RETURN r.evCount AS n`); n != 2 {
		t.Errorf("evCount after the backfill = %d, want 2 (and no lists left)", n)
	}
}

// TestEvidenceMigrationRecorded: once Open found no evidence left to move
// to its nodes, later Opens do not look for it again (the search reads
// every relationship), and a database with the record is left as it is.
func TestEvidenceMigrationRecorded(t *testing.T) {
	s := openClean(t) // emptied after its own Open
	ctx := context.Background()
	if _, err := s.SaveExtraction(ctx, sharedArticle(0)); err != nil {
		t.Fatal(err)
	}
	scans := 0
	testHookRun = func(q string, _ time.Duration) {
		if strings.Contains(q, "r.evArticle IS NOT NULL") {
			scans++
		}
	}
	defer func() { testHookRun = nil }()
	for i := range 2 {
		s2, err := Open(ctx, Config{URI: testURI, Password: testPassword})
		if err != nil {
			t.Fatal(err)
		}
		s2.Close()
		if want := 1 - i; scans != want {
			t.Errorf("Open %d looked for evidence to move %d times, want %d", i+1, scans, want)
		}
		scans = 0
	}
	if n := count(t, s, `MATCH (m:Migration {name: 'evidence-nodes'}) RETURN count(m) AS n`); n != 1 {
		t.Errorf("%d records of the evidence migration, want 1", n)
	}
}

// checkEvidenceNodes fails unless every Evidence node belongs to a
// relationship and every relationship's evCount counts its nodes.
func checkEvidenceNodes(t *testing.T, s *Store) {
	t.Helper()
	if n := count(t, s, `MATCH (x:Evidence) WHERE NOT EXISTS { MATCH ()-[r]->() WHERE r.id = x.rel } RETURN count(x) AS n`); n != 0 {
		t.Errorf("%d evidence nodes belong to no relation", n)
	}
	if n := count(t, s, `MATCH ()-[r]->() WHERE r.evCount IS NOT NULL AND r.evCount <> COUNT { (x:Evidence {rel: r.id}) }
		RETURN count(r) AS n`); n != 0 {
		t.Errorf("%d relations whose evCount is not their number of evidence nodes", n)
	}
}
