package perceptron

import (
	"math"
	"testing"
)

func TestAveraged(t *testing.T) {
	tr := New()
	tr.Tick()
	tr.Update([]uint64{9, 4}, 1, 0) // t=1: both features +1 for class 1, -1 for class 0
	tr.Tick()
	tr.Update([]uint64{4}, 2, 2) // right guess: no change
	tr.Tick()
	tr.Update([]uint64{4}, 0, 1) // t=3: feature 4 back to 0 for both classes
	tr.Tick()
	if tr.Features() != 2 {
		t.Fatalf("Features() = %d, want 2", tr.Features())
	}
	var scores [3]float32
	tr.Score([]uint64{9, 4, 7}, scores[:])
	if scores != [3]float32{-1, 1, 0} {
		t.Errorf("Score = %v, want [-1 1 0]", scores)
	}
	keys, ws := tr.Averaged()
	// t=4: feature 4 held ±1 for ticks 1-2, feature 9 for ticks 1-3.
	want := map[uint64][]Weight{4: {{0, -0.5}, {1, 0.5}}, 9: {{0, -0.75}, {1, 0.75}}}
	if len(keys) != 2 || keys[0] != 4 || keys[1] != 9 {
		t.Fatalf("keys = %v, want [4 9]", keys)
	}
	for i, k := range keys {
		if len(ws[i]) != len(want[k]) {
			t.Fatalf("feature %d: %v, want %v", k, ws[i], want[k])
		}
		for j, w := range ws[i] {
			if w.Class != want[k][j].Class || math.Abs(w.W-want[k][j].W) > 1e-12 {
				t.Errorf("feature %d: %v, want %v", k, ws[i], want[k])
			}
		}
	}
	if got := MaxAbs(ws[1]); got != 0.75 {
		t.Errorf("MaxAbs = %v, want 0.75", got)
	}
}

func TestAveragedDropsZeroFeatures(t *testing.T) {
	tr := New()
	tr.Update([]uint64{5}, 1, 0) // before any tick: held for no example
	keys, _ := tr.Averaged()
	if len(keys) != 0 {
		t.Errorf("keys = %v, want none", keys)
	}
}
