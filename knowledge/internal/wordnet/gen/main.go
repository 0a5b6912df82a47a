// Command gen builds the wordnet package's table from WordNet 3.0 and the
// British and American word lists. It is run by go generate; see ../doc.go.
// Its output depends only on its input files: the same files give the same
// table, byte for byte.
//
// Usage:
//
//	go run ./gen [-wordnet dir] [-british file] [-american file] [-o file] [-adjectives file] [-verbs file]
//	go run ./gen -dump talk,deal,unit state   # print frequency and targets, write nothing
//	go run ./gen -explain deal,window         # print senses, rules and antonym pointers, write nothing
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kljensen/snowball/english"
)

// options are the command's flags.
type options struct {
	wordnet, british, american, out string
	adjectives, verbs               string
	dump, explain                   string
}

func main() {
	var o options
	flag.StringVar(&o.wordnet, "wordnet", "/usr/share/wordnet", "WordNet 3.0 database `directory` (Debian wordnet-base)")
	flag.StringVar(&o.british, "british", "/usr/share/dict/british-english", "British English word list `file` (Debian wbritish)")
	flag.StringVar(&o.american, "american", "/usr/share/dict/american-english", "American English word list `file` (Debian wamerican)")
	flag.StringVar(&o.out, "o", "table.bin", "output `file`")
	flag.StringVar(&o.adjectives, "adjectives", "", "output `file` for the words whose most frequent part of speech is the adjective; none when empty")
	flag.StringVar(&o.verbs, "verbs", "", "output `file` for the words whose most frequent part of speech is the verb; none when empty")
	flag.StringVar(&o.dump, "dump", "", "print the frequency and targets of these comma-separated `words` (or stemmed phrases) instead of writing the table")
	flag.StringVar(&o.explain, "explain", "", "print how the rules see each sense of these comma-separated `lemmas` instead of writing the table")
	flag.Parse()
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(o options, w io.Writer) error {
	wn, err := readWordNet(o.wordnet)
	if err != nil {
		return fmt.Errorf("read wordnet: %w", err)
	}
	british, err := readWords(o.british)
	if err != nil {
		return fmt.Errorf("read british words: %w", err)
	}
	american, err := readWords(o.american)
	if err != nil {
		return fmt.Errorf("read american words: %w", err)
	}
	b := newBuilder(wn, british, american)
	if o.explain != "" {
		for _, l := range strings.Split(o.explain, ",") {
			b.explain(w, l)
		}
		return nil
	}
	rel, freq := b.build(), b.frequencies()
	spellings := groupSpellings(spellingStems(spellingPairs(british.lower, american.lower, b.singleLemmas(), b.sameSynset)))
	spellings.addTo(rel)
	spellings.inheritFrequency(freq)
	infl := b.inflections()
	infl.addTo(rel, freq) // after the spellings: a form takes its base's relations as they are then
	infl.inheritFrequency(freq)
	// After the spellings and inflections, to see their relations.
	b.antonyms().withSpellings(spellings).withInflections(infl).addTo(rel)
	if o.dump != "" {
		dump(w, rel, freq, strings.Split(o.dump, ","))
		return nil
	}
	table, err := encode(rel, freq)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.out, table, 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	for _, l := range []struct {
		file string
		pos  int
	}{{o.adjectives, adjectivePOS}, {o.verbs, verbPOS}} {
		if l.file == "" {
			continue
		}
		var b strings.Builder
		for _, w := range firstIn(wn, l.pos, british, american) {
			b.WriteString(w)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(l.file, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", l.file, err)
		}
	}
	return nil
}

// dump prints the frequency and targets of each word, stemming single words.
func dump(w io.Writer, rel relations, freq map[string]int, words []string) {
	for _, word := range words {
		key := word
		if !strings.Contains(word, " ") {
			key = english.Stem(word, true)
		}
		fmt.Fprintf(w, "%s (%s, frequency %d):", word, key, freq[key])
		for _, t := range rel.ranked(key) {
			fmt.Fprintf(w, " %s/%s", t.stem, relNames[t.rel])
		}
		fmt.Fprintln(w)
	}
}

var relNames = [...]string{spelling: "spelling", synonym: "synonym", abbreviation: "abbreviation", derived: "derived", hypernym: "hypernym", hyponym: "hyponym", antonym: "antonym", inflection: "inflection", looseSynonym: "loose synonym"}
