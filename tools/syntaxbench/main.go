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
	"syscall"
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
	start, cpu := time.Now(), cpuSeconds()
	for range *rounds {
		m.Parse(text)
	}
	el, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu
	n := float64(words * *rounds)
	fmt.Printf("newsgraph-syntax words=%d seconds=%.3f words_per_s=%.0f words_per_cpu_s=%.0f\n", words**rounds, el, n/el, n/cpu)
}

// cpuSeconds is this process's CPU time: on a shared machine it is the fair
// per-core measure.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
