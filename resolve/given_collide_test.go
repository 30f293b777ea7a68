package resolve

import (
	"strings"
	"testing"
)

// Two names that fold to one form would be joined as one name.
func TestGivenEquivalentsDoNotCollide(t *testing.T) {
	seen := map[string]string{}
	for _, line := range givenEquivalents {
		first := strings.Fields(line)[0]
		for _, f := range strings.Fields(line) {
			k := translit(f)
			if o, ok := seen[k]; ok && o != first {
				t.Errorf("%s (%s) folds to %q like a form of %s", f, first, k, o)
			}
			seen[k] = first
		}
	}
}
