package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// want checks that a rule extracted each listed relation; relations only
// the learned classifier added do not count (see relation).
func want(t *testing.T, x *kg.Extraction, rels ...[3]string) {
	t.Helper()
	for _, c := range rels {
		if relation(x, kg.RelationType(c[0]), c[1], c[2]) == nil {
			t.Errorf("missing %s(%s, %s)", c[0], c[1], c[2])
		}
	}
}

// wantNot checks that no rule extracted any of the listed relations; the
// learned classifier may still add one (see relation).
func wantNot(t *testing.T, x *kg.Extraction, rels ...[3]string) {
	t.Helper()
	for _, c := range rels {
		if relation(x, kg.RelationType(c[0]), c[1], c[2]) != nil {
			t.Errorf("unexpected %s(%s, %s)", c[0], c[1], c[2])
		}
	}
}

func TestSeedPathToSuleimani(t *testing.T) {
	_, x := seed(t)
	want(t, x,
		[3]string{"MEMBER_OF", "person:qassim-al-araji", "organization:fatah"},
		[3]string{"LEADS", "person:hadi-al-ameri", "organization:fatah"},
		[3]string{"MET_WITH", "person:hadi-al-ameri", "person:qassim-suleimani"},
	)
}

func TestLiaisonAndTalks(t *testing.T) {
	x := run(t, "2022-05-01",
		"Backchannel",
		"The general used Mr. Tomas Redl as a liaison to Mr. Ivo Kassel during the crisis.",
		"Maria Fendt, a retired diplomat, served as an intermediary with Dr. Anselm Vogt. Talks between Chancellor Hanna Brix and President Oleg Dravan ended on Friday.",
	)
	want(t, x,
		[3]string{"MET_WITH", "person:tomas-redl", "person:ivo-kassel"},
		[3]string{"MET_WITH", "person:maria-fendt", "person:anselm-vogt"},
		[3]string{"MET_WITH", "person:hanna-brix", "person:oleg-dravan"},
	)
}

func TestDemonymBodiesAndCapitals(t *testing.T) {
	x := run(t, "2024-02-02",
		"Reef Dispute",
		"MANILA — The Philippines accused China of ramming a supply boat. Manila protested, and Beijing rejected the protest.",
		"The Chilean navy arrested Mr. Rubén Soto near the port. The Chinese foreign ministry called the patrol lawful. Officials in Manila said Chilean army commanders were consulted.",
	)
	for _, id := range []string{"organization:chilean-navy", "organization:chinese-foreign-ministry", "location:manila", "location:beijing", "location:philippines", "location:china"} {
		if findEnt(x, id) == nil {
			t.Errorf("missing %s", id)
		}
	}
	if findEnt(x, "organization:chilean-army") != nil {
		t.Error("army commanders are people, not the army as a name")
	}
	want(t, x,
		[3]string{"DETAINED", "organization:chilean-navy", "person:ruben-soto"},
		[3]string{"OPPOSES", "location:philippines", "location:china"},
	)
}

func TestTreatiesSuppliesAndKin(t *testing.T) {
	x := run(t, "2024-02-02",
		"Pact",
		"Estonia, which has a defense treaty with Finland, protested. Russia has supplied the Steppe Front with drones.",
		"Mr. Karl Weber's younger brother, Otto Weber, runs a bank.",
	)
	want(t, x,
		[3]string{"ALLIED_WITH", "location:estonia", "location:finland"},
		[3]string{"SUPPORTS", "location:russia", "organization:steppe-front"},
		[3]string{"FAMILY_OF", "person:karl-weber", "person:otto-weber"},
	)
}

func TestOrganizationShapes(t *testing.T) {
	x := run(t, "2024-02-02",
		"Blocs",
		"The Cártel de los Altos has fought for years. Troops left Air Base 201 near the capital. The party, Green Dawn, won 12 seats.",
		"Mr. Kader Sow owns a cement company, Ciments du Nord. Al Qaeda claimed the attack, and NATO condemned it.",
	)
	for _, c := range []struct{ id, sub string }{
		{"organization:cartel-de-los-altos", "militia"},
		{"location:air-base-201", "facility"},
		{"organization:green-dawn", "party"},
		{"organization:ciments-du-nord", "company"},
		{"organization:al-qaeda", "terrorist_group"},
		{"organization:nato", "alliance"},
	} {
		if e := findEnt(x, c.id); e == nil || e.Subtype != c.sub {
			t.Errorf("%s: %+v", c.id, e)
		}
	}
	if findEnt(x, "person:ciments-du-nord") != nil {
		t.Error("a company named with a particle is not a person")
	}
	want(t, x, [3]string{"OWNS", "person:kader-sow", "organization:ciments-du-nord"})
}

func TestBareAppositiveRoles(t *testing.T) {
	x := run(t, "2024-02-02",
		"Strike",
		"Anna Bakker, leader of the Green Left Alliance, agreed. The Free Workers Union, whose president is Sara Alaoui, called a strike.",
	)
	want(t, x,
		[3]string{"LEADS", "person:anna-bakker", "organization:green-left-alliance"},
		[3]string{"HOLDS_ROLE", "person:sara-alaoui", "organization:free-workers-union"},
	)
}

func TestMembershipPhrases(t *testing.T) {
	x := run(t, "2024-02-02",
		"Seats",
		"Mr. Jan Kos is a former member of Parliament for the Green Dawn Party. He is affiliated with the Coastal Alliance.",
	)
	want(t, x,
		[3]string{"MEMBER_OF", "person:jan-kos", "organization:green-dawn-party"},
		[3]string{"MEMBER_OF", "person:jan-kos", "organization:coastal-alliance"},
	)
	if findEnt(x, "organization:parliament-for-the-green-dawn-party") != nil {
		t.Error("a seat for a party is not part of Parliament's name")
	}
	wantNot(t, x, [3]string{"LEADS", "person:jan-kos", "organization:parliament"})
}

// TestRuleLookupsIgnoreClassifier checks that the rule tests' lookup sees
// a relation a rule produced, even one the classifier also supports, and
// not one the classifier alone added.
func TestRuleLookupsIgnoreClassifier(t *testing.T) {
	rel := func(typ kg.RelationType, src, dst string, by ...string) kg.Relation {
		r := kg.Relation{ID: kg.RelationID(typ, src, dst), Type: typ, Source: src, Target: dst}
		for _, e := range by {
			r.Evidence = append(r.Evidence, kg.Evidence{Extractor: e})
		}
		return r
	}
	x := &kg.Extraction{Relations: []kg.Relation{
		rel(kg.HoldsRole, "person:a", "organization:b", ClassifierName),
		rel(kg.Leads, "person:a", "organization:b", Name),
		rel(kg.WorksFor, "person:a", "organization:c", ClassifierName, Name),
	}}
	if relation(x, kg.HoldsRole, "person:a", "organization:b") != nil {
		t.Error("a relation only the classifier added counts as a rule's")
	}
	if relation(x, kg.Leads, "person:a", "organization:b") == nil || relation(x, kg.WorksFor, "person:a", "organization:c") == nil {
		t.Error("a rule's relation is not found")
	}
	if rs := ruleRelations(x); len(rs) != 2 {
		t.Errorf("ruleRelations gives %d relations, want 2", len(rs))
	}
}
