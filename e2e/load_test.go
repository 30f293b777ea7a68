package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
	"github.com/newsgraph/newsgraph/samples"
)

// TestLoadSamplesFolder loads the repository's samples folder, answer keys
// and all: the articles load, each answer key is named as skipped (not an
// article), and the exit status is 0.
func TestLoadSamplesFolder(t *testing.T) {
	dir := t.TempDir()
	r := mustRun(t, "load", "--data", dir, "../samples")
	n := len(samples.Names())
	m := summaryRE.FindStringSubmatch(r.stdout)
	if m == nil || m[1] != fmt.Sprint(n) || m[2] != fmt.Sprint(n) || m[6] != fmt.Sprint(n) {
		t.Errorf("summary %q, want %d of %d articles and %d skipped", r.stdout, n, n, n)
	}
	for _, name := range samples.Names() {
		gold := filepath.Join("../samples/gold", samples.GoldName(name))
		if !strings.Contains(r.stderr, gold+": skipped: not an article") {
			t.Errorf("stderr does not name %s as not an article:\n%s", gold, r.stderr)
		}
	}
	if st := statsOf(t, dir); st.Articles != n {
		t.Errorf("store holds %d articles, want %d", st.Articles, n)
	}
}

// TestLoadGoesOnPastBadPaths names every path it cannot use — missing, an
// unsupported file, a file where a folder is expected, a dangling link —
// loads the rest (through a link, past a link loop) and exits non-zero.
func TestLoadGoesOnPastBadPaths(t *testing.T) {
	in := t.TempDir()
	seed, err := filepath.Abs(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(in, "report.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(in, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for target, name := range map[string]string{
		seed:                               "seed.txt",
		filepath.Join(in, "gone.txt"):      "dangling.txt",
		folder:                             "loop",
		filepath.Join(in, "notthere", "x"): "dangling-dir",
	} {
		if err := os.Symlink(target, filepath.Join(folder, name)); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(in, "missing.txt")
	notDir := pdf + "/article.txt"
	data := t.TempDir()
	r := run(t, "load", "--data", data, missing, pdf, folder, notDir)
	if r.code == 0 {
		t.Errorf("exit status 0 with bad paths; want non-zero")
	}
	checkBadMessages(t, r.stderr, []struct{ path, reason string }{
		{missing, "no such file"},
		{pdf, "unsupported file type"},
		{notDir, "cannot read"},
		{filepath.Join(folder, "dangling.txt"), "broken symbolic link"},
		{filepath.Join(folder, "dangling-dir"), "broken symbolic link"},
		{filepath.Join(folder, "loop"), "already read"},
	})
	if m := summaryRE.FindStringSubmatch(r.stdout); m == nil || m[1] != "1" {
		t.Errorf("summary %q, want 1 article loaded", r.stdout)
	}
	if st := statsOf(t, data); st.Articles != 1 {
		t.Errorf("store holds %d articles, want the seed article", st.Articles)
	}
}

// TestLoadRelativeData gives --data as a relative path.
func TestLoadRelativeData(t *testing.T) {
	wd := t.TempDir()
	seed, err := filepath.Abs(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, wd, "load", "--data", "data", seed)
	if r.code != 0 {
		t.Fatalf("load --data data: exit %d\n%s", r.code, r.stderr)
	}
	if st := statsOf(t, filepath.Join(wd, "data")); st.Articles != 1 {
		t.Errorf("store under ./data holds %+v", st)
	}
}

// progressLine is one line of `load --progress=json`.
type progressLine struct {
	File      *string `json:"file"`
	Article   string  `json:"article"`
	Status    *string `json:"status"`
	Entities  int     `json:"entities"`
	Relations int     `json:"relations"`
	Error     string  `json:"error"`
	Summary   *struct {
		Loaded, Failed, Skipped, Entities, Relations int
		NotLoaded                                    int `json:"not_loaded"`
		Stopped                                      string
	} `json:"summary"`
}

func parseProgress(t *testing.T, out string) (lines []progressLine, sum progressLine) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var l progressLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("stdout line is not JSON: %v: %s", err, sc.Text())
		}
		if l.Summary != nil {
			sum = l
			continue
		}
		if l.File == nil || l.Status == nil {
			t.Fatalf("progress line without file or status: %s", sc.Text())
		}
		lines = append(lines, l)
	}
	if sum.Summary == nil {
		t.Fatalf("no summary line on stdout:\n%s", out)
	}
	return lines, sum
}

func TestLoadProgressJSON(t *testing.T) {
	data := t.TempDir()
	missing := filepath.Join(t.TempDir(), "missing.txt")
	r := run(t, "load", "--progress=json", "--data", data, seedArticle, missing)
	if r.code == 0 {
		t.Error("exit status 0 with a missing file")
	}
	lines, sum := parseProgress(t, r.stdout)
	if len(lines) != 2 {
		t.Fatalf("%d progress lines, want 2:\n%s", len(lines), r.stdout)
	}
	byFile := map[string]progressLine{}
	for _, l := range lines {
		byFile[*l.File] = l
	}
	st := statsOf(t, data)
	if l := byFile[seedArticle]; *l.Status != "loaded" || !strings.HasPrefix(l.Article, "article:") || l.Entities != st.Entities || l.Error != "" {
		t.Errorf("seed line %+v, want loaded with its article id and %d entities", l, st.Entities)
	}
	if l := byFile[missing]; *l.Status != "failed" || !strings.Contains(l.Error, "no such file") {
		t.Errorf("missing line %+v, want failed with the reason", l)
	}
	if s := sum.Summary; s.Loaded != 1 || s.Failed != 1 || s.Entities != st.Entities {
		t.Errorf("summary %+v", s)
	}
}

// copies writes n copies of the sample articles under distinct names, so a
// load has many articles to go through.
func copies(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		for _, name := range samples.Names() {
			b, err := samples.Read(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d-%s", i, name)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestLoadSIGTERMPrintsSummary stops a long load with SIGTERM once the first
// article has landed: it exits non-zero with a summary that matches the
// store and names every file that did not load.
func TestLoadSIGTERMPrintsSummary(t *testing.T) {
	in := copies(t, 100)
	data := t.TempDir()
	cmd := exec.Command(binary, "load", "--progress=json", "--data", data, in)
	cmd.Env = cleanEnv(t)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	br := bufio.NewReader(out)
	first, err := br.ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		t.Fatalf("no first progress line: %v\nstderr: %s", err, stderr.String())
	}
	stdout.WriteString(first)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(&stdout, br); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() == 0 {
		t.Errorf("exit after SIGTERM: %v, want a non-zero status", err)
	}
	lines, sum := parseProgress(t, stdout.String())
	s := sum.Summary
	total := 100 * len(samples.Names())
	if len(lines) != total || s.Loaded+s.Failed+s.NotLoaded != total || s.NotLoaded == 0 {
		t.Fatalf("%d progress lines, summary %+v; want one line per file (%d) and some not loaded", len(lines), s, total)
	}
	if !strings.Contains(s.Stopped, "interrupted") {
		t.Errorf("summary says stopped %q, want interrupted", s.Stopped)
	}
	loaded := 0
	for _, l := range lines {
		if *l.Status == "loaded" {
			loaded++
		}
	}
	if st := statsOf(t, data); loaded != s.Loaded || st.Articles != s.Loaded {
		t.Errorf("%d lines say loaded, summary %d, store %d articles", loaded, s.Loaded, st.Articles)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say the load was interrupted:\n%s", stderr.String())
	}
}

func TestExtractFolderAndOneParagraph(t *testing.T) {
	dir := t.TempDir()
	r := run(t, "extract", dir)
	if r.code == 0 || !strings.Contains(r.stderr, dir+" is a folder") || !strings.Contains(r.stderr, "one article file") {
		t.Errorf("extract on a folder: exit %d, stderr %q", r.code, r.stderr)
	}
	one := filepath.Join(dir, "one.txt")
	if err := os.WriteFile(one, []byte("Ambassador Ruth Ellison met the interior minister, Karim al-Haddad, in Baghdad on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = mustRun(t, "extract", one)
	if !strings.Contains(r.stdout, "Ruth Ellison") {
		t.Errorf("extract of a one-paragraph file found no people:\n%s", r.stdout)
	}
}

// TestMaxArticleBytes sets the article size limit by flag and
// by environment, for load and extract.
func TestMaxArticleBytes(t *testing.T) {
	r := run(t, "extract", "--max-article-bytes", "1000", seedArticle)
	if r.code == 0 || !strings.Contains(r.stderr, "too large (more than 1000 bytes)") {
		t.Errorf("extract over a 1000-byte limit: exit %d, %s", r.code, r.stderr)
	}
	r = run(t, "load", "--data", t.TempDir(), "--max-article-bytes", "1000", seedArticle)
	if r.code == 0 || !strings.Contains(r.stderr, "too large") {
		t.Errorf("load over a 1000-byte limit: exit %d, %s", r.code, r.stderr)
	}
	// The limit is the file's size exactly: accepted, one byte less: refused.
	st, err := os.Stat(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "extract", "--max-article-bytes", fmt.Sprint(st.Size()), seedArticle)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "extract", seedArticle)
	cmd.Env = append(cleanEnv(t), fmt.Sprintf("NEWSGRAPH_MAX_ARTICLE_BYTES=%d", st.Size()-1))
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errb
	if err := cmd.Run(); err == nil || !strings.Contains(errb.String(), "too large") {
		t.Errorf("NEWSGRAPH_MAX_ARTICLE_BYTES one byte under the file: %v, %s", err, errb.String())
	}
}

// proxy forwards TCP connections to target until closed; close also cuts
// the connections it carries, as a database going down does.
type proxy struct {
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
	t.Cleanup(p.close)
	return p
}

func (p *proxy) close() {
	p.l.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestLoadStopsWhenNeo4jGoesAway cuts the Neo4j store off (its port closed)
// after the first article lands: the load stops at the next failure, says
// the store is unavailable, and reports the rest as not loaded instead of
// trying each.
func TestLoadStopsWhenNeo4jGoesAway(t *testing.T) {
	cfg := neo4jConfig(t)
	host := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "bolt://"), "neo4j://")
	p := newProxy(t, host)
	cfg.URI = "bolt://" + p.l.Addr().String()
	cfg.RetryTime = 2 * time.Second
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srcs := loader.Files([]string{copies(t, 3)})
	var statuses []loader.Status
	sum, err := loader.New(store).Load(ctx, srcs, func(r loader.Result) {
		statuses = append(statuses, r.Status)
		if len(statuses) == 1 {
			p.close()
		}
	})
	if kg.ErrorCode(err) != kg.EUnavailable || !strings.Contains(err.Error(), "unavailable") {
		t.Fatalf("load error %v, want the store unavailable", err)
	}
	if statuses[0] != loader.Loaded || statuses[1] != loader.Failed || sum.Articles != 1 || sum.Failed != 1 || sum.NotLoaded != len(srcs)-2 {
		t.Errorf("statuses %v, summary %+v; want 1 loaded, 1 failed, the rest not loaded", statuses, sum)
	}
}
