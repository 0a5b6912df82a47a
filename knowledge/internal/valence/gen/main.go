// Command gen builds the valence package's table from the VADER sentiment
// lexicon (vader_lexicon.txt, as published in the npm package
// vader-sentiment 1.1.3). It is run by go generate; see ../valence.go. Its
// output depends only on its input: the same file gives the same table,
// byte for byte.
//
// Usage:
//
//	go run ./gen -vader path/to/vader_lexicon.txt [-o table.txt]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/kljensen/snowball/english"
)

// minLean is the least mean rating, either way, that a word needs to lean:
// VADER rates words from -4 to 4, and its raters put words they find
// neutral within half a point of 0.
const minLean = 0.5

func main() {
	vader := flag.String("vader", "", "the VADER lexicon, vader_lexicon.txt (required)")
	out := flag.String("o", "table.txt", "the table to write")
	flag.Parse()
	if *vader == "" {
		fmt.Fprintln(os.Stderr, "gen: -vader is required: the path of vader_lexicon.txt (npm pack vader-sentiment@1.1.3)")
		os.Exit(2)
	}
	if err := run(*vader, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	table, err := build(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, table, 0o644)
}

// build reads the lexicon (a word, its mean rating, then the rating's
// spread and the raters' scores, tab-separated) and returns the table:
// one line a stem, "stem +" or "stem -", sorted. Words of letters only are
// kept (emoticons and slang abbreviations with digits are not words a
// draft uses); words sharing a stem are averaged; a stem whose mean is
// within minLean of 0 is left out.
func build(r io.Reader) ([]byte, error) {
	sum := make(map[string]float64)
	n := make(map[string]int)
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want a word and its rating, tab-separated", line)
		}
		word := fields[0]
		if !letters(word) {
			continue
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: rating %q: %w", line, fields[1], err)
		}
		stem := english.Stem(word, true)
		sum[stem] += v
		n[stem]++
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	stems := make([]string, 0, len(sum))
	for s := range sum {
		stems = append(stems, s)
	}
	slices.Sort(stems)
	var b strings.Builder
	for _, s := range stems {
		mean := sum[s] / float64(n[s])
		if math.Abs(mean) < minLean {
			continue
		}
		sign := "+"
		if mean < 0 {
			sign = "-"
		}
		b.WriteString(s + " " + sign + "\n")
	}
	return []byte(b.String()), nil
}

// letters reports whether w is a word of lower-case ASCII letters.
func letters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
