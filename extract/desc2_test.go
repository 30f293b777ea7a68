package extract

import "testing"

// Leading a body's investment, round or talks is an act, not leading the
// body: no LEADS to the possessor.
func TestLedActIsNoBody(t *testing.T) {
	x := run(t, "2024-03-15",
		"Funding",
		"Brightwater Analytics raised new money on Monday. Mara Lindqvist, a partner at Halvorsen Capital who led its investment, joined the board.",
		"Oskar Brandt, an adviser at Veltmark Holdings who led the company's talks with lenders, resigned.",
	)
	wantNot(t, x,
		[3]string{"LEADS", "person:mara-lindqvist", "organization:halvorsen-capital"},
		[3]string{"LEADS", "person:oskar-brandt", "organization:veltmark-holdings"},
	)
	want(t, x,
		[3]string{"HOLDS_ROLE", "person:mara-lindqvist", "organization:halvorsen-capital"},
	)
}

// "Its chief executive, A's sister X": the role is X's; A keeps only the
// kinship.
func TestRoleOfKinAppositive(t *testing.T) {
	x := run(t, "2024-03-15",
		"Foods",
		"Tessaly Foods named a new chief on Monday. Its chief executive, Pavel Dorn's sister Ilse Dorn, said sales rose.",
		"Karsk Mining hired auditors. Its chairman, Jonas Velde’s younger brother Erik Velde, said the books were sound.",
	)
	want(t, x,
		[3]string{"HOLDS_ROLE", "person:ilse-dorn", "organization:tessaly-foods"},
		[3]string{"FAMILY_OF", "person:ilse-dorn", "person:pavel-dorn"},
		[3]string{"HOLDS_ROLE", "person:erik-velde", "organization:karsk-mining"},
	)
	wantNot(t, x,
		[3]string{"HOLDS_ROLE", "person:pavel-dorn", "organization:tessaly-foods"},
		[3]string{"LEADS", "person:pavel-dorn", "organization:tessaly-foods"},
		[3]string{"HOLDS_ROLE", "person:jonas-velde", "organization:karsk-mining"},
	)
}
