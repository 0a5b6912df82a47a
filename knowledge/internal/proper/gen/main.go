// Command gen writes the list of proper nouns package proper embeds, from
// the British and American word lists. It is run by go generate; see
// ../proper.go.
//
//	go run ./gen [-british file] [-american file] [-o list.txt]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
)

func main() {
	british := flag.String("british", "/usr/share/dict/british-english", "British English word list `file` (Debian wbritish)")
	american := flag.String("american", "/usr/share/dict/american-english", "American English word list `file` (Debian wamerican)")
	out := flag.String("o", "list.txt", "output `file`")
	flag.Parse()
	if err := run([]string{*british, *american}, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(paths []string, out string) error {
	lower := make(map[string]bool)   // words some list writes in lower case
	capital := make(map[string]bool) // words some list writes with a capital, lower-cased
	for _, p := range paths {
		if err := read(p, lower, capital); err != nil {
			return err
		}
	}
	var words []string
	for w := range capital {
		if !lower[w] && len(w) >= 4 && !titles[w] && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write list: %w", err)
	}
	return nil
}

// titles come before a name, and abbreviations stand for other words:
// neither is a name. (Words under four letters, "Mr", "Jan", "Sen", are
// left out anyway.)
var titles = map[string]bool{"messrs": true, "mlle": true, "capt": true, "tues": true, "thurs": true, "sept": true}

// read adds the words of the list at path to lower (those written in lower
// case) or capital (names, lower-cased).
func read(path string, lower, capital map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := sc.Text()
		if w == "" || strings.Contains(w, "'") {
			continue
		}
		switch rs := []rune(w); {
		case !unicode.IsUpper(rs[0]):
			lower[w] = true
		case strings.ToLower(string(rs[1:])) == string(rs[1:]):
			// A name is written in title case: "OK", "TV" and "PhD"
			// are abbreviations.
			capital[strings.ToLower(w)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
