package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

var bg = context.Background()

// small is a two-entity extraction for tests that need some content.
func small(n int) *kg.Extraction {
	text := fmt.Sprintf("Nadia Qaderi heads the Harbor Authority. Story %d.", n)
	a := kg.Article{ID: kg.ArticleID(text), Title: fmt.Sprintf("Story %d", n), Published: "2020-01-02", Text: text}
	p := kg.EntityID(kg.Person, "Nadia Qaderi")
	o := kg.EntityID(kg.Organization, "Harbor Authority")
	return &kg.Extraction{
		Article: a,
		Entities: []kg.Entity{
			{ID: p, Type: kg.Person, Name: "Nadia Qaderi", Aliases: []string{"Qaderi"}, Mentions: []kg.Span{{Start: 0, End: 12}}},
			{ID: o, Type: kg.Organization, Subtype: "government", Name: "Harbor Authority"},
		},
		Relations: []kg.Relation{{
			ID: kg.RelationID(kg.Leads, p, o), Type: kg.Leads, Source: p, Target: o,
			Properties: map[string]string{"title": "head"},
			Evidence: []kg.Evidence{{ArticleID: a.ID, Text: "Nadia Qaderi heads the Harbor Authority.",
				Start: 0, End: 40, Extractor: "rules", Confidence: 0.875}},
		}},
	}
}

func TestDurableAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(bg, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	x := small(1)
	if _, err := s.SaveExtraction(bg, x); err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	if _, err := s.RetractRelation(bg, x.Relations[0].ID, kg.Curation{Reason: "test"}); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	before, err := s.Stats(bg)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Fatalf("database file: %v", err)
	}

	s, err = Open(bg, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	after, err := s.Stats(bg)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if before != after || after.Relations != 0 || after.Entities != 2 { // the one relation is retracted
		t.Errorf("Stats after restart = %+v, before %+v", after, before)
	}
	rs, err := s.RelationsByID(bg, []string{x.Relations[0].ID})
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	r := rs[0]
	if r == nil || !r.Retracted || r.Confidence != 0.875 || r.Properties["title"] != "head" || len(r.Evidence) != 1 {
		t.Errorf("relation after restart = %+v", r)
	}
	arts, err := s.Articles(bg, []string{x.Article.ID})
	if err != nil || arts[0] == nil || arts[0].Text != x.Article.Text {
		t.Errorf("article after restart = %+v, %v", arts, err)
	}
}

func TestOpenIdempotentSchema(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		s, err := Open(bg, dir)
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		var v int
		if err := s.r.QueryRowContext(bg, `SELECT version FROM schema_version`).Scan(&v); err != nil {
			t.Fatalf("schema version: %v", err)
		}
		if v != len(migrations) {
			t.Errorf("schema version = %d, want %d", v, len(migrations))
		}
		var rows int
		if err := s.r.QueryRowContext(bg, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != 1 {
			t.Errorf("schema_version rows = %d, %v; want 1", rows, err)
		}
		var mode string
		if err := s.w.QueryRowContext(bg, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		var fk int
		if err := s.r.QueryRowContext(bg, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
		}
		if _, err := s.SaveExtraction(bg, small(i)); err != nil {
			t.Fatalf("SaveExtraction: %v", err)
		}
		s.Close()
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(bg, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.w.ExecContext(bg, `UPDATE schema_version SET version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(bg, dir); err == nil {
		s.Close()
		t.Fatalf("Open accepted a database from a newer program")
	}
}

// TestReadsDuringWrite holds the writer's transaction open and checks that
// reads neither block nor see the uncommitted rows (WAL).
func TestReadsDuringWrite(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	if _, err := s.SaveExtraction(bg, small(1)); err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	tx, err := s.w.BeginTx(bg, nil)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer tx.Rollback()
	if _, _, _, err := save(bg, newSaveTx(tx), small(2), true); err != nil {
		t.Fatalf("save in open tx: %v", err)
	}
	ctx, cancel := context.WithTimeout(bg, 5*time.Second)
	defer cancel()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats while a write is open: %v", err)
	}
	if st.Articles != 1 {
		t.Errorf("reader saw %d articles while the second is uncommitted, want 1", st.Articles)
	}
	p, err := s.FindEntities(ctx, kg.EntityFilter{Query: "Qaderi"})
	if err != nil || len(p.Hits) != 1 {
		t.Errorf("search while a write is open = %v, %v", p, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

func TestSearchSeesWrites(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	find := func(q string) int {
		p, err := s.FindEntities(bg, kg.EntityFilter{Query: q})
		if err != nil {
			t.Fatalf("FindEntities: %v", err)
		}
		return len(p.Hits)
	}
	if n := find("Qaderi"); n != 0 {
		t.Fatalf("empty store found %d", n)
	}
	x := small(1)
	if _, err := s.SaveExtraction(bg, x); err != nil {
		t.Fatal(err)
	}
	if n := find("Qaderi"); n != 1 {
		t.Errorf("search after a save found %d, want 1 (stale name index?)", n)
	}
	name := "Nadia Qaderi-Farouk"
	if _, err := s.UpdateEntity(bg, x.Entities[0].ID, kg.EntityUpdate{Name: &name}, kg.Curation{}); err != nil {
		t.Fatal(err)
	}
	p, err := s.FindEntities(bg, kg.EntityFilter{Query: name})
	if err != nil || len(p.Hits) != 1 || p.Hits[0].Score != 1 {
		t.Errorf("search for the new name = %+v, %v; want one exact hit", p, err)
	}
}

// TestEvidenceFromOtherArticleRejected covers a rule of this store beyond
// the shared suite: an article's extraction carries only its own evidence.
func TestEvidenceFromOtherArticleRejected(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	x := small(1)
	x.Relations[0].Evidence[0].ArticleID = "article:other"
	if _, err := s.SaveExtraction(bg, x); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("SaveExtraction = %v, want %s", err, kg.EInvalid)
	}
	x = small(1)
	x.Relations[0].Evidence[0].ArticleID = "" // filled in from the article
	if _, err := s.SaveExtraction(bg, x); err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	rs, _ := s.RelationsByID(bg, []string{x.Relations[0].ID})
	if rs[0] == nil || rs[0].Evidence[0].ArticleID != x.Article.ID {
		t.Errorf("evidence article = %+v, want %s", rs[0], x.Article.ID)
	}
}

// TestMergeKeepsMentionSpans checks the JSON merge of mention spans when
// both entities are mentioned by one article.
func TestMergeKeepsMentionSpans(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	x := small(1)
	dup := kg.Entity{ID: kg.EntityID(kg.Person, "Qaderi"), Type: kg.Person, Name: "Qaderi", Mentions: []kg.Span{{Start: 5, End: 12}}}
	x.Entities = append(x.Entities, dup)
	if _, err := s.SaveExtraction(bg, x); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeEntities(bg, x.Entities[0].ID, dup.ID, kg.Merge{}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	var raw string
	if err := s.r.QueryRowContext(bg, `SELECT mentions FROM entity_articles WHERE entity_id = ?`, x.Entities[0].ID).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	var spans []kg.Span
	if err := json.Unmarshal([]byte(raw), &spans); err != nil {
		t.Fatalf("mentions %q: %v", raw, err)
	}
	if len(spans) != 2 {
		t.Errorf("mentions after merge = %v, want both spans", spans)
	}
	var n int
	if err := s.r.QueryRowContext(bg, `SELECT count(*) FROM entity_articles WHERE entity_id = ?`, dup.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("dropped entity still has %d mention rows (%v)", n, err)
	}
}

func TestClosedStoreErrors(t *testing.T) {
	s := openTemp(t)
	s.Close()
	_, err := s.Stats(bg)
	if err == nil || !strings.Contains(err.Error(), "sqlite") {
		t.Errorf("Stats on a closed store = %v, want a wrapped error", err)
	}
	if kg.ErrorCode(err) != kg.EInternal {
		t.Errorf("closed-store error code = %s, want %s", kg.ErrorCode(err), kg.EInternal)
	}
}

// TestReadsWhileLoading runs searches and traversals while several
// goroutines save; nothing may fail and the end state must be complete.
func TestReadsWhileLoading(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	const writers, per = 3, 10
	done := make(chan struct{})
	errs := make(chan error, writers+2)
	var wg, rg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				x := small(w*per + i)
				// Each article also names a person of its own.
				name := fmt.Sprintf("Writer %d Person %d", w, i)
				x.Entities = append(x.Entities, kg.Entity{ID: kg.EntityID(kg.Person, name), Type: kg.Person, Name: name})
				if _, err := s.SaveExtraction(bg, x); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for range 2 {
		rg.Add(1)
		go func() {
			defer rg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := s.FindEntities(bg, kg.EntityFilter{Query: "Writer Person"}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Relations(bg, []string{kg.EntityID(kg.Person, "Nadia Qaderi")}, kg.RelationFilter{}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	rg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent load: %v", err)
	}
	p, err := s.FindEntities(bg, kg.EntityFilter{Query: "Writer Person", First: kg.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != writers*per {
		t.Errorf("search after the load found %d people, want %d (stale index?)", p.Total, writers*per)
	}
	st, err := s.Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != writers*per || st.Entities != 2+writers*per || st.Relations != 1 || st.Evidence != writers*per {
		t.Errorf("Stats = %+v", st)
	}
}

// TestSearchCatchesUpAfterPrunedLog: a store whose last look at the change
// log is older than the log's oldest entry cannot patch its index from the
// log, and rebuilds it instead.
func TestSearchCatchesUpAfterPrunedLog(t *testing.T) {
	server := openTemp(t)
	defer server.Close()
	loader, err := Open(bg, filepath.Dir(server.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer loader.Close()
	find := func() int {
		p, err := server.FindEntities(bg, kg.EntityFilter{Query: "Qaderi"})
		if err != nil {
			t.Fatalf("FindEntities: %v", err)
		}
		return len(p.Hits)
	}
	if n := find(); n != 0 {
		t.Fatalf("empty store found %d", n)
	}
	if _, err := loader.SaveExtraction(bg, small(1)); err != nil {
		t.Fatal(err)
	}
	// As pruning would after many writes: keep only the newest entry,
	// which names the organization, not the person searched for.
	if _, err := loader.w.ExecContext(bg, `DELETE FROM entity_changes WHERE seq < (SELECT max(seq) FROM entity_changes)`); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 1 {
		t.Errorf("search after a pruned log found %d, want 1", n)
	}
}
