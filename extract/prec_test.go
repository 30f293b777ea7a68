package extract

import "testing"

// An officer of a political party serves it as a member, whatever word
// ends the party's name: "the Tavora Union party's spokesman", "the
// treasurer of the Sovereign People's Front".
func TestPartyOfficerIsMember(t *testing.T) {
	x := run(t, "2024-03-15",
		"Budget",
		"The opposition Sinn Tavora party's finance spokesman, Ilse Marren, said the budget was unlawful.",
		"Osric Vell is a senator and the treasurer of the Sovereign People's Front (SPF), the largest party in the coalition.",
		"The official, Tomas Kervin Obuya, a deputy secretary general of the Patriotic Renewal Front (PRF), a party founded in 2001, was arrested.",
	)
	want(t, x,
		[3]string{"MEMBER_OF", "person:ilse-marren", "organization:sinn-tavora"},
		[3]string{"MEMBER_OF", "person:osric-vell", "organization:sovereign-peoples-front"},
		[3]string{"MEMBER_OF", "person:tomas-kervin-obuya", "organization:patriotic-renewal-front"},
	)
	wantNot(t, x,
		[3]string{"WORKS_FOR", "person:ilse-marren", "organization:sinn-tavora"},
		[3]string{"WORKS_FOR", "person:osric-vell", "organization:sovereign-peoples-front"},
		[3]string{"WORKS_FOR", "person:tomas-kervin-obuya", "organization:patriotic-renewal-front"},
	)
}

// A coordinator with a topic before the title coordinates that work for
// the body, not the body itself ("humanitarian coordinator"), as a
// "finance chief" does not lead it; a general manager runs the company.
func TestTopicCoordinatorAndGeneralManager(t *testing.T) {
	x := run(t, "2024-03-15",
		"Floods",
		"The World Food Programme's emergency coordinator in Norland, Brita Kessel, said roads were cut.",
		"Kestrel Oil's general manager, Arvo Peltan, told reporters that the line was shut.",
	)
	want(t, x,
		[3]string{"WORKS_FOR", "person:brita-kessel", "organization:world-food-programme"},
		[3]string{"LEADS", "person:arvo-peltan", "organization:kestrel-oil"},
	)
	wantNot(t, x,
		[3]string{"LEADS", "person:brita-kessel", "organization:world-food-programme"},
		[3]string{"WORKS_FOR", "person:arvo-peltan", "organization:kestrel-oil"},
	)
}

// An office whose title names another country by its adjective is not
// the article's country's, even when that country is named nowhere else:
// "the former Costa Rican foreign minister" in an article about Tunisia.
func TestForeignAdjectiveTitleIsNotTheArticlesState(t *testing.T) {
	x := run(t, "2024-03-15",
		"Doctors",
		"TUNIS, March 3 - Tunisia's junior doctors went on strike on Monday.",
		"The mission, led by the former Costa Rican foreign minister Elena Varga Mora, met the judges on Tuesday. The Tunisian foreign minister, Hedi Mabrouk, did not attend.",
		"Tunisia's government said it would not negotiate.",
	)
	want(t, x, [3]string{"HOLDS_ROLE", "person:hedi-mabrouk", "location:tunisia"})
	wantNot(t, x, [3]string{"HOLDS_ROLE", "person:elena-varga-mora", "location:tunisia"})
}

// A minister leads a ministry; a secretary with a modifier ("permanent
// secretary", "principal secretary") is the civil servant under the
// minister and works for it.
func TestMinistrySecretaryWorksForIt(t *testing.T) {
	x := run(t, "2024-03-15",
		"Trawlers",
		"The Ministry of Fisheries suspended 12 licences on Monday.",
		"The ministry's permanent secretary, Amina Kallon, said an audit would begin next week.",
	)
	want(t, x, [3]string{"WORKS_FOR", "person:amina-kallon", "organization:ministry-of-fisheries"})
	wantNot(t, x, [3]string{"LEADS", "person:amina-kallon", "organization:ministry-of-fisheries"})
}

// An ombudsman with a topic before the title ("human rights ombudsman")
// serves the state that appoints it; it does not lead the country.
func TestTopicOmbudsmanDoesNotLeadTheCountry(t *testing.T) {
	x := run(t, "2024-03-15",
		"Licence",
		"Moldova's telecoms regulator revoked the licence of Kestrel Mobile on Monday. The association filed a complaint with Moldova's human rights ombudsman, Ivo Marek.",
	)
	want(t, x, [3]string{"HOLDS_ROLE", "person:ivo-marek", "location:moldova"})
	wantNot(t, x, [3]string{"LEADS", "person:ivo-marek", "location:moldova"})
}

// A country's captain captains its team; no captain commands a country.
func TestCountrysCaptainDoesNotCommandIt(t *testing.T) {
	x := run(t, "2024-03-15",
		"Qualifier",
		"Peru beat Chile 2-0 in Lima on Tuesday. Peru's captain, Diego Salcedo Ruiz, said the players were focused on the pitch.",
	)
	want(t, x, [3]string{"HOLDS_ROLE", "person:diego-salcedo-ruiz", "location:peru"})
	wantNot(t, x, [3]string{"COMMANDS", "person:diego-salcedo-ruiz", "location:peru"})
}

// The director of a field named after "of", with the body before it as
// its possessor, works for the body: "the ministry's director of
// licensing", as "head of research at Y" does.
func TestPossessorsDirectorOfAFieldWorksForIt(t *testing.T) {
	x := run(t, "2024-03-15",
		"Trawlers",
		"The Marine Resources Ministry suspended 12 licences on Monday.",
		"Sesay, whose cousin Idris Sesay is the Marine Resources Ministry's director of licensing, has not been charged.",
	)
	want(t, x,
		[3]string{"WORKS_FOR", "person:idris-sesay", "organization:marine-resources-ministry"},
	)
	wantNot(t, x, [3]string{"LEADS", "person:idris-sesay", "organization:marine-resources-ministry"})
}
