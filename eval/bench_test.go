package eval

import "testing"

// BenchmarkScore scores the hand-made seed extraction against the seed gold:
// the cost the threshold test and any batch evaluation pay per article.
func BenchmarkScore(b *testing.B) {
	g := mustGold(b, seedGold)
	x := loadExtraction(b, "testdata/seed-mixed.extraction.json")
	b.ReportAllocs()
	for b.Loop() {
		Score(g, x)
	}
}

// BenchmarkNorm measures name folding, which Score runs for every gold name
// and every extracted name and alias.
func BenchmarkNorm(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Norm("Lt. Gen. Paul E. Funk II’s")
	}
}
