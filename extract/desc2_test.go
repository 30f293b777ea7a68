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
