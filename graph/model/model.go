// Package model holds the GraphQL types that have no counterpart in kg:
// connections, edges and views built by resolvers.
package model

import (
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// RoleHeld is a HOLDS_ROLE relation seen from the person who holds it.
type RoleHeld struct {
	Title    *string
	Status   *string
	Relation *kg.Relation
}

// CoMention is a traverse.CoMention with the entity it was found for, which
// the shared-articles field needs.
type CoMention struct {
	traverse.CoMention
	Center string
}
