package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestTitlesAndInitialsKeepSentences checks that a title ("Br.", "Sec.")
// or an initial, also after a hyphen ("Jean-B."), does not end a sentence
// before a name, while an initial, acronym or company suffix before a
// sentence starter still does. All names are invented.
func TestTitlesAndInitialsKeepSentences(t *testing.T) {
	for text, want := range map[string]int{
		"The inquiry was opened by Br. Anselm Kowalczyk in Vilnius.":  1,
		"The decree was signed by Sec. Rodel Amparo on Monday.":       1,
		"Agents arrested Fr. Tomas Berg and Jean-B. Olsen on Monday.": 1,
		"The talks were led by Dr. Ilse Marten and Pavel B. Orsk.":    1,
		"They have no Plan B. The minister resigned.":                 2,
		"Officials met in the U.S. The meeting ended early.":          2,
		"The mill was sold to Varnel Inc. The board agreed.":          2,
		"The mill was sold to Varnel Inc. in May.":                    1,
	} {
		if ss := Sentences(text); len(ss) != want {
			t.Errorf("%q: got %d sentences, want %d: %v", text, len(ss), want, ss)
		}
	}
	x := run(t, "2024-03-15", "Inquiry",
		"The inquiry was opened by Br. Anselm Kowalczyk, who leads the Vilnius Brotherhood, and Fr. Tomas Berg.")
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{"Anselm Kowalczyk": kg.Person, "Tomas Berg": kg.Person, "Vilnius Brotherhood": kg.Organization})
}
