package graph

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
)

// rolesHeld turns a person's HOLDS_ROLE relations into roles: one per title
// (compared without case and spacing) and status. One role is often stated
// with two ends ("Iraq's interior minister": the country and the ministry)
// or spelled two ways, and listing it once per relation repeats it. A role
// shows the relation with the most evidence (its end, its spelling) and the
// evidence of all its relations, each sentence once. Untitled roles stay
// apart by their end, since nothing says they are one.
func rolesHeld(rels []*kg.Relation) []*model.RoleHeld {
	var out []*model.RoleHeld
	at := map[string]int{}
	for _, rel := range rels {
		key := "\x00" + rel.Target
		if t := strings.ToLower(strings.Join(strings.Fields(rel.Properties["title"]), " ")); t != "" {
			key = t + "\x00" + rel.Properties["status"]
		}
		i, seen := at[key]
		if !seen {
			at[key] = len(out)
			out = append(out, &model.RoleHeld{Relation: rel})
			i = len(out) - 1
		}
		r := out[i]
		if len(rel.Evidence) > len(r.Relation.Evidence) {
			r.Relation = rel
		}
		r.Evidence = appendNewEvidence(r.Evidence, rel.Evidence)
	}
	for _, r := range out {
		r.Title = nullable(r.Relation.Properties["title"])
		r.Status = nullable(r.Relation.Properties["status"])
	}
	return out
}

// appendNewEvidence appends the evidence of add that dst does not hold yet
// (the same sentence of the same article).
func appendNewEvidence(dst, add []kg.Evidence) []kg.Evidence {
	for _, e := range add {
		dup := false
		for _, d := range dst {
			if d.ArticleID == e.ArticleID && d.Start == e.Start && d.End == e.End {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, e)
		}
	}
	return dst
}
