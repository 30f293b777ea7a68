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

// TestHyphenatedRoleNouns checks that titles written with hyphens are
// role nouns like single-word ones. All names are invented.
func TestHyphenatedRoleNouns(t *testing.T) {
	x := run(t, "2024-03-15", "Resignations",
		"The editor-in-chief of the Tallinn Courier, Lidia Varnos, resigned on Monday.",
		"The commander-in-chief of the Norvik Defence Forces, Tomas Berg, resigned on Tuesday.")
	if relation(x, kg.Leads, "person:lidia-varnos", "organization:tallinn-courier") == nil {
		t.Errorf("editor-in-chief: no LEADS: %v", x.Relations)
	}
	if relation(x, kg.Commands, "person:tomas-berg", "organization:norvik-defence-forces") == nil {
		t.Errorf("commander-in-chief: no COMMANDS: %v", x.Relations)
	}
	for _, w := range []string{"editor-in-chief", "commander-in-chief", "deputy vice-chancellor", "secretary-general", "director-general"} {
		if roleNouns[w] == roleNone {
			t.Errorf("%q is not a role noun", w)
		}
	}
	for _, w := range []string{"Editor-in-Chief", "Commander-in-Chief", "Deputy Vice-Chancellor", "Secretary-General", "Director-General"} {
		if !titles[fold(w)] {
			t.Errorf("%q is not a title", w)
		}
	}
}
