package neo4jstore

import (
	"testing"

	"github.com/newsgraph/newsgraph/storetest"
)

// BenchmarkCuration times merge, edit and split on 300 generated articles
// (storetest.BenchCuration).
func BenchmarkCuration(b *testing.B) {
	storetest.BenchCuration(b, openClean(b), 300)
}
