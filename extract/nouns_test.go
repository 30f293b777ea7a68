package extract

import "testing"

// A role's body may sit one phrase down, past the field of an "of" ("a
// professor of constitutional law at Y"), or be the antecedent of "whose"
// set off after a description ("Y, the region's oldest union, whose
// chairman, X").
func TestRoleOwnerPastPhrase(t *testing.T) {
	x := run(t, "2024-03-15",
		"Harbor",
		"\"It is a weak compromise,\" said Mira Castell, a professor of constitutional law at Danford College.",
		"The deal was welcomed by the Northern Fishers Association, the region's oldest fishing union, whose chairman, Tomas Ekdahl, is a former mayor.",
	)
	want(t, x,
		[3]string{"WORKS_FOR", "person:mira-castell", "organization:danford-college"},
		[3]string{"LEADS", "person:tomas-ekdahl", "organization:northern-fishers-association"},
	)
}

// A plural role set off after a list describes every name of the list and
// names an occupation, not a post: WORKS_FOR, no HOLDS_ROLE.
func TestPluralRoleAfterList(t *testing.T) {
	x := run(t, "2024-03-15",
		"Court",
		"The court also fined Ana Ruiz and Pablo Serra, lawyers with the Civic Defense League, for contempt.",
	)
	want(t, x,
		[3]string{"WORKS_FOR", "person:ana-ruiz", "organization:civic-defense-league"},
		[3]string{"WORKS_FOR", "person:pablo-serra", "organization:civic-defense-league"},
	)
	wantNot(t, x, [3]string{"HOLDS_ROLE", "person:ana-ruiz", "organization:civic-defense-league"})
}

// A part noun makes the organization it describes part of its possessor
// or of the one after its "of".
func TestPartNouns(t *testing.T) {
	x := run(t, "2024-03-15",
		"Agencies",
		"The probe was led by Marepol, the Nordic Council's maritime police agency, which declined to comment.",
		"The Harbor Development Fund (HDF), the lending arm of the Baltic Trade Bank, also joined the round.",
	)
	want(t, x,
		[3]string{"PART_OF", "organization:marepol", "organization:nordic-council"},
		[3]string{"PART_OF", "organization:harbor-development-fund", "organization:baltic-trade-bank"},
	)
}
