package neo4jstore

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// relEntries are the entries of a map projection, over the relationship
// bound to r, of the properties a read needs: never the whole
// relationship, whose per-article lists (articles, articleConf) a read does
// not need, since the stored confidence is their maximum. Evidence lists
// are the bulk of a relationship, so a read that needs less leaves them
// out in Neo4j rather than shipping them over Bolt. A list the read does
// not need but whose pieces it keeps (texts for references; article,
// extractor and confidence for sentences only) is given as nulls, one byte
// each, so the parallel lists stay aligned; a count ships one number
// (relFromProps makes that many empty pieces of it).
func relEntries(rd kg.RelationRead) (string, error) {
	relScalars := relScalars
	if rd.NoProperties {
		relScalars = relBare
	}
	const (
		blank   = ` [x IN coalesce(r.evStart, []) | null]`
		article = `.evArticle`
		meta    = `, .evExtractor, .evConfidence`
		spans   = `, .evStart, .evEnd`
	)
	switch rd.Evidence {
	case kg.EvidenceFull:
		if rd.SentencesOnly {
			return relScalars + `, .evText` + spans + `, evArticle:` + blank + `, evExtractor:` + blank + `, evConfidence:` + blank, nil
		}
		return relScalars + `, ` + article + `, .evText` + spans + meta, nil
	case kg.EvidenceRefs:
		if rd.SentencesOnly {
			return relScalars + spans + `, evText:` + blank + `, evArticle:` + blank + `, evExtractor:` + blank + `, evConfidence:` + blank, nil
		}
		return relScalars + `, ` + article + spans + meta + `, evText:` + blank, nil
	case kg.EvidenceCount:
		return relScalars + `, evCount: size(coalesce(r.evArticle, []))`, nil
	case kg.EvidenceNone:
		return relScalars, nil
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

// relScalars are the properties every relation read needs; relBare,
// those of a read without the relation's properties.
const (
	relScalars = relBare + `, .propArticle, .propKey, .propValue`
	relBare    = `.id, .confidence, .retracted, .retractReason`
)

// entityMap projects an entity node bound to the variable it follows on
// the properties entityFromProps reads.
const entityMap = ` {.id, .type, .subtype, .name, .aliases}`

// briefEntityMap is entityMap without the aliases: the ends of a read with
// BriefEnds.
const briefEntityMap = ` {.id, .type, .subtype, .name}`

// endMap is the projection of a read's end entities.
func endMap(rd kg.RelationRead) string {
	if rd.BriefEnds {
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
