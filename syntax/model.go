package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// Model is a trained tagger, lemmatizer and parser.
type Model struct {
	tg  *tagger
	lem *lemmatizer
	ps  *parser
}

// Train trains a model on treebank sentences. The same sentences, options
// and seed give the same model.
func Train(train []GoldSentence, opt TrainOptions) *Model {
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	m := &Model{}
	opt.logf("tagger: %d sentences", len(train))
	m.tg = trainTagger(train, train, &opt, rng)
	m.lem = trainLemmatizer(train, m.tg.amb)
	// The parser learns from tags predicted the way they will be at run time:
	// each fold is tagged by a tagger trained on the other folds.
	const folds = 5
	predicted := make([][]int, len(train))
	if len(train) >= 50 {
		for f := 0; f < folds; f++ {
			var rest []GoldSentence
			for i, s := range train {
				if i%folds != f {
					rest = append(rest, s)
				}
			}
			fo := opt
			fo.Log = nil
			tg := trainTagger(rest, train, &fo, rand.New(rand.NewPCG(opt.Seed+uint64(f)+1, 7)))
			for i := f; i < len(train); i += folds {
				predicted[i] = m.classesFrom(tg, train[i])
			}
			opt.logf("jackknife fold %d/%d tagged", f+1, folds)
		}
	} else {
		for i := range train {
			predicted[i] = m.classesFrom(m.tg, train[i])
		}
	}
	labelSet := map[string]bool{"root": true, "punct": true, "dep": true}
	for _, s := range train {
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	if len(labels) > 64 {
		// Label sets are 64-bit masks in the features; more labels would share bits.
		opt.logf("warning: %d labels", len(labels))
	}
	items := make([]parserItem, len(train))
	for i, s := range train {
		n := len(s.Words)
		heads := make([]int, n)
		for j, w := range s.Words {
			heads[j] = w.Head
		}
		heads = projectivize(heads)
		it := &items[i]
		it.pw.reset()
		it.punct = make([]bool, n+1)
		it.o = oracle{gh: make([]int32, n+1), gl: make([]int32, n+1)}
		var wi wordInfo
		var buf []byte
		for j, w := range s.Words {
			buf = describe(w.Form, &wi, buf)
			it.pw.add(wi.lower, wi.suf[2], predicted[i][j], m.tg.upos[predicted[i][j]])
			it.punct[j+1] = w.UPOS == "PUNCT"
			it.o.gh[j+1] = int32(heads[j])
			it.o.gl[j+1] = int32(slices.Index(labels, w.Deprel))
		}
	}
	if len(opt.Dev) > 0 {
		opt.epochDone = func(p *parser) float64 {
			sc := (&Model{tg: m.tg, lem: m.lem, ps: p}).Evaluate(opt.Dev, false)
			opt.logf("  dev UAS %.4f LAS %.4f", sc.UAS, sc.LAS)
			return sc.UAS + sc.LAS
		}
	}
	m.ps = trainParser(items, labels, &opt, rng)
	return m
}

// classesFrom tags a gold sentence's words with tg.
func (m *Model) classesFrom(tg *tagger, s GoldSentence) []int {
	forms := make([]string, len(s.Words))
	for j, w := range s.Words {
		forms[j] = w.Form
	}
	ws, _ := padWords(forms, nil, nil)
	setAmb(ws, tg.amb)
	tags := make([]int, len(forms))
	tg.tagSentence(ws, tags, nil, make([]float32, len(tg.upos)))
	return tags
}

// Prune returns a copy of a model read back from its file (ReadPrunable)
// without the weights smaller than minW in magnitude: most of the file for
// little accuracy.
func (m *Model) Prune(minW float64) (*Model, error) {
	if m.tg.entriesForSave == nil {
		return nil, errors.New("syntax: prune: model has no feature lists")
	}
	th := float32(minW)
	tg, ps := *m.tg, *m.ps
	tg.keysForSave, tg.entriesForSave = prune(m.tg.keysForSave, m.tg.entriesForSave, th)
	tg.m = build(len(tg.upos), tg.keysForSave, tg.entriesForSave)
	ps.keysForSave, ps.entriesForSave = prune(m.ps.keysForSave, m.ps.entriesForSave, th)
	ps.m = build(nTransitions, ps.keysForSave, ps.entriesForSave)
	ps.lkeysForSave, ps.lentriesForSave = prune(m.ps.lkeysForSave, m.ps.lentriesForSave, th)
	ps.lm = build(len(ps.labels), ps.lkeysForSave, ps.lentriesForSave)
	return &Model{tg: &tg, lem: m.lem, ps: &ps}, nil
}

func prune(keys []uint64, entries [][]entry, th float32) ([]uint64, [][]entry) {
	var k2 []uint64
	var e2 [][]entry
	for i, k := range keys {
		var es []entry
		for _, e := range entries[i] {
			if e.w >= th || e.w <= -th {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			k2 = append(k2, k)
			e2 = append(e2, es)
		}
	}
	return k2, e2
}

const modelMagic = "newsgraph-syntax-1"

// Write stores the model, gzip-compressed.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	putS(modelMagic)
	putU(uint64(len(m.tg.upos)))
	for i := range m.tg.upos {
		putS(m.tg.upos[i])
		putS(m.tg.xpos[i])
	}
	ambKeys := make([]uint64, 0, len(m.tg.amb))
	for k := range m.tg.amb {
		ambKeys = append(ambKeys, k)
	}
	slices.Sort(ambKeys)
	putU(uint64(len(ambKeys)))
	for _, k := range ambKeys {
		binary.Write(bw, binary.LittleEndian, k)
		binary.Write(bw, binary.LittleEndian, m.tg.amb[k])
	}
	exc := make([]string, 0, len(m.lem.exceptions))
	for k := range m.lem.exceptions {
		exc = append(exc, k)
	}
	slices.Sort(exc)
	putU(uint64(len(exc)))
	for _, k := range exc {
		putS(k)
		putS(m.lem.exceptions[k])
	}
	rules := make([]string, 0, len(m.lem.rules))
	for k := range m.lem.rules {
		rules = append(rules, k)
	}
	slices.Sort(rules)
	putU(uint64(len(rules)))
	for _, k := range rules {
		putS(k)
		putU(uint64(m.lem.rules[k].cut))
		putS(m.lem.rules[k].add)
	}
	putU(uint64(len(m.ps.labels)))
	for _, l := range m.ps.labels {
		putS(l)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := writeLinear(zw, len(m.tg.upos), m.tg.keysForSave, m.tg.entriesForSave); err != nil {
		return err
	}
	if err := writeLinear(zw, nTransitions, m.ps.keysForSave, m.ps.entriesForSave); err != nil {
		return err
	}
	if err := writeLinear(zw, len(m.ps.labels), m.ps.lkeysForSave, m.ps.lentriesForSave); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model written by Write.
func ReadModel(r io.Reader) (*Model, error) { return readModel(r, false) }

// ReadPrunable reads a model and keeps its feature lists, for Prune.
func ReadPrunable(r io.Reader) (*Model, error) { return readModel(r, true) }

// readModel reads a model; keepEntries keeps the features for rewriting.
func readModel(r io.Reader, keepEntries bool) (m *Model, err error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	defer func() {
		if p := recover(); p != nil {
			m, err = nil, fmt.Errorf("syntax: corrupt model: %v", p)
		}
	}()
	getU := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			panic(err)
		}
		return v
	}
	getS := func() string {
		n := getU()
		if n > 1<<20 {
			panic("string too long")
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			panic(err)
		}
		return string(b)
	}
	var b8 [8]byte
	get64 := func() uint64 {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			panic(err)
		}
		return binary.LittleEndian.Uint64(b8[:])
	}
	if getS() != modelMagic {
		return nil, errors.New("syntax: not a syntax model")
	}
	m = &Model{tg: &tagger{amb: map[uint64]uint64{}}, lem: &lemmatizer{exceptions: map[string]string{}, rules: map[string]rewrite{}}, ps: &parser{}}
	nt := int(getU())
	for range nt {
		m.tg.upos = append(m.tg.upos, getS())
		m.tg.xpos = append(m.tg.xpos, getS())
	}
	na := int(getU())
	for range na {
		k := get64()
		m.tg.amb[k] = get64()
	}
	ne := int(getU())
	for range ne {
		k := getS()
		m.lem.exceptions[k] = getS()
	}
	nr := int(getU())
	for range nr {
		k := getS()
		cut := int(getU())
		m.lem.rules[k] = rewrite{cut: cut, add: getS()}
	}
	nl := int(getU())
	for range nl {
		m.ps.labels = append(m.ps.labels, getS())
	}
	m.lem.known = m.tg.amb
	m.ps.rootLabel = int32(slices.Index(m.ps.labels, "root"))
	m.ps.punctLabel = int32(slices.Index(m.ps.labels, "punct"))
	m.ps.depLabel = int32(slices.Index(m.ps.labels, "dep"))
	if m.tg.m, m.tg.keysForSave, m.tg.entriesForSave, err = readLinear(br); err != nil {
		return nil, err
	}
	if m.ps.m, m.ps.keysForSave, m.ps.entriesForSave, err = readLinear(br); err != nil {
		return nil, err
	}
	if m.ps.lm, m.ps.lkeysForSave, m.ps.lentriesForSave, err = readLinear(br); err != nil {
		return nil, err
	}
	if !keepEntries {
		m.tg.keysForSave, m.tg.entriesForSave = nil, nil
		m.ps.keysForSave, m.ps.entriesForSave = nil, nil
		m.ps.lkeysForSave, m.ps.lentriesForSave = nil, nil
	}
	if m.tg.m.nClasses != nt || m.ps.m.nClasses != nTransitions || m.ps.lm.nClasses != nl || m.ps.rootLabel < 0 {
		return nil, errors.New("syntax: corrupt model: class counts")
	}
	return m, nil
}

var _ = strings.ToLower
