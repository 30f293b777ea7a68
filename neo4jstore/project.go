package neo4jstore

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// relProps is the expression, over the relationship bound to r, of the
// properties an evidence read needs, as a map of only those: never the
// whole relationship, whose per-article lists (articles, articleConf) a
// read does not need, since the stored confidence is their maximum.
// Evidence lists are the bulk of a relationship, so a read that needs less
// leaves them out in Neo4j rather than shipping them over Bolt; references
// keep every list but the texts, which are given as empty strings so the
// parallel lists stay aligned; a count ships one number (relFromProps
// makes that many empty pieces of it).
var relProps = map[kg.EvidenceRead]string{
	kg.EvidenceFull: `r {` + relScalars + `, .evArticle, .evText, .evStart, .evEnd, .evExtractor, .evConfidence}`,
	kg.EvidenceRefs: `r {` + relScalars + `, .evArticle, .evStart, .evEnd, .evExtractor, .evConfidence,
		evText: [x IN coalesce(r.evArticle, []) | '']}`,
	kg.EvidenceCount: `r {` + relScalars + `, evCount: size(coalesce(r.evArticle, []))}`,
	kg.EvidenceNone:  `r {` + relScalars + `}`,
}

// relScalars are the properties every relation read needs.
const relScalars = `.id, .confidence, .propArticle, .propKey, .propValue, .retracted, .retractReason`

// relPropsOf returns relProps of ev, refusing a value outside the list.
func relPropsOf(ev kg.EvidenceRead) (string, error) {
	p, ok := relProps[ev]
	if !ok {
		return "", kg.Errorf(kg.EInvalid, "unknown evidence read %d", ev)
	}
	return p, nil
}

// entityMap projects an entity node bound to the variable it follows on
// the properties entityFromProps reads.
const entityMap = ` {.id, .type, .subtype, .name, .aliases}`

// endsOf sets the end entities of r from the record's columns se and te
// (entity maps), when the read asked for them.
func endsOf(r *kg.Relation, rec *neo4j.Record, ends bool) error {
	if !ends {
		return nil
	}
	sp, err := recProps(rec, "se")
	if err != nil {
		return err
	}
	tp, err := recProps(rec, "te")
	if err != nil {
		return err
	}
	if sp != nil {
		r.SourceEntity = entityFromProps(sp)
	}
	if tp != nil {
		r.TargetEntity = entityFromProps(tp)
	}
	return nil
}
