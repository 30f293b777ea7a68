package kg

// EntityType is one of the ontology's node kinds.
type EntityType string

// Entity types of ONTOLOGY.md. They double as Neo4j labels, so only these
// values may ever be spliced into Cypher.
const (
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
	Location     EntityType = "Location"
	EventEntity  EntityType = "Event"
	Role         EntityType = "Role"
)

// EntityTypes lists every entity type in ontology order.
var EntityTypes = []EntityType{Person, Organization, Location, EventEntity, Role}

// Valid reports whether t is an ontology entity type.
func (t EntityType) Valid() bool {
	for _, x := range EntityTypes {
		if x == t {
			return true
		}
	}
	return false
}

// RelationType is one of the ontology's directed edge kinds.
type RelationType string

// Relation types of ONTOLOGY.md; they are also the Neo4j relationship types.
const (
	HoldsRole      RelationType = "HOLDS_ROLE"
	Leads          RelationType = "LEADS"
	Commands       RelationType = "COMMANDS"
	MemberOf       RelationType = "MEMBER_OF"
	WorksFor       RelationType = "WORKS_FOR"
	Detained       RelationType = "DETAINED"
	Attacked       RelationType = "ATTACKED"
	Killed         RelationType = "KILLED"
	Fought         RelationType = "FOUGHT"
	MetWith        RelationType = "MET_WITH"
	AlliedWith     RelationType = "ALLIED_WITH"
	Supports       RelationType = "SUPPORTS"
	Opposes        RelationType = "OPPOSES"
	PartOf         RelationType = "PART_OF"
	FamilyOf       RelationType = "FAMILY_OF"
	Owns           RelationType = "OWNS"
	Appointed      RelationType = "APPOINTED"
	ParticipatedIn RelationType = "PARTICIPATED_IN"
)

// RelationTypes lists every relation type in ontology order.
var RelationTypes = []RelationType{
	HoldsRole, Leads, Commands, MemberOf, WorksFor, Detained, Attacked, Killed,
	Fought, MetWith, AlliedWith, Supports, Opposes, PartOf, FamilyOf, Owns,
	Appointed, ParticipatedIn,
}

// Valid reports whether t is an ontology relation type.
func (t RelationType) Valid() bool {
	for _, x := range RelationTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Symmetric reports whether the relation reads the same both ways; such a
// relation is stored once, with its ends in canonical order.
func (t RelationType) Symmetric() bool {
	switch t {
	case Fought, MetWith, AlliedWith, FamilyOf:
		return true
	}
	return false
}

// Allows reports whether the ontology's table lets t join a source of type
// src to a target of type dst. The extractor drops what it does not allow,
// and the gold checks hold annotations to it, so a gold relation it forbids
// would be a miss no extraction could score.
func (t RelationType) Allows(src, dst EntityType) bool {
	per, org, loc := Person, Organization, Location
	is := func(x EntityType, ok ...EntityType) bool {
		for _, y := range ok {
			if x == y {
				return true
			}
		}
		return false
	}
	switch t {
	case HoldsRole, Leads:
		return src == per && is(dst, org, loc)
	case Commands:
		return src == per && is(dst, org, per, loc)
	case MemberOf:
		return is(src, per, org) && dst == org
	case WorksFor:
		return src == per && is(dst, org, per, loc)
	case Detained:
		return dst == per
	case Killed:
		return is(dst, per, org)
	case Fought:
		return is(src, org, loc) && is(dst, org, loc)
	case MetWith, FamilyOf:
		return src == per && dst == per
	case PartOf:
		return (src == org && dst == org) || (src == loc && dst == loc)
	case Owns:
		return is(src, per, org) && is(dst, org, loc)
	case Appointed:
		return is(src, per, org) && dst == per
	}
	return true
}

// EventTypes lists the ontology's event types.
var EventTypes = []string{
	"Detention", "Attack", "Killing", "Election", "Meeting", "MilitaryOperation",
	"Airstrike", "Capture", "Appointment", "Funding", "Withdrawal", "War", "Statement",
}

// Subtypes lists the subtypes the ontology allows for each entity type.
var Subtypes = map[EntityType][]string{
	Organization: {"government", "ministry", "military", "militia", "party", "alliance",
		"company", "court", "think_tank", "ngo", "media", "terrorist_group"},
	Location:    {"country", "city", "region", "facility"},
	EventEntity: EventTypes,
}

// ValidSubtype reports whether s is allowed for t; the empty subtype always is.
func ValidSubtype(t EntityType, s string) bool {
	if s == "" {
		return true
	}
	for _, x := range Subtypes[t] {
		if x == s {
			return true
		}
	}
	return false
}
