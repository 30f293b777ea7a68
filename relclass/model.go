package relclass

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph/perceptron"
)

// Model is a trained classifier with the settings that decide what it
// adds: the margin over NONE a pair must clear and the relation types it
// may add.
type Model struct {
	// Margin is the least score of a relation class over NONE that adds
	// the relation.
	Margin float64
	// Types are the relation types the model may add; others it only
	// scores.
	Types []string
	// NewPairs adds relations only between entities the rules did not
	// relate at all.
	NewPairs bool

	index   map[uint64]int32
	weights [][]weight
	enabled map[string]bool
}

type weight struct {
	cls uint8
	w   float32
}

// Example is one candidate pair for training: its features, the classes
// the gold allows (none: NONE) and the classes the entity types allow.
type Example struct {
	Feats []uint64
	Truth []int
	Mask  []bool
	// Bag groups the examples of one entity pair of one article: a
	// related pair needs only one sentence that says so (see Train).
	Bag int
}

// Examples returns the candidates of d as training examples; truth gives
// the classes the gold allows for each. The examples of one entity pair
// share a Bag, numbered from 1 in d.
func Examples(d *Doc, truth func(Pair) []int) []Example {
	var out []Example
	bags := map[[2]int]int{}
	for _, p := range Pairs(d) {
		mask := make([]bool, len(classes))
		d.allowedClasses(p, mask)
		s := d.Sents[p.Sent]
		a, b := s.Mentions[p.A].Ent, s.Mentions[p.B].Ent
		k := [2]int{min(a, b), max(a, b)}
		if bags[k] == 0 {
			bags[k] = len(bags) + 1
		}
		out = append(out, Example{Feats: Features(d, p, nil), Truth: truth(p), Mask: mask, Bag: bags[k]})
	}
	return out
}

// TrainOptions are the settings of Train.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Margin float64
	Types  []string
	// NewPairs adds relations only between entities the rules did not
	// relate at all.
	NewPairs bool
}

// Train fits an averaged perceptron to exs: deterministic given the
// examples, their order and the options.
func Train(exs []Example, opt TrainOptions) *Model {
	tr := perceptron.New()
	// The gold relates entities, not sentences: of the sentences naming
	// a related pair, some say nothing of the relation. Each bag of a
	// related pair teaches only through the sentence the model finds most
	// telling (multi-instance learning); an unrelated pair teaches NONE
	// through every sentence.
	var bags [][]int
	at := map[int]int{}
	for i, ex := range exs {
		k, ok := at[ex.Bag]
		if !ok {
			k = len(bags)
			at[ex.Bag] = k
			bags = append(bags, nil)
		}
		bags[k] = append(bags[k], i)
	}
	order := make([]int, len(bags))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7265_6c63))
	scores := make([]float32, len(classes))
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, b := range order {
			bag := bags[b]
			if len(exs[bag[0]].Truth) == 0 {
				for _, k := range bag {
					ex := exs[k]
					clear(scores)
					tr.Score(ex.Feats, scores)
					tr.Update(ex.Feats, 0, argmax(scores, ex.Mask))
					tr.Tick()
				}
				continue
			}
			best, bestTruth, bestGuess := -1, 0, 0
			var bestGap float32
			for _, k := range bag {
				ex := exs[k]
				clear(scores)
				tr.Score(ex.Feats, scores)
				truth := ex.Truth[0]
				for _, c := range ex.Truth {
					if scores[c] > scores[truth] {
						truth = c
					}
				}
				guess := argmax(scores, ex.Mask)
				if slices.Contains(ex.Truth, guess) {
					guess = truth
				}
				other := 0 // the best class that is not right
				for c := 1; c < len(scores); c++ {
					if ex.Mask[c] && !slices.Contains(ex.Truth, c) && scores[c] > scores[other] {
						other = c
					}
				}
				if gap := scores[truth] - scores[other]; best < 0 || gap > bestGap {
					best, bestGap, bestTruth, bestGuess = k, gap, truth, guess
				}
			}
			tr.Update(exs[best].Feats, bestTruth, bestGuess)
			tr.Tick()
		}
	}
	keys, ws := tr.Averaged()
	m := &Model{Margin: opt.Margin, Types: slices.Clone(opt.Types), NewPairs: opt.NewPairs, index: make(map[uint64]int32, len(keys))}
	for i, k := range keys {
		m.index[k] = int32(i)
		row := make([]weight, len(ws[i]))
		for j, w := range ws[i] {
			row[j] = weight{uint8(w.Class), float32(w.W)}
		}
		m.weights = append(m.weights, row)
	}
	m.enable()
	return m
}

// WithSettings returns a copy of m sharing its weights, with another margin
// and set of types.
func (m *Model) WithSettings(margin float64, types []string, newPairs bool) *Model {
	c := *m
	c.Margin, c.Types, c.NewPairs = margin, slices.Clone(types), newPairs
	c.enable()
	return &c
}

func (m *Model) enable() {
	m.enabled = map[string]bool{}
	for _, t := range m.Types {
		m.enabled[t] = true
	}
}

func argmax(scores []float32, mask []bool) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if mask[c] && scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// score fills scores with the weights of feats.
func (m *Model) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if i, ok := m.index[f]; ok {
			for _, w := range m.weights[i] {
				scores[w.cls] += w.w
			}
		}
	}
}

// Predict returns the relations the model adds to d: for each candidate
// pair, its best class allowed by the entity types, when that class is an
// enabled relation type that clears the margin over NONE and the rules did
// not already find that relation. Pairs with a pronoun end are left out.
// A relation found in several sentences is returned once per sentence.
func (m *Model) Predict(d *Doc) []Found {
	var out []Found
	for _, f := range m.Scored(d) {
		if f.Margin > m.Margin && m.enabled[f.Type] {
			out = append(out, f)
		}
	}
	return out
}

// Scored returns what Predict chooses from, whatever the margin: for each
// pair that Predict reads (not a pronoun's, not negated, with NewPairs not
// a pair the rules related), its best class allowed by the entity types
// when that is a relation and not NONE, with its margin over NONE, unless
// the rules found that very relation.
func (m *Model) Scored(d *Doc) []Found {
	var out []Found
	scores := make([]float32, len(classes))
	mask := make([]bool, len(classes))
	var buf []uint64
	neg := feat(fNeg)
	for _, p := range Pairs(d) {
		// A pronoun's resolution may be wrong and the relation with it:
		// cross-validated, the relations added to a pronoun were two
		// right of six, those to a description twelve of thirteen. The
		// pairs still teach the model.
		s := d.Sents[p.Sent]
		if ma, mb := s.Mentions[p.A], s.Mentions[p.B]; ma.Pron && !ma.Desc || mb.Pron && !mb.Desc {
			continue
		}
		if m.NewPairs && d.ruled(p) {
			continue
		}
		buf = Features(d, p, buf[:0])
		// A negated path states that the relation does not hold.
		if slices.Contains(buf, neg) {
			continue
		}
		m.score(buf, scores)
		d.allowedClasses(p, mask)
		c := argmax(scores, mask)
		if c == 0 {
			continue
		}
		src, dst := d.ends(p, classes[c])
		if slices.Contains(d.Ruled[[2]int{src, dst}], classes[c].typ) ||
			symmetric(classes[c].typ) && slices.Contains(d.Ruled[[2]int{dst, src}], classes[c].typ) {
			continue
		}
		out = append(out, Found{Type: classes[c].typ, Src: src, Dst: dst, Sent: p.Sent, Margin: float64(scores[c] - scores[0])})
	}
	return out
}

// Confidence maps a margin to the confidence of an added relation: above
// the model's margin it rises from 0.5 toward 0.8, within the range of the
// rules' confidences.
func (m *Model) Confidence(margin float64) float64 {
	x := max(margin-m.Margin, 0)
	return math.Round((0.5+0.3*x/(x+5))*100) / 100
}

const magic = "relclass 1\n"

// Write stores m, gzip-compressed, byte for byte the same for the same
// model.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	put := func(v any) { _ = binary.Write(bw, le, v) } // bufio reports errors on Flush
	bw.WriteString(magic)
	put(m.Margin)
	put(m.NewPairs)
	put(uint32(len(m.Types)))
	for _, t := range m.Types {
		put(uint32(len(t)))
		bw.WriteString(t)
	}
	put(uint32(len(classes)))
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		row := m.weights[m.index[k]]
		put(k)
		put(uint8(len(row)))
		for _, w := range row {
			put(w.cls)
			put(w.w)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("relclass: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("relclass: write model: %w", err)
	}
	return nil
}

// ReadModel loads a model that Write stored.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("relclass: read model: %w", err)
	}
	br := bufio.NewReader(zr)
	le := binary.LittleEndian
	var rerr error
	get := func(v any) {
		if rerr == nil {
			rerr = binary.Read(br, le, v)
		}
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("relclass: read model: not a relclass model")
	}
	m := &Model{index: map[uint64]int32{}}
	get(&m.Margin)
	get(&m.NewPairs)
	var n uint32
	get(&n)
	if rerr == nil && n > uint32(len(scoredTypes)) {
		return nil, errors.New("relclass: read model: bad type count")
	}
	for i := uint32(0); i < n && rerr == nil; i++ {
		var l uint32
		get(&l)
		if rerr == nil && l > 64 {
			return nil, errors.New("relclass: read model: bad type name")
		}
		b := make([]byte, l)
		if rerr == nil {
			_, rerr = io.ReadFull(br, b)
		}
		m.Types = append(m.Types, string(b))
	}
	var nc, nk uint32
	get(&nc)
	if rerr == nil && nc != uint32(len(classes)) {
		return nil, fmt.Errorf("relclass: read model: %d classes, this build has %d", nc, len(classes))
	}
	get(&nk)
	for i := uint32(0); i < nk && rerr == nil; i++ {
		var k uint64
		var l uint8
		get(&k)
		get(&l)
		row := make([]weight, l)
		for j := range row {
			get(&row[j].cls)
			get(&row[j].w)
			if rerr == nil && int(row[j].cls) >= len(classes) {
				return nil, errors.New("relclass: read model: bad class")
			}
		}
		m.index[k] = int32(len(m.weights))
		m.weights = append(m.weights, row)
	}
	if rerr != nil {
		return nil, fmt.Errorf("relclass: read model: %w", rerr)
	}
	m.enable()
	return m, nil
}
