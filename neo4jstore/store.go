// Package neo4jstore is kg.Store on Neo4j 5 (Community or Enterprise).
//
// # Graph model
//
// The graph reads naturally in Neo4j Browser:
//
//	(:Article {id, title, source, url, published, section, text})
//	(:Entity:<Type> {id, type, subtype, name, aliases, searchKeys, curated, curatedAliases})
//	    where <Type> is one of kg.EntityTypes (Person, Organization, …)
//	(:Article)-[:MENTIONS {spans, aliases}]->(:Entity)
//	    spans are flattened [start, end, start, end, …]; aliases are the forms this
//	    article contributed, so a reload can take exactly them back
//	(:Entity)-[:<RELATION_TYPE> {id, confidence, retracted, retractReason, …}]->(:Entity)
//	    one relationship per fact, whose type is one of kg.RelationTypes
//	(:Occurrence {id, article, type, name, date, place, …})  an event (kg.Event); not
//	    labelled :Event so that it never mixes with entities of type Event
//	(:Entity)-[:PARTICIPATED {role}]->(:Occurrence), (:Article)-[:REPORTS]->(:Occurrence)
//	(:Entity)-[:HAS_KEY]->(:BlockKey {key}): blocking keys of entity resolution
//	(:Entity)-[:SAID]->(:Quote {id, speaker, text, article, start, end})<-[:HAS_QUOTE]-(:Article)
//	(:Evidence {rel, article, text, start, end, extractor, confidence}) a relation's
//	    sentence, keyed by the relation's id
//	(:Redirect {id, to})      left by MergeEntities: drop id → keep id
//	(:Retraction {id, reason}) keyed by relation id, so a reload does not revive it
//	(:Migration {name})       a conversion of the stored data done at Open, so
//	    that later Opens do not look for what is left to convert
//
// # Provenance
//
// Every fact keeps its provenance: a relation has on its relationship, per
// contributing article, articles[i]/articleConf[i], per property
// propArticle[i], propKey[i], propValue[i] (Neo4j properties cannot hold
// maps), and evCount, the number of its pieces of evidence; each piece is a
// node (:Evidence {rel, article, text, start, end, extractor, confidence})
// found by the relation's id (indexed), so that adding evidence creates nodes
// rather than rewriting lists that grow with every article. An event keeps
// its evidence as parallel lists on its node (it has one article). Entities
// reach their sentences through MENTIONS from their articles. So from any
// edge an analyst reads the supporting sentences, and a reload removes
// exactly what the article added.
//
// # Writes
//
// SaveExtraction is one managed write transaction (ExecuteWrite) per article,
// batched with UNWIND and written with MERGE on uniquely constrained ids, so a
// retried transaction, a reload or two concurrent saves that share entities never
// duplicate anything; the driver retries transient errors such as deadlocks.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/newsgraph/newsgraph/kg"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687 (also +s / +ssc variants)
	User     string // default "neo4j"
	Password string
	Database string // "" uses the server's default database

	// ConnectTimeout bounds how long Open keeps retrying the first
	// connection (default 30s); a server that is still starting gets time.
	ConnectTimeout time.Duration
	// RetryTime bounds how long one transaction is retried on transient
	// errors and lost connections (default 15s).
	RetryTime time.Duration
	// MaxConnections caps the driver's pool (default 50).
	MaxConnections int
}

// ConfigFromEnv reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
// NEO4J_DATABASE; an unset URI defaults to bolt://127.0.0.1:7687.
func ConfigFromEnv() Config {
	c := Config{
		URI:      os.Getenv("NEO4J_URI"),
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if c.URI == "" {
		c.URI = "bolt://127.0.0.1:7687"
	}
	return c
}

// Store is a kg.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	// retryTime bounds the retries of an auto-commit read (readOne), as
	// the driver's MaxTransactionRetryTime bounds a managed transaction's.
	retryTime time.Duration
}

var _ kg.Store = (*Store)(nil)

// Open connects to Neo4j, retrying with backoff until cfg.ConnectTimeout, and
// creates the schema (constraints and indexes) if it is missing.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, kg.Errorf(kg.EInvalid, "neo4j: no URI configured")
	}
	switch scheme, _, _ := strings.Cut(cfg.URI, "://"); scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return nil, kg.Errorf(kg.EInvalid, "neo4j: unsupported URI scheme in %q (want bolt:// or neo4j://)", cfg.URI)
	}
	if cfg.User == "" {
		cfg.User = "neo4j"
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 30 * time.Second
	}
	if cfg.RetryTime <= 0 {
		cfg.RetryTime = 15 * time.Second
	}
	if cfg.MaxConnections <= 0 {
		cfg.MaxConnections = 50
	}
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = cfg.RetryTime
		c.MaxConnectionPoolSize = cfg.MaxConnections
		c.ConnectionAcquisitionTimeout = 10 * time.Second
		c.SocketConnectTimeout = 5 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: driver for %s: %w", cfg.URI, err)
	}
	s := &Store{driver: drv, db: cfg.Database, retryTime: cfg.RetryTime}
	if err := s.connect(ctx, cfg); err != nil {
		drv.Close(context.Background())
		return nil, err
	}
	if err := s.createSchema(ctx); err != nil {
		drv.Close(context.Background())
		return nil, err
	}
	if err := s.backfillVersions(ctx); err != nil {
		drv.Close(context.Background())
		return nil, err
	}
	if err := s.backfillEvidence(ctx); err != nil {
		drv.Close(context.Background())
		return nil, err
	}
	s.warm(ctx)
	return s, nil
}

// errWarmed ends warm's transaction, which must not commit.
var errWarmed = errors.New("neo4j: warm-up done")

// warm has Neo4j plan the statements of a load before the first article:
// a load of a fresh server otherwise spends its first seconds planning
// them one at a time as they first come. It saves two small made-up
// articles (one joining an id to a node and folding a node into another,
// one reloaded) in a transaction it rolls back, and makes each read of
// entity resolution once. Neo4j keeps the plans by statement text, which
// is fixed. Failure is not an error: warming only saves time (a read-only
// user, for one, cannot write).
func (s *Store) warm(ctx context.Context) {
	a, b, c := "warm:person-a", "warm:person-b", "warm:org-c"
	ev := func(aid string) []kg.Evidence {
		return []kg.Evidence{{ArticleID: aid, Text: "A met B.", Start: 0, End: 8, Extractor: "warm", Confidence: 0.5}}
	}
	x1 := func(text string) *kg.Extraction {
		const aid = "warm:article-1"
		return &kg.Extraction{
			Article: kg.Article{ID: aid, Title: "warm", Text: text},
			Entities: []kg.Entity{
				{ID: a, Type: kg.Person, Name: "Warm A", Mentions: []kg.Span{{Start: 0, End: 1}}},
				{ID: b, Type: kg.Person, Name: "Warm B", Mentions: []kg.Span{{Start: 6, End: 7}}},
				{ID: c, Type: kg.Organization, Name: "Warm C"},
			},
			Relations: []kg.Relation{
				{ID: kg.RelationID(kg.MetWith, a, b), Type: kg.MetWith, Source: a, Target: b, Confidence: 0.5, Evidence: ev(aid),
					Properties: map[string]string{"date": "2000"}},
				{ID: kg.RelationID(kg.MemberOf, a, c), Type: kg.MemberOf, Source: a, Target: c, Confidence: 0.5, Evidence: ev(aid)},
				{ID: kg.RelationID(kg.MemberOf, b, c), Type: kg.MemberOf, Source: b, Target: c, Confidence: 0.5, Evidence: ev(aid)},
				{ID: kg.RelationID(kg.Leads, b, c), Type: kg.Leads, Source: b, Target: c, Confidence: 0.5, Evidence: ev(aid)},
			},
			Events: []kg.Event{{ID: "warm:event-1", Type: "Meeting", Name: "meeting", Place: c,
				Participants: []kg.Participant{{EntityID: a, Role: "agent"}, {EntityID: b, Role: "agent"}}, Evidence: ev(aid)}},
			Quotes: []kg.Quote{{ID: "warm:quote-1", Speaker: b, Text: "B", ArticleID: aid, Start: 0, End: 1}},
		}
	}
	const aid2 = "warm:article-2"
	a2 := "warm:person-a2"
	x2 := &kg.Extraction{
		Article: kg.Article{ID: aid2, Title: "warm", Text: "A2 and B."},
		Entities: []kg.Entity{{ID: a2, Type: kg.Person, Name: "Warm A2"}, {ID: b, Type: kg.Person, Name: "Warm B"},
			{ID: c, Type: kg.Organization, Name: "Warm C"}},
		Relations: []kg.Relation{{ID: kg.RelationID(kg.MetWith, a2, b), Type: kg.MetWith, Source: a2, Target: b,
			Confidence: 0.5, Evidence: ev(aid2)},
			// a2 is folded into a, so this adds to the first article's
			// relation, which the reload then keeps (an update, not a
			// deletion).
			{ID: kg.RelationID(kg.MemberOf, a2, c), Type: kg.MemberOf, Source: a2, Target: c, Confidence: 0.5, Evidence: ev(aid2)}},
		Joins: []kg.Join{
			{Node: a, ID: a2, Merge: kg.Merge{Method: kg.MergeAuto, Score: 0.9}},
			{Node: a, ID: b, Merge: kg.Merge{Method: kg.MergeAuto, Score: 0.9}},
		},
	}
	_, _ = writeTx(ctx, s, "warm up", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if _, err := saveBatch(ctx, tx, []*kg.Extraction{x1("A met B.")}); err != nil {
			return struct{}{}, err
		}
		// A retraction for the fold to move.
		if _, err := run(ctx, tx, `MERGE (x:Retraction {id: $id}) SET x.reason = 'warm'`,
			map[string]any{"id": kg.RelationID(kg.Leads, b, c)}); err != nil {
			return struct{}{}, err
		}
		if _, err := saveBatch(ctx, tx, []*kg.Extraction{x2}); err != nil {
			return struct{}{}, err
		}
		if _, err := saveBatch(ctx, tx, []*kg.Extraction{x1("A met B again.")}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, errWarmed
	})
	// The reads of entity resolution, on ids no store holds.
	_, _ = s.EntitiesByKeys(ctx, []string{"warm"})
	_, _ = s.Entities(ctx, []string{a})
	_, _ = s.ArticlesOfEntities(ctx, []string{a})
	_, _ = s.LatestArticlesOfEntities(ctx, []string{a}, kg.MaxKeyHits)
	_, _ = s.EntitiesOfArticles(ctx, []string{aid2})
	_, _ = s.ArticlesWithText(ctx, []string{kg.ContentHash("warm")})
}

// connect verifies connectivity with exponential backoff. Authentication
// failures do not improve with waiting, so they end the loop at once.
func (s *Store) connect(ctx context.Context, cfg Config) error {
	deadline := time.Now().Add(cfg.ConnectTimeout)
	wait := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := s.driver.VerifyConnectivity(ctx)
		if err == nil {
			return nil
		}
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") {
			return fmt.Errorf("%w: %s rejected the credentials of user %q: %w",
				kg.Errorf(kg.EUnavailable, "graph database unavailable"), cfg.URI, cfg.User, err)
		}
		if ctx.Err() != nil || time.Now().Add(wait).After(deadline) {
			return fmt.Errorf("%w: cannot reach %s after %d attempts: %w",
				kg.Errorf(kg.EUnavailable, "graph database unavailable"), cfg.URI, attempt, err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(wait*2, 3*time.Second)
	}
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	if err := s.driver.Close(context.Background()); err != nil {
		return fmt.Errorf("neo4j: close: %w", err)
	}
	return nil
}

// Driver exposes the underlying driver, for tools and tests that run Cypher.
func (s *Store) Driver() neo4j.DriverWithContext { return s.driver }

// Database returns the configured database name ("" is the server default).
func (s *Store) Database() string { return s.db }

// schema is created idempotently at every Open.
func schemaStatements() []string {
	st := []string{
		`CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE`,
		`CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE`,
		`CREATE CONSTRAINT occurrence_id IF NOT EXISTS FOR (o:Occurrence) REQUIRE o.id IS UNIQUE`,
		`CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (q:Quote) REQUIRE q.id IS UNIQUE`,
		`CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:Redirect) REQUIRE r.id IS UNIQUE`,
		`CREATE CONSTRAINT retraction_id IF NOT EXISTS FOR (r:Retraction) REQUIRE r.id IS UNIQUE`,
		`CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:Audit) REQUIRE a.seq IS UNIQUE`,
		`CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (c:Counter) REQUIRE c.name IS UNIQUE`,
		`CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE`,
		`CREATE CONSTRAINT merge_record_seq IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.seq IS UNIQUE`,
		`CREATE CONSTRAINT merge_candidate_id IF NOT EXISTS FOR (m:MergeCandidate) REQUIRE m.id IS UNIQUE`,
		`CREATE INDEX merge_record_drop IF NOT EXISTS FOR (m:MergeRecord) ON (m.drop)`,
		`CREATE INDEX merge_candidate_status IF NOT EXISTS FOR (m:MergeCandidate) ON (m.status, m.score)`,
		`CREATE INDEX audit_subjects IF NOT EXISTS FOR (a:Audit) ON (a.subjects)`,
		`CREATE CONSTRAINT extraction_article IF NOT EXISTS FOR (x:Extraction) REQUIRE x.article IS UNIQUE`,
		`CREATE INDEX article_content IF NOT EXISTS FOR (a:Article) ON (a.contentHash)`,
		`CREATE CONSTRAINT block_key IF NOT EXISTS FOR (k:BlockKey) REQUIRE k.key IS UNIQUE`,
		`CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name, e.id)`,
		`CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)`,
		`CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)`,
		`CREATE INDEX occurrence_article IF NOT EXISTS FOR (o:Occurrence) ON (o.article)`,
		`CREATE INDEX occurrence_date IF NOT EXISTS FOR (o:Occurrence) ON (o.date)`,
		`CREATE INDEX quote_speaker IF NOT EXISTS FOR (q:Quote) ON (q.speaker)`,
		`CREATE INDEX quote_article IF NOT EXISTS FOR (q:Quote) ON (q.article)`,
		`CREATE INDEX occurrence_place IF NOT EXISTS FOR (o:Occurrence) ON (o.place)`,
		`CREATE INDEX redirect_to IF NOT EXISTS FOR (r:Redirect) ON (r.to)`,
		`CREATE INDEX evidence_rel IF NOT EXISTS FOR (x:Evidence) ON (x.rel)`,
		// Search candidates: whole folded words (with fuzzy and prefix
		// terms) from the full-text index, substrings from the text index.
		"CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.searchKeys] " +
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
		`CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (e:Entity) ON (e.searchKeys)`,
	}
	for _, t := range kg.RelationTypes {
		// Relationship types come only from kg.RelationTypes.
		st = append(st, fmt.Sprintf("CREATE INDEX rel_id_%s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.id)", t, t))
	}
	return st
}

func (s *Store) createSchema(ctx context.Context) error {
	for _, q := range schemaStatements() {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			return s.wrap("create schema", err)
		}
	}
	// New indexes populate in the background; reads must see them online.
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, `CALL db.awaitIndexes(120)`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return s.wrap("await indexes", err)
	}
	return nil
}

// errUnavailable is the client-safe error for every connectivity failure.
var errUnavailable = kg.Errorf(kg.EUnavailable, "graph database unavailable")

// wrap names the operation and classifies err: lost connections, timeouts
// and exhausted retries become EUnavailable, keeping the cause in the chain.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ke *kg.Error
	if errors.As(err, &ke) {
		return err
	}
	if isUnavailable(err) {
		return fmt.Errorf("%w: neo4j %s: %w", errUnavailable, op, err)
	}
	return fmt.Errorf("neo4j %s: %w", op, err)
}

func isUnavailable(err error) bool {
	var (
		ce  *neo4j.ConnectivityError
		tel *neo4j.TransactionExecutionLimit
		ne  *neo4j.Neo4jError
		net net.Error
	)
	switch {
	case errors.As(err, &ce), errors.As(err, &net):
		return true
	case errors.As(err, &tel):
		// Retries ran out: on lost connections, or on transient errors
		// that a later attempt may clear; either way, try again later.
		return true
	case errors.As(err, &ne):
		return strings.HasPrefix(ne.Code, "Neo.TransientError.")
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "ConnectivityError")
}
