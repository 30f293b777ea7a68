// Package model holds the GraphQL types that have no counterpart in kg:
// connections, edges and views built by resolvers.
package model

import (
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// RoleHeld is a role seen from the person who holds it: the HOLDS_ROLE
// relations that state one title, shown by the one with the most evidence.
type RoleHeld struct {
	Title    *string
	Status   *string
	Relation *kg.Relation
	// Evidence is that of all the relations, each sentence once.
	Evidence []kg.Evidence
}

// CoMention is a traverse.CoMention with the entity it was found for, which
// the shared-articles field needs.
type CoMention struct {
	traverse.CoMention
	Center string
}
