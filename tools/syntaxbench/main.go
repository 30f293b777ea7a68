// Command syntaxbench measures the words per second of package syntax
// (tokenize, tag, lemmatize, parse) on text files, on one core, for the side
// by side comparison with spaCy in compare.sh.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
)

func main() {
	rounds := flag.Int("rounds", 20, "passes over the text")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	var parts []string
	for _, p := range flag.Args() {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	text := strings.Join(parts, "\n\n")
	m, err := syntax.Default()
	if err != nil {
		log.Fatal(err)
	}
	words := 0
	for _, s := range m.Parse(text) {
		words += len(s.Tokens)
	}
	start := time.Now()
	for range *rounds {
		m.Parse(text)
	}
	el := time.Since(start).Seconds()
	fmt.Printf("newsgraph-syntax words=%d seconds=%.3f words_per_s=%.0f\n", words**rounds, el, float64(words**rounds)/el)
}
