package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained name finder: feature weights and the word lexicon.
type Model struct {
	w   *table
	lex map[uint64]uint8
}

// table is a frozen open-addressing map from feature hash to the
// feature's class weights, quantized to 16 bits against one scale.
type table struct {
	mask  uint64
	scale float64
	keys  []uint64 // 0 = empty
	w     [][nClasses]int16
}

// score adds the weights of feats to scores, in units of t.scale.
func (t *table) score(feats []uint64, scores *[nClasses]float32) {
	for _, f := range feats {
		for i := f & t.mask; ; i = (i + 1) & t.mask {
			k := t.keys[i]
			if k == f {
				w := &t.w[i]
				for c := range scores {
					scores[c] += float32(w[c])
				}
				break
			}
			if k == 0 {
				break
			}
		}
	}
}

func newTable(keys []uint64, w [][nClasses]int16, scale float64) *table {
	size := uint64(16)
	for size < uint64(len(keys))*2 {
		size *= 2
	}
	t := &table{mask: size - 1, scale: scale, keys: make([]uint64, size), w: make([][nClasses]int16, size)}
	for j, f := range keys {
		i := f & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.w[i] = f, w[j]
	}
	return t
}

const magic = "newsgraph-ner-1\n"

// Write writes the model, gzip-compressed. Features and lexicon entries
// are written in key order, so the same model gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	bw.WriteString(magic)
	lk := make([]uint64, 0, len(m.lex))
	for k := range m.lex {
		lk = append(lk, k)
	}
	slices.Sort(lk)
	put(uint64(len(lk)))
	for _, k := range lk {
		binary.Write(bw, binary.LittleEndian, k)
		bw.WriteByte(m.lex[k])
	}
	var fk []uint64
	idx := map[uint64]int{}
	for i, k := range m.w.keys {
		if k != 0 {
			fk = append(fk, k)
			idx[k] = i
		}
	}
	slices.Sort(fk)
	put(math.Float64bits(m.w.scale))
	put(uint64(len(fk)))
	prev := uint64(0)
	for _, k := range fk {
		put(k - prev)
		prev = k
		for _, v := range m.w.w[idx[k]] {
			put(uint64(uint16(v)))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model written by Write.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner: read model: not a name model")
	}
	get := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(br)
		return v
	}
	nl := get()
	if err != nil || nl > 1<<24 {
		return nil, fmt.Errorf("ner: read model: bad lexicon size")
	}
	m := &Model{lex: make(map[uint64]uint8, nl)}
	for range nl {
		var k uint64
		if err = binary.Read(br, binary.LittleEndian, &k); err != nil {
			return nil, fmt.Errorf("ner: read model lexicon: %w", err)
		}
		var c byte
		if c, err = br.ReadByte(); err != nil {
			return nil, fmt.Errorf("ner: read model lexicon: %w", err)
		}
		m.lex[k] = c
	}
	scale := math.Float64frombits(get())
	nf := get()
	if err != nil || nf > 1<<24 {
		return nil, fmt.Errorf("ner: read model: bad feature count")
	}
	keys := make([]uint64, nf)
	ws := make([][nClasses]int16, nf)
	prev := uint64(0)
	for i := range keys {
		prev += get()
		keys[i] = prev
		for c := range ws[i] {
			ws[i][c] = int16(uint16(get()))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ner: read model weights: %w", err)
	}
	m.w = newTable(keys, ws, scale)
	return m, nil
}
