package neo4jstore

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// relEntries are the entries of a map projection, over the relationship
// bound to r, of the properties a read needs: never the whole
// relationship, whose per-article lists (articles, articleConf) a read does
// not need, since the stored confidence is their maximum. Evidence is read
// from its nodes only when the read asks for it, and then only the fields
// it keeps (texts for sentences; article, extractor and confidence for
// references); a count reads the relationship's evCount (relFromProps
// makes that many empty pieces of it).
func relEntries(rd kg.RelationRead) (string, error) {
	scalars := `.id`
	if !rd.NoConfidence {
		scalars += `, .confidence`
	}
	if !rd.NoRetraction {
		scalars += `, .retracted, .retractReason`
	}
	if !rd.NoProperties {
		scalars += `, .propArticle, .propKey, .propValue`
	}
	switch rd.Evidence {
	case kg.EvidenceFull:
		if rd.SentencesOnly {
			return scalars + `, ev: ` + evidenceOf(`x {.text, .start, .end}`), nil
		}
		return scalars + `, ev: ` + evidenceOf(evidenceMap), nil
	case kg.EvidenceRefs:
		if rd.SentencesOnly {
			return scalars + `, ev: ` + evidenceOf(`x {.start, .end}`), nil
		}
		return scalars + `, ev: ` + evidenceOf(`x {.article, .start, .end, .extractor, .confidence}`), nil
	case kg.EvidenceCount:
		return scalars + `, evCount: coalesce(r.evCount, 0)`, nil
	case kg.EvidenceNone:
		return scalars, nil
	}
	return "", kg.Errorf(kg.EInvalid, "unknown evidence read %d", rd.Evidence)
}

// relPropsOf is the map projection over r of relEntries.
func relPropsOf(rd kg.RelationRead) (string, error) {
	e, err := relEntries(rd)
	if err != nil {
		return "", err
	}
	return `r {` + e + `}`, nil
}

// entityMap projects an entity node bound to the variable it follows on
// the properties entityFromProps reads.
const entityMap = ` {.id, .type, .subtype, .name, .aliases}`

// briefEntityMap is entityMap without the aliases: the ends of a read with
// BriefEnds.
const briefEntityMap = ` {.id, .type, .subtype, .name}`

// namesEntityMap is briefEntityMap without the type and subtype: the
// ends of a read with EndNames.
const namesEntityMap = ` {.id, .name}`

// endMap is the projection of a read's end entities.
func endMap(rd kg.RelationRead) string {
	switch {
	case rd.BriefEnds && rd.EndNames:
		return namesEntityMap
	case rd.BriefEnds:
		return briefEntityMap
	}
	return entityMap
}

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

// endEntity is the end entity in the map entry k of a relation's map, nil
// when absent.
func endEntity(p map[string]any, k string) *kg.Entity {
	m, _ := p[k].(map[string]any)
	if m == nil {
		return nil
	}
	return entityFromProps(m)
}
