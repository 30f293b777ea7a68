// Command train trains the syntax model from UD English EWT and prints its
// accuracy on the dev and test splits.
//
//	go run ./syntax/cmd/train -data ../shared/nlp/ud-english-ewt -out syntax/model/ewt.model.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
)

func main() {
	data := flag.String("data", "../shared/nlp/ud-english-ewt", "folder with en_ewt-ud-{train,dev,test}.conllu")
	out := flag.String("out", "syntax/model/ewt.model.gz", "model file to write")
	seed := flag.Uint64("seed", 1, "random seed (shuffling and exploration)")
	tagEpochs := flag.Int("tagger-epochs", 10, "tagger training epochs")
	parseEpochs := flag.Int("parser-epochs", 12, "parser training epochs (at most, with -patience)")
	patience := flag.Int("patience", 0, "keep the parser epoch that scores best on dev, stopping after this many epochs without a better one (0: run every epoch, keep the last)")
	explore := flag.Float64("explore", 0.9, "probability of following a wrong predicted transition in training")
	keepW := flag.Float64("keep-weight", 0.5, "averaged weights below this are dropped while training")
	minW := flag.Float64("min-weight", 1, "weights below this are pruned from the model file")
	outFull := flag.String("out-full", "", "if set, also write the model before pruning here, to measure what pruning costs")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	read := func(split string) []syntax.GoldSentence {
		s, err := syntax.ReadCoNLLU(filepath.Join(*data, "en_ewt-ud-"+split+".conllu"))
		if err != nil {
			log.Fatal(err)
		}
		return s
	}
	train, dev, test := read("train"), read("dev"), read("test")
	m := syntax.Train(train, syntax.TrainOptions{Seed: *seed, TaggerEpochs: *tagEpochs, ParserEpochs: *parseEpochs, Patience: *patience,
		Log: os.Stderr, MinWeight: *keepW, ParserExplore: *explore, Dev: dev})
	// Prune the quantized weights as read back from the file, so that the
	// committed model is exactly what this command writes.
	var full, buf bytes.Buffer
	if err := m.Write(&full); err != nil {
		log.Fatal(err)
	}
	if *outFull != "" {
		if err := os.WriteFile(*outFull, full.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	m, err := syntax.ReadPrunable(&full)
	if err != nil {
		log.Fatal(err)
	}
	if m, err = m.Prune(*minW); err != nil {
		log.Fatal(err)
	}
	if err := m.Write(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("model %s: %.1f MB, trained in %s\n", *out, float64(buf.Len())/1e6, time.Since(start).Round(time.Second))
	// Score the model as it was written (quantized), not the in-memory one.
	m, err = syntax.ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range []struct {
		name string
		gold []syntax.GoldSentence
	}{{"dev", dev}, {"test", test}} {
		fmt.Printf("%-4s gold tokens: %s\n", s.name, m.Evaluate(s.gold, false))
		fmt.Printf("%-4s own tokens:  %s\n", s.name, m.Evaluate(s.gold, true))
	}
}
