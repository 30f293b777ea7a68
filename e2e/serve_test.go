package e2e

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/samples"
)

// whoDetainedAraji asks who detained Qassim al-Araji, with the sentence.
const whoDetainedAraji = `query Who($id: ID!) {
  entity(id: $id) {
    id
    name
    detainedBy { id name }
    relations(direction: IN, types: [DETAINED]) {
      id type confidence
      source { id name }
      target { id name }
      properties { key value }
      evidence { text start end extractor confidence article { id title } }
    }
  }
}`

func TestServeRestartDurability(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "load", "--data", dir, seedArticle)
	client := &http.Client{Timeout: 30 * time.Second}
	vars := map[string]any{"id": "person:qassim-al-araji"}

	first := startServer(t, dir, "--no-samples")
	before := postQuery(t, client, first.url, whoDetainedAraji, vars)
	first.stop(t)

	var resp struct {
		Data struct {
			Entity *struct {
				Name       string
				DetainedBy []struct{ ID, Name string }
				Relations  []struct {
					Source   struct{ ID string }
					Evidence []struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal(before, &resp); err != nil {
		t.Fatalf("decode %s: %v", before, err)
	}
	e := resp.Data.Entity
	if e == nil {
		t.Fatalf("no entity person:qassim-al-araji: %s", before)
	}
	us := false
	for _, d := range e.DetainedBy {
		us = us || (d.ID == "location:united-states" && d.Name == "United States")
	}
	if !us {
		t.Errorf("detainedBy of %s = %+v, want the United States", e.Name, e.DetainedBy)
	}
	sentence := false
	for _, r := range e.Relations {
		for _, ev := range r.Evidence {
			sentence = sentence || (r.Source.ID == "location:united-states" && strings.HasPrefix(ev.Text, "He was detained twice by the Americans"))
		}
	}
	if !sentence {
		t.Errorf("no DETAINED evidence from the United States starting \"He was detained twice by the Americans\": %s", before)
	}

	second := startServer(t, dir, "--no-samples")
	after := postQuery(t, client, second.url, whoDetainedAraji, vars)
	second.stop(t)
	if !bytes.Equal(before, after) {
		t.Errorf("the answer changed across a restart:\nbefore: %s\nafter:  %s", before, after)
	}
}

func TestServeLoadsSamplesIntoEmptyStore(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, dir)
	client := &http.Client{Timeout: 30 * time.Second}
	raw := postQuery(t, client, srv.url, `{ stats { articles entities relations } }`, nil)
	srv.stop(t)
	var resp struct {
		Data struct {
			Stats struct{ Articles, Entities, Relations int }
		}
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	st := resp.Data.Stats
	if want := len(samples.Names()); st.Articles != want {
		t.Errorf("stats after the first start: %+v, want all %d sample articles\nstderr: %s", st, want, srv.stderr)
	}
	if st.Entities == 0 {
		t.Errorf("stats after the first start: %+v, want entities", st)
	}
	if strings.Contains(srv.stderr.String(), "sample article failed") {
		t.Errorf("a sample article failed to load:\n%s", srv.stderr)
	}
}

// TestServeOnBusyPort: serve fails at once, naming the address, and never
// says it is serving.
func TestServeOnBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()
	r := run(t, "serve", "--no-samples", "--data", t.TempDir(), "--addr", addr)
	if r.code == 0 || !strings.Contains(r.stderr, "cannot listen on "+addr) || strings.Contains(r.stderr, "serving GraphQL") {
		t.Fatalf("serve on busy %s: exit %d\nstderr: %s", addr, r.code, r.stderr)
	}
}
