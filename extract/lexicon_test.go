package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func TestFoldMatchesKG(t *testing.T) {
	for _, s := range []string{"U.S.", "Mr. Araji's", "al-Araji", "O'Brien", "Iraq's Interior  Ministry", "  x--y ", "People's", "it's", "Qassim al-Araji", "'s", "a's b", "José", "A.B.C"} {
		if got, want := fold(s), kg.FoldName(s); got != want {
			t.Errorf("fold(%q) = %q, kg.FoldName = %q", s, got, want)
		}
	}
}
