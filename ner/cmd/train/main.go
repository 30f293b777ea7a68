// Command train trains the name finder of package ner on Universal NER's
// English EWT names (dev split; the corpus has no train split) with the
// word lexicon of UD English EWT train, and prints exact-span scores on
// the UNER test split.
//
//	go run ./ner/cmd/train -out ner/model/uner.model.gz
//	go run ./ner/cmd/train -eval     # score the embedded model only
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/syntax"
)

func main() {
	uner := flag.String("uner", "../shared/nlp/uner-english-ewt", "folder with en_ewt-ud-{dev,test}.iob2")
	ud := flag.String("ud", "../shared/nlp/ud-english-ewt", "folder with en_ewt-ud-train.conllu (the word lexicon)")
	out := flag.String("out", "ner/model/uner.model.gz", "model file to write")
	seed := flag.Uint64("seed", 1, "random seed (shuffling)")
	epochs := flag.Int("epochs", 12, "training epochs")
	minW := flag.Float64("min-weight", 0.05, "features whose averaged weights stay below this are dropped")
	folds := flag.Int("cv", 0, "with N > 1, also print N-fold cross-validated scores on dev (for choosing settings without test)")
	evalOnly := flag.Bool("eval", false, "only score the embedded model on UNER test (no training)")
	verbose := flag.Bool("v", false, "log each epoch")
	flag.Parse()
	log.SetFlags(0)
	read := func(split string) []ner.GoldSentence {
		s, err := ner.ReadIOB2(filepath.Join(*uner, "en_ewt-ud-"+split+".iob2"))
		if err != nil {
			log.Fatal(err)
		}
		return s
	}
	if *evalOnly {
		m, err := ner.Default()
		if err != nil {
			log.Fatal(err)
		}
		test := read("test")
		fmt.Printf("newsgraph ner (embedded model), UNER EWT test, exact spans:\n%s\n", m.Evaluate(test, false))
		return
	}
	tb, err := syntax.ReadCoNLLU(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		log.Fatal(err)
	}
	dev, test := read("dev"), read("test")
	opt := ner.TrainOptions{Seed: *seed, Epochs: *epochs, Treebank: tb, MinWeight: *minW}
	if *verbose {
		opt.Log = os.Stderr
	}
	if *folds > 1 {
		var gold, found [][]ner.Span
		for k := range *folds {
			var tr, te []ner.GoldSentence
			for i, s := range dev {
				if i%*folds == k {
					te = append(te, s)
				} else {
					tr = append(tr, s)
				}
			}
			fm := ner.Train(tr, opt)
			for _, s := range te {
				gold = append(gold, ner.GoldSpans(s.Tags))
				found = append(found, fm.Find(s.Words))
			}
		}
		fmt.Printf("UNER EWT dev, %d-fold cross-validation, exact spans:\n%s\n", *folds, ner.Score(gold, found))
	}
	m := ner.Train(dev, opt)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		log.Fatal(err)
	}
	// Score the model as read back from its bytes: what ships is what is measured.
	m, err = ner.ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("model %s: %.2f MB\n", *out, float64(buf.Len())/1e6)
	fmt.Printf("UNER EWT test, exact spans (Find):\n%s\n", m.Evaluate(test, false))
	fmt.Printf("UNER EWT test, exact spans (FindCased, plain lower-case words skipped):\n%s\n", m.Evaluate(test, true))
}
