package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/kg"
)

// The helpers here read what a query selects below the field being
// resolved, so that a store read fetches only that. Fragments are
// flattened whatever their type condition and @skip/@include are not
// evaluated: a read may fetch more than the query needs, never less.

// selections is the selection set of the field being resolved.
func selections(ctx context.Context) []ast.SelectionSet {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil
	}
	return []ast.SelectionSet{fc.Field.Selections}
}

// eachField calls fn for every field of sets, through fragments.
func eachField(sets []ast.SelectionSet, fn func(f *ast.Field)) {
	var walk func(set ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				fn(s)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if s.Definition != nil {
					walk(s.Definition.SelectionSet)
				}
			}
		}
	}
	for _, set := range sets {
		walk(set)
	}
}

// under returns the selection sets of the fields named name in sets, and
// whether there is any such field.
func under(sets []ast.SelectionSet, name string) ([]ast.SelectionSet, bool) {
	var out []ast.SelectionSet
	found := false
	eachField(sets, func(f *ast.Field) {
		if f.Name == name {
			found = true
			out = append(out, f.SelectionSet)
		}
	})
	return out, found
}

// path follows names down from sets: the selection sets at the end.
func path(sets []ast.SelectionSet, names ...string) []ast.SelectionSet {
	for _, n := range names {
		sets, _ = under(sets, n)
	}
	return sets
}

// selects reports whether sets select a field named name.
func selects(sets []ast.SelectionSet, name string) bool {
	_, ok := under(sets, name)
	return ok
}

// evidenceIn is the evidence read that the selections need: every field
// named evidence at any depth counts, and its text asks for the whole.
func evidenceIn(sets []ast.SelectionSet) kg.EvidenceRead {
	need := kg.EvidenceNone
	var walk func(sets []ast.SelectionSet)
	walk = func(sets []ast.SelectionSet) {
		eachField(sets, func(f *ast.Field) {
			if f.Name == "evidence" {
				need = need.Needs(kg.EvidenceRefs)
				if selects([]ast.SelectionSet{f.SelectionSet}, "text") {
					need = kg.EvidenceFull
				}
			}
			if len(f.SelectionSet) > 0 {
				walk([]ast.SelectionSet{f.SelectionSet})
			}
		})
	}
	walk(sets)
	return need
}

// selectsDeep reports whether sets select a field named name at any depth.
func selectsDeep(sets []ast.SelectionSet, name string) bool {
	found := false
	var walk func(sets []ast.SelectionSet)
	walk = func(sets []ast.SelectionSet) {
		eachField(sets, func(f *ast.Field) {
			if f.Name == name {
				found = true
			}
			if !found && len(f.SelectionSet) > 0 {
				walk([]ast.SelectionSet{f.SelectionSet})
			}
		})
	}
	walk(sets)
	return found
}

// sentencesOnly reports whether every evidence field at any depth of sets
// selects no more than the sentence and its offsets.
func sentencesOnly(sets []ast.SelectionSet) bool {
	only := true
	var walk func(sets []ast.SelectionSet)
	walk = func(sets []ast.SelectionSet) {
		eachField(sets, func(f *ast.Field) {
			if f.Name == "evidence" {
				eachField([]ast.SelectionSet{f.SelectionSet}, func(g *ast.Field) {
					switch g.Name {
					case "text", "start", "end", "__typename":
					default:
						only = false
					}
				})
			}
			if len(f.SelectionSet) > 0 {
				walk([]ast.SelectionSet{f.SelectionSet})
			}
		})
	}
	walk(sets)
	return only
}

// relationRead is the read of relations whose selection sets are sets:
// the evidence and the scalars they select and, when they select either
// end, the ends, brief unless an end's aliases are selected, and only ids
// and names unless an end's type or subtype is too.
func relationRead(sets []ast.SelectionSet) kg.RelationRead {
	src, s := under(sets, "source")
	tgt, t := under(sets, "target")
	ends := slices.Concat(src, tgt)
	ev := evidenceIn(sets)
	brief := (s || t) && !selects(ends, "aliases")
	return kg.RelationRead{Evidence: ev, Ends: s || t,
		BriefEnds:     brief,
		EndNames:      brief && !selects(ends, "type") && !selects(ends, "subtype"),
		SentencesOnly: ev <= kg.EvidenceRefs && sentencesOnly(sets),
		NoProperties:  !selects(sets, "properties") && !selects(sets, "property"),
		NoConfidence:  !selects(sets, "confidence"),
		NoRetraction:  !selects(sets, "retracted") && !selects(sets, "retractReason")}
}

// primeEnds puts the end entities a relation read gave into the request's
// entity loader, so later look-ups of those entities (a hop's from and to,
// a role's organization, the ends withEnds fills in) need no store call.
// Brief ends are partial entities: they answer their relation's source and
// target only.
func (r *Resolver) primeEnds(ctx context.Context, rels []*kg.Relation, rd kg.RelationRead) {
	if rd.BriefEnds {
		return
	}
	ld := r.loaders(ctx).entities
	for _, rel := range rels {
		if rel.SourceEntity != nil {
			ld.Prime(rel.Source, rel.SourceEntity)
		}
		if rel.TargetEntity != nil {
			ld.Prime(rel.Target, rel.TargetEntity)
		}
	}
}

// selectsEnds reports whether sets, a relation's selections, select its
// source or target.
func selectsEnds(sets []ast.SelectionSet) bool {
	return selects(sets, "source") || selects(sets, "target")
}

// withEnds returns rels with both end entities of each relation filled in.
// Source and target are plain fields (a resolver field costs the executor
// a goroutine per relation), so relations whose read gave no ends get them
// here, in one batch of the request's entity loader. A relation lacking an
// end is copied, not changed: the loaders' caches may share it.
func (r *Resolver) withEnds(ctx context.Context, rels []*kg.Relation) ([]*kg.Relation, error) {
	var ids []string
	for _, rel := range rels {
		if rel.SourceEntity == nil {
			ids = append(ids, rel.Source)
		}
		if rel.TargetEntity == nil {
			ids = append(ids, rel.Target)
		}
	}
	if len(ids) == 0 {
		return rels, nil
	}
	es, err := r.loaders(ctx).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load relation ends: %w", err)
	}
	out := make([]*kg.Relation, len(rels))
	k := 0
	for i, rel := range rels {
		out[i] = rel
		if rel.SourceEntity != nil && rel.TargetEntity != nil {
			continue
		}
		c := *rel
		if c.SourceEntity == nil {
			c.SourceEntity, k = es[k], k+1
		}
		if c.TargetEntity == nil {
			c.TargetEntity, k = es[k], k+1
		}
		if c.SourceEntity == nil || c.TargetEntity == nil {
			return nil, fmt.Errorf("relation %q: dangling entity id %q or %q", rel.ID, rel.Source, rel.Target)
		}
		out[i] = &c
	}
	return out, nil
}

// withEnd is withEnds of one relation.
func (r *Resolver) withEnd(ctx context.Context, rel *kg.Relation) (*kg.Relation, error) {
	if rel == nil || (rel.SourceEntity != nil && rel.TargetEntity != nil) {
		return rel, nil
	}
	rels, err := r.withEnds(ctx, []*kg.Relation{rel})
	if err != nil {
		return nil, err
	}
	return rels[0], nil
}
