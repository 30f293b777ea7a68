package extract

import "testing"

// The junta is the governing body of officers, whatever its name says.
func TestJuntaIsTheGoverningCouncil(t *testing.T) {
	x := run(t, "2024-03-15",
		"Coup",
		"Gen. Oumar Traore heads the Supreme Council for National Renewal, the body of officers that now runs the country. The council dissolved the National Assembly in June. The Patriotic Front for Unity has backed the junta since the coup.",
		"Mr. Dia Sow was named prime minister by the junta in May.",
	)
	want(t, x,
		[3]string{"SUPPORTS", "organization:patriotic-front-for-unity", "organization:supreme-council-for-national-renewal"},
		[3]string{"APPOINTED", "organization:supreme-council-for-national-renewal", "person:dia-sow"},
	)
}

// "The party" is the party the paragraph is about, not the last name that
// holds the word "party".
func TestThePartyIsTheOneInView(t *testing.T) {
	x := run(t, "2024-03-15",
		"Coalition",
		"The Northern Labour Party won eleven seats in the election.",
		"The Green Harvest party, founded last year by farmers, will join the cabinet. Its leader, Ida Berg, will become deputy prime minister. The party is backed by the Fjord Growers Federation.",
	)
	want(t, x, [3]string{"SUPPORTS", "organization:fjord-growers-federation", "organization:green-harvest"})
	wantNot(t, x, [3]string{"SUPPORTS", "organization:fjord-growers-federation", "organization:northern-labour-party"})
}

// "The court" before the court is named is the one court the article
// names.
func TestTheCourtBeforeItsName(t *testing.T) {
	x := run(t, "2024-03-15",
		"Trial",
		"A military court on Monday sentenced two journalists. The court also jailed Mr. Rami Haddad for five years.",
		"The Eastern Military Court is presided over by Judge Samir Aoun.",
	)
	want(t, x, [3]string{"DETAINED", "organization:eastern-military-court", "person:rami-haddad"})
}

// "The party's rival, X, backed …": X is the sentence's subject, and "Its"
// in the next sentence is X, not the party nor the object.
func TestApposedSubjectAndIts(t *testing.T) {
	x := run(t, "2024-03-15",
		"Rivals",
		"The Civic Renewal Party won the election. The Sovereign Council took power in June.",
		"The party's main rival, the National Dignity Movement, has backed the council since June. Its leader, Lena Okafor, appeared at rallies.",
	)
	want(t, x, [3]string{"LEADS", "person:lena-okafor", "organization:national-dignity-movement"})
	wantNot(t, x,
		[3]string{"LEADS", "person:lena-okafor", "organization:sovereign-council"},
		[3]string{"SUPPORTS", "organization:civic-renewal-party", "organization:sovereign-council"},
	)
}

// A bare plural of a force's members is the force the article names, else
// the state the article is about; a demonym says whose they are.
func TestMembersOfAForce(t *testing.T) {
	x := run(t, "2024-03-15",
		"Raid",
		"LIMA, Peru — The Peruvian navy has stepped up patrols along the coast. Mr. Tomas Quispe was arrested by marines at his farm on Friday.",
	)
	want(t, x, [3]string{"DETAINED", "organization:peruvian-navy", "person:tomas-quispe"})
	y := run(t, "2024-03-15",
		"Arrest",
		"DAKAR, Senegal — Mr. Ousmane Fall was arrested by gendarmes in Thies on Sunday. Senegal has denied holding political prisoners.",
	)
	want(t, y, [3]string{"DETAINED", "location:senegal", "person:ousmane-fall"})
	z := run(t, "2024-03-15",
		"Arrest",
		"DAKAR, Senegal — Mr. Ousmane Fall was arrested by Gambian gendarmes near the border on Sunday. Senegal protested.",
	)
	wantNot(t, z, [3]string{"DETAINED", "location:senegal", "person:ousmane-fall"})
}
