package extract

import "testing"

// A capitalized role phrase outside any name ("Trade Minister") is a
// common noun phrase: the parser must not read it as a list of names.
func TestTitleCasedRolePhrase(t *testing.T) {
	x := run(t, "2024-03-15",
		"Talks",
		"Norway's Trade Minister, Helen Dahl, spoke with reporters on Monday.",
		"Chile's Foreign Minister, Mr. Jorge Varela, arrived later.",
	)
	want(t, x,
		[3]string{"HOLDS_ROLE", "person:helen-dahl", "location:norway"},
		[3]string{"HOLDS_ROLE", "person:jorge-varela", "location:chile"},
	)
}

// A place named at the start of a title before a name is the post's,
// even with more title words after it.
func TestPlaceOpeningTitle(t *testing.T) {
	x := run(t, "2024-03-15",
		"Strike",
		"The strike in Ontario entered its third week. Ontario Labour Minister Sylvie Dubois said on Thursday that talks would resume.",
	)
	want(t, x, [3]string{"HOLDS_ROLE", "person:sylvie-dubois", "location:ontario"})
}

// Coordinated verbs share their subject whatever the voice of each:
// "Y, which builds ferries and is controlled by X".
func TestCoordinatedPassiveSharesSubject(t *testing.T) {
	x := run(t, "2024-03-15",
		"Ferries",
		"Kestrel Marine, which builds ferries and is controlled by Oskar Brandt, said it would appeal.",
		"The Harbor Party, which runs the port council and is allied with the Green Bloc, said it would vote.",
	)
	want(t, x,
		[3]string{"OWNS", "person:oskar-brandt", "organization:kestrel-marine"},
		[3]string{"ALLIED_WITH", "organization:green-bloc", "organization:harbor-party"},
	)
}

// A reduced relative describes the nominal before it wherever the parser
// hung it: on the main verb ("the party led by X", hung on "leaves"), on
// the noun it follows, or on a later verb when joined by "and" to an
// earlier participle ("founded by X and now run by his son, Y", with
// "founded" tagged as a past tense). The agent may be a noun with the
// name set off after it, or coordinated names in apposition to one.
func TestReducedRelatives(t *testing.T) {
	x := run(t, "2024-03-15",
		"Media",
		"The deal leaves out the Harbor Party, the populist party led by Mr. Piet Ramos, which won 34 seats.",
		"Kestrel Media, a Dublin company founded in 1961 by the printer Oskar Brandt and now run by his son, Jonas Brandt, has sold its titles.",
		"The Brandt Trust, a charity named after a unionist and run by his daughter, Marta Brandt, said it had filed a complaint.",
		"Kestrel Labs was founded in 1958 by the chemists Erik Dahl and Lena Ostrova.",
	)
	want(t, x,
		[3]string{"LEADS", "person:piet-ramos", "organization:harbor-party"},
		[3]string{"LEADS", "person:oskar-brandt", "organization:kestrel-media"},
		[3]string{"LEADS", "person:jonas-brandt", "organization:kestrel-media"},
		[3]string{"LEADS", "person:marta-brandt", "organization:brandt-trust"},
		[3]string{"LEADS", "person:erik-dahl", "organization:kestrel-labs"},
		[3]string{"LEADS", "person:lena-ostrova", "organization:kestrel-labs"},
	)
}

// A name before the head noun of a part ("the X department", "the X
// team") is the body itself.
func TestNameBeforePartNoun(t *testing.T) {
	x := run(t, "2024-03-15",
		"Police",
		"Mr. Piet Ramos, a retired general who led the Harbor Police department before 2020, returned to the board on Monday.",
	)
	want(t, x, [3]string{"LEADS", "person:piet-ramos", "organization:harbor-police"})
}

// "Y, of which X is a member": the relative after the preposition stands
// for the name before it.
func TestOfWhichOwner(t *testing.T) {
	x := run(t, "2024-03-15",
		"League",
		"The Green League, of which the Harbor Club is a member, said it was following the case.",
	)
	want(t, x, [3]string{"MEMBER_OF", "organization:harbor-club", "organization:green-league"})
}

// The subject of a copula may be a noun with its name set off after a
// relative clause, and an apposition after "of Y" describes Y: "the
// commissioner who voted against it, X, is the niece of Y, a member of
// parliament".
func TestCopulaAfterLongSubject(t *testing.T) {
	x := run(t, "2024-03-15",
		"Vote",
		"The vote was held on Monday in the capital. The lone commissioner who voted against the dismissal, Ms. Anna Sorel, is the niece of Mr. Oskar Brandt, a member of parliament.",
	)
	want(t, x, [3]string{"FAMILY_OF", "person:anna-sorel", "person:oskar-brandt"})
}

// The noun of a "whose" phrase is the subject of the verb right after
// it, wherever the parser hung the verb: "Y, whose mission in Z is led by
// X, said".
func TestWhosePhraseSubject(t *testing.T) {
	x := run(t, "2024-03-15",
		"Observers",
		"Observers from the Harbor Council's Office for Elections (OFE), whose mission in Norway is led by the Danish diplomat Karen Holm, said in a report that the vote had been fair.",
	)
	want(t, x, [3]string{"LEADS", "person:karen-holm", "organization:office-for-elections"})
}

// A role set off after a noun takes the name set off after its own
// phrase, and a body noun with a name in a compound stands for that name:
// "the witness, a former commander of the X state police, Y,".
func TestRoleOfNamedBodyNoun(t *testing.T) {
	x := run(t, "2024-03-15",
		"Trial",
		"The trial opened in Nayarit on Monday. The first witness, a former commander of the Nayarit state police, Rodrigo Salas, testified on Monday.",
	)
	want(t, x, [3]string{"HOLDS_ROLE", "person:rodrigo-salas", "location:nayarit"})
}
