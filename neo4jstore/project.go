package neo4jstore

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// relProps is the expression, over the relationship bound to r, of the
// properties an evidence read needs. Evidence lists are the bulk of a
// relationship, so a read that needs less leaves them out in Neo4j rather
// than shipping them over Bolt; references keep every list but the texts,
// which are given as empty strings so the parallel lists stay aligned.
var relProps = map[kg.EvidenceRead]string{
	kg.EvidenceFull: `r`,
	kg.EvidenceRefs: `r {.id, .articles, .articleConf, .propArticle, .propKey, .propValue, .retracted, .retractReason,
		.evArticle, .evStart, .evEnd, .evExtractor, .evConfidence, evText: [x IN coalesce(r.evArticle, []) | '']}`,
	kg.EvidenceNone: `r {.id, .articles, .articleConf, .propArticle, .propKey, .propValue, .retracted, .retractReason}`,
}

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
