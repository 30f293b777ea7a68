package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/newsgraph/newsgraph/perceptron"
	"github.com/newsgraph/newsgraph/wordfeat"
)

// Features are 48-bit hashes: enough to keep collisions negligible, short in the model file.
const featMask = 1<<48 - 1

// feat hashes a feature template and its values into the model's 48-bit key space.
func feat(t uint64, vals ...uint64) uint64 { return wordfeat.Feature(t, vals...) & featMask }

// linear is a frozen sparse multiclass linear model: an open-addressing table
// from feature hash to the feature's nonzero class weights, quantized to 16
// bits against one scale per model (argmax needs no scale). Models with at
// most four classes keep the weights in the slot itself, so that a feature
// costs one cache miss. Slots keep 32 bits of the feature above the bits
// that index the table.
type linear struct {
	nClasses int
	mask     uint64
	scale    float64
	slots    []slot   // sparse layout
	dense    []dslot  // layout for nClasses <= 4
	ew       []uint32 // class<<16 | uint16(weight): class and weight in one load
}

type slot struct {
	key uint32 // 0 = empty
	cnt uint32
	off uint32 // start of the feature's entries
}

type dslot struct {
	key uint32
	w   [4]int16
}

func slotKey(f uint64) uint32 { return uint32(f>>16) | 1 }

// score adds the weights of feats to scores (len nClasses), in units of m.scale.
func (m *linear) score(feats []uint64, scores []float32) {
	if m.dense != nil {
		_ = scores[3]
		for _, f := range feats {
			k := slotKey(f)
			i := f & m.mask
			for {
				d := &m.dense[i]
				if d.key == k {
					scores[0] += float32(d.w[0])
					scores[1] += float32(d.w[1])
					scores[2] += float32(d.w[2])
					scores[3] += float32(d.w[3])
					break
				}
				if d.key == 0 {
					break
				}
				i = (i + 1) & m.mask
			}
		}
		return
	}
	for _, f := range feats {
		k := slotKey(f)
		i := f & m.mask
		for {
			sl := &m.slots[i]
			if sl.key == k {
				for _, e := range m.ew[sl.off : sl.off+sl.cnt] {
					scores[e>>16] += float32(int16(e))
				}
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
}

type entry struct {
	cls uint16
	w   float32
}

func quantScale(entries [][]entry) float64 {
	var maxw float64
	for _, es := range entries {
		for _, e := range es {
			maxw = math.Max(maxw, math.Abs(float64(e.w)))
		}
	}
	if maxw == 0 {
		return 1
	}
	return maxw / 32767
}

// build makes a frozen model from features sorted by key.
func build(nClasses int, keys []uint64, entries [][]entry) *linear {
	if nClasses > 256 {
		panic("syntax: more than 256 classes")
	}
	size := uint64(4)
	for size < uint64(len(keys))*2 {
		size <<= 1
	}
	m := &linear{nClasses: nClasses, mask: size - 1, scale: quantScale(entries)}
	q := func(w float32) int16 { return int16(math.Round(float64(w) / m.scale)) }
	if nClasses <= 4 {
		m.dense = make([]dslot, size)
		for fi, f := range keys {
			i := f & m.mask
			for m.dense[i].key != 0 {
				i = (i + 1) & m.mask
			}
			m.dense[i].key = slotKey(f)
			for _, e := range entries[fi] {
				m.dense[i].w[e.cls] = q(e.w)
			}
		}
		return m
	}
	m.slots = make([]slot, size)
	total := 0
	for _, e := range entries {
		total += len(e)
	}
	m.ew = make([]uint32, 0, total)
	for fi, f := range keys {
		i := f & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{key: slotKey(f), off: uint32(len(m.ew)), cnt: uint32(len(entries[fi]))}
		for _, e := range entries[fi] {
			m.ew = append(m.ew, uint32(e.cls)<<16|uint32(uint16(q(e.w))))
		}
	}
	return m
}

// write stores the model: features in key order, 48-bit key deltas as
// varints, weights quantized to 16 bits against the largest weight.
func writeLinear(w io.Writer, nClasses int, keys []uint64, entries [][]entry) error {
	scale := quantScale(entries)
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(nClasses))
	put(uint64(len(keys)))
	binary.Write(bw, binary.LittleEndian, scale)
	prev := uint64(0)
	for i, k := range keys {
		put(k - prev)
		prev = k
		put(uint64(len(entries[i])))
		for _, e := range entries[i] {
			put(uint64(e.cls))
			q := int16(math.Round(float64(e.w) / scale))
			binary.Write(bw, binary.LittleEndian, q)
		}
	}
	return bw.Flush()
}

// readLinear reads a model written by writeLinear; it also returns the
// features and entries, which retraining tools may prune.
func readLinear(r *bufio.Reader) (*linear, []uint64, [][]entry, error) {
	get := func() uint64 {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return v
	}
	var m *linear
	var keys []uint64
	var entries [][]entry
	err := func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("syntax: corrupt model: %v", p)
			}
		}()
		nClasses := int(get())
		n := int(get())
		if n > 1<<26 || nClasses > 1<<15 {
			return errors.New("syntax: corrupt model: too large")
		}
		var scale float64
		if err := binary.Read(r, binary.LittleEndian, &scale); err != nil {
			return err
		}
		keys = make([]uint64, n)
		offs := make([]int, n+1)
		flat := make([]entry, 0, n)
		prev := uint64(0)
		var q [2]byte
		for i := range n {
			prev += get()
			keys[i] = prev
			c := int(get())
			if c > nClasses {
				return errors.New("syntax: corrupt model: entry count")
			}
			for range c {
				cls := uint16(get())
				if _, err := io.ReadFull(r, q[:]); err != nil {
					return err
				}
				flat = append(flat, entry{cls, float32(float64(int16(binary.LittleEndian.Uint16(q[:]))) * scale)})
			}
			offs[i+1] = len(flat)
		}
		entries = make([][]entry, n)
		for i := range n {
			entries[i] = flat[offs[i]:offs[i+1]:offs[i+1]]
		}
		m = build(nClasses, keys, entries)
		return nil
	}()
	return m, keys, entries, err
}

// averaged returns the averaged weights of tr, features sorted by key,
// dropping weights whose magnitude is below minW.
func averaged(tr *perceptron.Trainer, minW float64) ([]uint64, [][]entry) {
	keys, ws := tr.Averaged()
	outK := keys[:0]
	var outE [][]entry
	for i, k := range keys {
		var es []entry
		for _, w := range ws[i] {
			if math.Abs(w.W) >= minW {
				es = append(es, entry{w.Class, float32(w.W)})
			}
		}
		if len(es) > 0 {
			outK = append(outK, k)
			outE = append(outE, es)
		}
	}
	return outK, outE
}
