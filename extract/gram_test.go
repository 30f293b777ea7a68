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
