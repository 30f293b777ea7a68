// Package sqlite is the embedded knowledge-graph store: kg.Store on a single
// SQLite file (modernc.org/sqlite, pure Go). Writes go through one writer
// connection; reads use a separate pool and run while a load writes (WAL).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/kg"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file Open creates inside its directory.
const FileName = "newsgraph.db"

// Store is a kg.Store backed by SQLite.
type Store struct {
	w    *sql.DB // single writer connection; serializes saves and curation
	r    *sql.DB // read pool
	path string

	// names is the search index (folded names and aliases), current as
	// of entity_changes entry seen; see find.go.
	mu      sync.Mutex
	names   *nameIndex
	seen    int64
	refresh sync.Mutex // serializes index builds and patches

	// stmts holds the reader's prepared queries by name (prepare):
	// parsing a key query took a third of the read.
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
}

var _ kg.Store = (*Store)(nil)

// Open opens (creating if needed) the store in dir, creating dir and the
// schema as needed.
func Open(ctx context.Context, dir string) (*Store, error) {
	// A relative path would read as a URI authority ("file://data/…").
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("sqlite: data dir: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: create dir: %w", err)
	}
	path := filepath.Join(dir, FileName)
	base := (&url.URL{Scheme: "file", Path: path}).String()
	// Resolution reads the same index pages article after article: a page
	// cache of 64 MB per connection keeps them off read(2), which took a
	// sixth of a 10,000-article load's CPU with SQLite's default 2 MB.
	common := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_pragma=cache_size(-65536)"
	// The writer opens first so that WAL mode and the schema exist before
	// any reader connects.
	// The writer copies the log into the database every 32 MB rather than
	// SQLite's 4 MB: a load rewrites the same index pages commit after
	// commit, and each checkpoint writes and syncs them.
	// Only the writer maps the file: a reader drops its mapping at the
	// first read after every commit and faults the pages back in, which
	// made linking an article 1.5-2x dearer (BenchmarkResolutionCost).
	w, err := sql.Open("sqlite", base+"?"+common+"&_pragma=mmap_size(1073741824)&_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(8192)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", base+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open reader: %w", err)
	}
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: ping reader: %w", err)
	}
	return &Store{w: w, r: r, path: path}, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close releases both connection pools.
func (s *Store) Close() error {
	var errs []error
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	return errors.Join(append(errs, s.r.Close(), s.w.Close())...)
}

// migrations are applied in order; the schema_version table records how
// many ran, so Open is idempotent and old files upgrade in place.
var migrations = []string{
	`
CREATE TABLE articles (
	id        TEXT PRIMARY KEY,
	title     TEXT NOT NULL,
	source    TEXT NOT NULL,
	url       TEXT NOT NULL,
	published TEXT NOT NULL,
	section   TEXT NOT NULL,
	text      TEXT NOT NULL
);
CREATE INDEX articles_order ON articles (published = '', published DESC, id);

CREATE TABLE entities (
	id      TEXT PRIMARY KEY,
	type    TEXT NOT NULL,
	subtype TEXT NOT NULL,
	name    TEXT NOT NULL,
	curated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_order ON entities (name, id);

-- Which article contributed which alias; article '' marks a curated alias
-- that no reload removes.
CREATE TABLE entity_aliases (
	entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	alias      TEXT NOT NULL,
	article_id TEXT NOT NULL,
	PRIMARY KEY (entity_id, alias, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_article ON entity_aliases (article_id);

-- An entity is kept while some article mentions it (or it is curated).
CREATE TABLE entity_articles (
	entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	mentions   TEXT NOT NULL, -- JSON spans
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_article ON entity_articles (article_id, entity_id);

-- Merged-away ids point at the entity that absorbed them (flattened).
CREATE TABLE redirects (
	from_id TEXT PRIMARY KEY,
	to_id   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE relations (
	id         TEXT PRIMARY KEY,
	type       TEXT NOT NULL,
	source     TEXT NOT NULL REFERENCES entities (id),
	target     TEXT NOT NULL REFERENCES entities (id),
	confidence REAL NOT NULL
);
CREATE INDEX relations_source ON relations (source, type, target);
CREATE INDEX relations_target ON relations (target, type, source);
CREATE INDEX relations_order ON relations (type, source, target, id);

-- A relation is kept while some article contributes it.
CREATE TABLE relation_articles (
	relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
	article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	confidence  REAL NOT NULL,
	PRIMARY KEY (relation_id, article_id)
) WITHOUT ROWID;
CREATE INDEX relation_articles_article ON relation_articles (article_id);

CREATE TABLE relation_props (
	relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
	article_id  TEXT NOT NULL,
	key         TEXT NOT NULL,
	value       TEXT NOT NULL,
	PRIMARY KEY (relation_id, key, article_id)
) WITHOUT ROWID;
CREATE INDEX relation_props_article ON relation_props (article_id);

CREATE TABLE evidence (
	relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
	article_id  TEXT NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	extractor   TEXT NOT NULL,
	text        TEXT NOT NULL,
	confidence  REAL NOT NULL,
	PRIMARY KEY (relation_id, article_id, start, end, extractor)
) WITHOUT ROWID;
CREATE INDEX evidence_article ON evidence (article_id);

-- Retractions are keyed by relation id and outlive the relation row, so a
-- reload that deletes and rewrites the relation does not revive it.
CREATE TABLE retractions (
	relation_id TEXT PRIMARY KEY,
	reason      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
	id         TEXT PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	type       TEXT NOT NULL,
	name       TEXT NOT NULL,
	date       TEXT NOT NULL,
	place      TEXT NOT NULL
);
CREATE INDEX events_order ON events (date = '', date, id);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_participants (
	event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	entity_id TEXT NOT NULL,
	role      TEXT NOT NULL,
	PRIMARY KEY (event_id, ord)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants (entity_id);

CREATE TABLE event_evidence (
	event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	article_id TEXT NOT NULL,
	text       TEXT NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	extractor  TEXT NOT NULL,
	confidence REAL NOT NULL,
	PRIMARY KEY (event_id, ord)
) WITHOUT ROWID;

CREATE TABLE quotes (
	id         TEXT PRIMARY KEY,
	speaker    TEXT NOT NULL,
	text       TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL
);
CREATE INDEX quotes_speaker ON quotes (speaker, article_id, start);
CREATE INDEX quotes_article ON quotes (article_id, start);
`,
	// Articles are identified by source and keep their versions; the last
	// saved extraction lets a split re-derive an article's facts.
	`
ALTER TABLE articles ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN extraction TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_content ON articles (content_hash);

CREATE TABLE article_versions (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	content_hash TEXT NOT NULL,
	title        TEXT NOT NULL,
	loaded_at    TEXT NOT NULL
);
CREATE INDEX article_versions_article ON article_versions (article_id, seq);
`,
	`
-- Every write appends the entities whose names it may have changed, so
-- that each process's search index catches up with the writes of every
-- process (see find.go). Old entries are pruned; a reader that fell
-- behind the oldest one rebuilds its index.
CREATE TABLE entity_changes (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	entity_id TEXT NOT NULL
);
`,
	// Blocking keys of entity resolution (package resolve): which entities
	// could be one, found without scanning them all.
	`
CREATE TABLE entity_keys (
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);
`,
	// Curation: the audit log, what each merge needs to be split again,
	// and merge candidates awaiting review.
	`
CREATE TABLE audit_log (
	seq      INTEGER PRIMARY KEY AUTOINCREMENT,
	at       TEXT NOT NULL,
	action   TEXT NOT NULL,
	actor    TEXT NOT NULL,
	reason   TEXT NOT NULL,
	subjects TEXT NOT NULL, -- JSON array of ids
	details  TEXT NOT NULL  -- JSON object
);

CREATE TABLE merges (
	seq           INTEGER PRIMARY KEY, -- the audit entry of the merge
	keep_id       TEXT NOT NULL,
	drop_id       TEXT NOT NULL,
	drop_entity   TEXT NOT NULL, -- JSON: drop's curated state, null for a bare redirect
	absorbed      TEXT NOT NULL, -- JSON: ids merged into drop before
	retractions   TEXT NOT NULL, -- JSON: retractions the merge moved
	added_aliases TEXT NOT NULL, -- JSON: curated aliases it gave keep
	split_at      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX merges_drop ON merges (drop_id, seq);

CREATE TABLE merge_candidates (
	id         TEXT PRIMARY KEY,
	keep_id    TEXT NOT NULL,
	drop_id    TEXT NOT NULL,
	score      REAL NOT NULL,
	evidence   TEXT NOT NULL, -- JSON object
	status     TEXT NOT NULL,
	created_at TEXT NOT NULL,
	decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX merge_candidates_order ON merge_candidates (status, score DESC, id);
CREATE INDEX merge_candidates_keep ON merge_candidates (keep_id);
CREATE INDEX merge_candidates_drop ON merge_candidates (drop_id);
`,
	// A merge that gave keep a fuller name, so a split restores the old.
	`
ALTER TABLE merges ADD COLUMN renamed_from TEXT NOT NULL DEFAULT '';
ALTER TABLE merges ADD COLUMN renamed_to TEXT NOT NULL DEFAULT '';
`,
	// A merge repoints the ids merged into drop and the events held at
	// drop: without these, each merge scanned both tables, a cost that grew
	// with the graph.
	`
CREATE INDEX redirects_to ON redirects (to_id);
CREATE INDEX events_place ON events (place);
`,
}

func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	var v int
	err = tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return fmt.Errorf("sqlite: migrate: %w", err)
		}
	case err != nil:
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("sqlite: database schema version %d is newer than this program (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", i+1, err)
		}
	}
	if err := backfillVersions(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, len(migrations)); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	return nil
}

// backfillVersions gives articles saved before versions existed their
// content hash and a first version.
func backfillVersions(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, text FROM articles WHERE content_hash = ''`)
	if err != nil {
		return fmt.Errorf("sqlite: backfill versions: %w", err)
	}
	type art struct{ id, title, text string }
	var arts []art
	for rows.Next() {
		var a art
		if err := rows.Scan(&a.id, &a.title, &a.text); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: backfill versions: %w", err)
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: backfill versions: %w", err)
	}
	now := timestamp(time.Now())
	for _, a := range arts {
		h := kg.ContentHash(a.text)
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET content_hash = ? WHERE id = ?`, h, a.id); err != nil {
			return fmt.Errorf("sqlite: backfill versions: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_versions (article_id, content_hash, title, loaded_at) VALUES (?, ?, ?, ?)`,
			a.id, h, a.title, now); err != nil {
			return fmt.Errorf("sqlite: backfill versions: %w", err)
		}
	}
	return nil
}

// timestamp is how times are stored: RFC 3339 in UTC with nanoseconds,
// which sorts as text.
func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// parseTime reads a stored timestamp; a malformed one reads as zero.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// keepChanges is how many entity_changes entries writes keep: enough for
// a reader to catch up after thousands of articles loaded elsewhere.
const keepChanges = 100_000

// writeTx runs fn in one write transaction and logs, in the same
// transaction, the entities fn says it touched (created, renamed,
// re-aliased or deleted), for every process's search index to re-read.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) (touched []string, err error)) error {
	return s.writeTxKeyed(ctx, func(tx *sql.Tx) ([]string, []string, error) {
		touched, err := fn(tx)
		return touched, touched, err
	})
}

// writeTxKeyed is writeTx for a write that knows which of the entities it
// touched may have changed names (renamed): only those are re-keyed, as
// re-keying an entity reads all its aliases; the others are only logged.
func (s *Store) writeTxKeyed(ctx context.Context, fn func(tx *sql.Tx) (touched, renamed []string, err error)) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	touched, renamed, err := fn(tx)
	if err != nil {
		return err
	}
	touched = uniq(touched)
	if err := reindexKeys(ctx, tx, uniq(renamed)); err != nil {
		return err
	}
	if err := logChanges(ctx, tx, touched); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// logChanges appends ids to entity_changes and prunes the oldest entries.
func logChanges(ctx context.Context, tx *sql.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	err := eachChunk(ids, func(args []any) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO entity_changes (entity_id) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?),", len(args)), ","), args...)
		return err
	})
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM entity_changes
			WHERE seq <= (SELECT max(seq) FROM entity_changes) - ?`, keepChanges)
	}
	if err != nil {
		return fmt.Errorf("sqlite: log changes: %w", err)
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer for reads.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// chunkSize bounds the number of bound parameters per IN list.
const chunkSize = 500

// prepare returns the reader's statement named name, preparing build()
// the first time it is asked for.
func (s *Store) prepare(ctx context.Context, name string, build func() string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st := s.stmts[name]; st != nil {
		return st, nil
	}
	st, err := s.r.PrepareContext(ctx, build())
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[name] = st
	return st, nil
}

// inSizes are the IN-list lengths of the reader's prepared IN queries; a
// chunk of ids is padded with NULLs, which match nothing, up to the next
// size, so a handful of statements serve every list length.
var inSizes = []int{16, 64, chunkSize}

// preparedReader is the store's reader whose IN-list queries (queryIn)
// run as statements prepared once: parsing them again on every call was
// a large part of reading an article's entities.
type preparedReader struct{ *Store }

func (p preparedReader) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.r.QueryContext(ctx, query, args...)
}

func (p preparedReader) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.r.QueryRowContext(ctx, query, args...)
}

// queryIn runs build(in) with in the IN list of args (at most chunkSize):
// prepared and padded on a preparedReader, spliced in elsewhere.
func queryIn(ctx context.Context, q querier, build func(in string) string, args []any) (*sql.Rows, error) {
	p, ok := q.(preparedReader)
	if !ok {
		return q.QueryContext(ctx, build(placeholders(len(args))), args...)
	}
	n, args := padded(inSizes, args)
	st, err := p.prepare(ctx, fmt.Sprintf("%s/%d", build("?"), n), func() string { return build(placeholders(n)) })
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// padded picks the first of sizes that holds args (the last if none does)
// and pads args with NULLs up to it, for a statement prepared at that size.
func padded(sizes []int, args []any) (int, []any) {
	n := sizes[0]
	for _, size := range sizes {
		if n = size; size >= len(args) {
			break
		}
	}
	for len(args) < n {
		args = append(args, nil)
	}
	return n, args
}

// placeholders returns "?,?,…" with n marks.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

// eachChunk calls fn with successive chunks of ids as []any.
func eachChunk(ids []string, fn func(args []any) error) error {
	for i := 0; i < len(ids); i += chunkSize {
		j := min(i+chunkSize, len(ids))
		args := make([]any, 0, j-i)
		for _, id := range ids[i:j] {
			args = append(args, id)
		}
		if err := fn(args); err != nil {
			return err
		}
	}
	return nil
}

// uniq returns xs without repeats, in first-seen order. Ids are read once
// each, and a filter's type list is a set that a client may repeat any
// number of times, where every value would otherwise be one bound
// parameter (SQLite takes at most 32766 in a statement).
func uniq[T comparable](xs []T) []T {
	seen := make(map[T]bool, len(xs))
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// resolve maps entity ids through the redirect table; unknown or
// unmerged ids map to themselves.
func resolve(ctx context.Context, q querier, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = id
	}
	u := uniq(ids)
	err := eachChunk(u, func(args []any) error {
		rows, err := queryIn(ctx, q, func(in string) string {
			return `SELECT from_id, to_id FROM redirects WHERE from_id IN (` + in + `)`
		}, args)
		if err != nil {
			return fmt.Errorf("sqlite: resolve ids: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var from, to string
			if err := rows.Scan(&from, &to); err != nil {
				return fmt.Errorf("sqlite: resolve ids: %w", err)
			}
			out[from] = to
		}
		return rows.Err()
	})
	return out, err
}

// Stats counts what the store holds. Evidence counts relation evidence;
// retracted relations and their evidence are hidden from reads, so they
// are not counted.
func (s *Store) Stats(ctx context.Context) (kg.Stats, error) {
	var st kg.Stats
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM relations WHERE id NOT IN (SELECT relation_id FROM retractions)),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM evidence WHERE relation_id NOT IN (SELECT relation_id FROM retractions))`).Scan(&st.Articles, &st.Entities, &st.Relations, &st.Events, &st.Quotes, &st.Evidence)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
