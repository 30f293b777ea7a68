// Command train trains the relation classifier of package relclass on the
// project's annotated articles (eval/tuning and samples) and writes the
// model that the extractor embeds; with -cv it first prints the
// leave-one-article-out cross-validated tuning figures, rules alone and
// rules plus the classifier, at each margin of -margins; with -diag, where
// the core gold relations stand for the rules and, cross-validated, what
// the classifier would add at each margin.
//
//	go run ./relclass/cmd/train            # writes relclass/model/relclass.model.gz
//	go run ./relclass/cmd/train -cv        # prints the cross-validated figures too
//	go run ./relclass/cmd/train -diag      # where the rules' misses are, and the classifier's curve
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/relclass/corpus"
)

func main() {
	tuning := flag.String("tuning", "eval/tuning", "folder of tuning articles with their gold")
	samples := flag.String("samples", "samples", "folder with articles/ and gold/")
	out := flag.String("o", "relclass/model/relclass.model.gz", "model file to write")
	cv := flag.Bool("cv", false, "print the leave-one-article-out figures first")
	diag := flag.Bool("diag", false, "print where the rules' misses are and the cross-validated curve of what the classifier adds")
	margins := flag.String("margins", "", "margins to cross-validate, comma-separated (default: the model's)")
	epochs := flag.Int("epochs", corpus.Settings.Epochs, "training epochs")
	types := flag.String("types", "", "relation types to enable, comma-separated (default: the model's)")
	newPairs := flag.Bool("new-pairs", corpus.Settings.NewPairs, "add relations only between entities the rules did not relate")
	flag.Parse()

	items, err := corpus.Load(*tuning, *samples)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	opt := corpus.Settings
	opt.Epochs = *epochs
	opt.NewPairs = *newPairs
	if *types != "" {
		opt.Types = strings.Split(*types, ",")
	}
	ms := []float64{opt.Margin}
	if *margins != "" {
		ms = nil
		for _, s := range strings.Split(*margins, ",") {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bad margin:", s)
				os.Exit(2)
			}
			ms = append(ms, v)
		}
	}
	if *diag {
		dg := corpus.Diagnose(items, opt, ms)
		fmt.Println("core gold relations of the tuning articles:")
		for _, w := range []string{corpus.RulesFound, corpus.MissNames, corpus.MissRef, corpus.MissApart, corpus.MissEntity} {
			fmt.Printf("    %4d %s\n", dg.Missed[w], w)
		}
		fmt.Printf("%s:\n", corpus.MissApart)
		for _, m := range dg.Apart {
			fmt.Printf("    %s: %s %s -> %s\n", m.Article, strings.Join(m.Types, "|"),
				strings.Join(m.Source, "|"), strings.Join(m.Target, "|"))
		}
		fmt.Printf("related entity pairs the classifier may add to: %d; cross-validated, the pairs whose best class clears the margin:\n", dg.Related)
		for _, p := range dg.Curve {
			fmt.Printf("    margin %g: right %d, wrong type %d, unrelated %d\n", p.Margin, p.Right, p.WrongType, p.Unrelated)
		}
	}
	if *cv {
		for _, f := range corpus.CrossValidate(items, opt, ms) {
			fmt.Printf("margin %g: rules P=%.3f R=%.3f F1=%.3f | rules+classifier P=%.3f R=%.3f F1=%.3f\n", f.Margin,
				f.Rules.Relations.P, f.Rules.Relations.R, f.Rules.Relations.F1,
				f.With.Relations.P, f.With.Relations.R, f.With.Relations.F1)
			var ts []string
			for t := range f.Added {
				ts = append(ts, t)
			}
			slices.Sort(ts)
			for _, t := range ts {
				fmt.Printf("    %-12s added %3d wrong %3d\n", t, f.Added[t], f.Wrong[t])
			}
		}
	}
	var buf bytes.Buffer
	if err := corpus.Train(items, opt).Write(&buf); err != nil { // corpus.Model with the flags' settings
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes) from %d articles\n", *out, buf.Len(), len(items))
}
