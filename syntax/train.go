package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph/perceptron"
	"github.com/newsgraph/newsgraph/wordfeat"
)

// TrainOptions set a training run.
type TrainOptions struct {
	Seed          uint64
	TaggerEpochs  int
	ParserEpochs  int
	Log           io.Writer      // progress lines; nil for none
	MinWeight     float64        // averaged weights below this are dropped
	ParserExplore float64        // probability of following a wrong predicted transition (dynamic oracle)
	Dev           []GoldSentence // when set, the parser is scored on it after each epoch
	Patience      int            // with Dev, keep the best epoch and stop after this many epochs without a better one (0: run every epoch, keep the last)

	epochDone func(p *parser) float64 // scores an epoch's parser on Dev
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// prepared holds one training sentence's hashed words and gold classes.
type prepared struct {
	ws   []wordInfo
	tags []int
}

func padWords(forms []string, ws []wordInfo, buf []byte) ([]wordInfo, []byte) {
	ws = append(ws[:0], padLeft, padLeft)
	for _, f := range forms {
		var w wordInfo
		buf = describe(f, &w, buf)
		ws = append(ws, w)
	}
	ws = append(ws, padRight, padRight)
	return ws, buf
}

// tagClasses lists the combined UPOS/XPOS classes of the treebank, in a fixed order.
func tagClasses(sents []GoldSentence) (upos, xpos []string, index map[[2]string]int) {
	seen := map[[2]string]bool{}
	var keys [][2]string
	for _, s := range sents {
		for _, w := range s.Words {
			k := [2]string{w.UPOS, w.XPOS}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		if a[1] < b[1] {
			return -1
		}
		if a[1] > b[1] {
			return 1
		}
		return 0
	})
	index = map[[2]string]int{}
	for i, k := range keys {
		upos = append(upos, k[0])
		xpos = append(xpos, k[1])
		index[k] = i
	}
	return upos, xpos, index
}

// trainTagger trains the tagger by averaged perceptron, greedy left to right.
// classes come from the whole training set, so that taggers trained on
// parts of it (the jackknife) number tags the same way.
func trainTagger(sents []GoldSentence, classes []GoldSentence, opt *TrainOptions, rng *rand.Rand) *tagger {
	upos, xpos, index := tagClasses(classes)
	n := len(upos)
	amb := ambiguityClasses(sents, index)
	data := make([]prepared, len(sents))
	var buf []byte
	for i, s := range sents {
		forms := make([]string, len(s.Words))
		tags := make([]int, len(s.Words))
		for j, w := range s.Words {
			forms[j] = w.Form
			tags[j] = index[[2]string{w.UPOS, w.XPOS}]
		}
		data[i].ws, buf = padWords(forms, nil, buf)
		setAmb(data[i].ws, amb)
		data[i].tags = tags
	}
	tr := perceptron.New()
	scores := make([]float32, n)
	var feats []uint64
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.TaggerEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			d := &data[si]
			p1, p2 := -1, -2
			for i := range d.tags {
				feats = tagFeats(d.ws, i, p1, p2, feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				best := 0
				for c := 1; c < n; c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				tr.Tick()
				tr.Update(feats, d.tags[i], best)
				if best == d.tags[i] {
					right++
				}
				total++
				p2, p1 = p1, best
			}
		}
		opt.logf("tagger epoch %d: train accuracy %.4f, %d features", ep+1, float64(right)/float64(total), tr.Features())
	}
	keys, entries := averaged(tr, opt.MinWeight)
	return &tagger{m: build(n, keys, entries), amb: amb, upos: upos, xpos: xpos, keysForSave: keys, entriesForSave: entries}
}

// ambiguityClasses maps each word seen at least twice to the set of its tags
// (those with at least a tenth of its occurrences), as a hash.
func ambiguityClasses(sents []GoldSentence, index map[[2]string]int) map[uint64]uint64 {
	counts := map[uint64]map[int]int{}
	var w wordInfo
	var buf []byte
	for _, s := range sents {
		for _, x := range s.Words {
			buf = describe(x.Form, &w, buf)
			if counts[w.lower] == nil {
				counts[w.lower] = map[int]int{}
			}
			counts[w.lower][index[[2]string{x.UPOS, x.XPOS}]]++
		}
	}
	out := map[uint64]uint64{}
	for k, m := range counts {
		total := 0
		for _, c := range m {
			total += c
		}
		if total < 2 {
			continue
		}
		var tags []int
		for t, c := range m {
			if c*10 >= total {
				tags = append(tags, t)
			}
		}
		slices.Sort(tags)
		h := uint64(99)
		for _, t := range tags {
			h = wordfeat.Mix(h, uint64(t)+1)
		}
		out[k] = h | 1
	}
	return out
}

func setAmb(ws []wordInfo, amb map[uint64]uint64) {
	for i := range ws {
		ws[i].amb = amb[ws[i].lower]
	}
}
