// Package perceptron trains averaged perceptrons over hashed features: the
// multiclass linear models of package syntax (tagger, parser, labeler) and
// package ner (name tagger). Callers freeze and store the averaged weights
// in their own model formats.
package perceptron

import (
	"math"
	"slices"
)

// Trainer is an averaged perceptron over hashed features. Each feature
// keeps only the classes an update has touched, so models with many
// classes stay small. The zero value is not usable; call New.
type Trainer struct {
	index  map[uint64]int32
	params [][]param
	t      int32
}

type param struct {
	cls   uint16
	stamp int32 // tick of the last change to w
	w     float32
	total float64 // w summed over the ticks before stamp
}

// New returns an empty trainer.
func New() *Trainer {
	return &Trainer{index: map[uint64]int32{}}
}

// Features returns how many features have weights.
func (tr *Trainer) Features() int { return len(tr.params) }

// Score adds the current weights of feats to scores (indexed by class).
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		if i, ok := tr.index[f]; ok {
			for _, p := range tr.params[i] {
				scores[p.cls] += p.w
			}
		}
	}
}

// Tick counts one training example: the averages weigh each weight by the
// number of ticks it was held.
func (tr *Trainer) Tick() { tr.t++ }

// Update moves the weights of feats toward truth and away from guess, when
// they differ.
func (tr *Trainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		i, ok := tr.index[f]
		if !ok {
			i = int32(len(tr.params))
			tr.index[f] = i
			tr.params = append(tr.params, nil)
		}
		tr.bump(i, truth, 1)
		tr.bump(i, guess, -1)
	}
}

func (tr *Trainer) bump(i int32, c int, d float32) {
	ps := tr.params[i]
	for j := range ps {
		if int(ps[j].cls) == c {
			p := &ps[j]
			p.total += float64(p.w) * float64(tr.t-p.stamp)
			p.stamp = tr.t
			p.w += d
			return
		}
	}
	tr.params[i] = append(ps, param{cls: uint16(c), stamp: tr.t, w: d})
}

// Weight is one class's averaged weight of a feature.
type Weight struct {
	Class uint16
	W     float64
}

// Averaged returns the features in key order with their nonzero averaged
// weights in class order, leaving out features with none.
func (tr *Trainer) Averaged() ([]uint64, [][]Weight) {
	keys := make([]uint64, 0, len(tr.index))
	for k := range tr.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	outK := keys[:0]
	var outW [][]Weight
	t := float64(max(tr.t, 1))
	for _, k := range keys {
		var ws []Weight
		for _, p := range tr.params[tr.index[k]] {
			if avg := (p.total + float64(p.w)*float64(tr.t-p.stamp)) / t; avg != 0 {
				ws = append(ws, Weight{p.cls, avg})
			}
		}
		if len(ws) > 0 {
			slices.SortFunc(ws, func(a, b Weight) int { return int(a.Class) - int(b.Class) })
			outK = append(outK, k)
			outW = append(outW, ws)
		}
	}
	return outK, outW
}

// MaxAbs returns the largest magnitude among ws, 0 for none.
func MaxAbs(ws []Weight) float64 {
	m := 0.0
	for _, w := range ws {
		m = math.Max(m, math.Abs(w.W))
	}
	return m
}
