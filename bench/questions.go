package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// devName names the article's dev questions in the report.
const devName = "dev (testdata/questions.jsonl)"

// devJSONL holds the dev questions the article answers, one JSON object a
// line, in the format of talksbot's eval files.
//
//go:embed testdata/questions.jsonl
var devJSONL []byte

// maxLine is the longest line a question file may have.
const maxLine = 1 << 20

// question is one covered question and the strings any of which a right
// passage contains.
type question struct {
	ID        string
	Question  string
	ExpectAny []string
}

// questionSet is the questions of one file. Only the covered questions are
// scored; the uncovered and whole-article ones are counted in skipped.
type questionSet struct {
	name    string
	covered []question
	skipped int
}

// questionLine is one line of a question file: a covered question
// (expect_any), an uncovered one (unanswerable) or one the whole article
// answers (expect_kind "overview").
type questionLine struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`
	ExpectAny    []string `json:"expect_any"`
	Unanswerable bool     `json:"unanswerable"`
	ExpectKind   string   `json:"expect_kind"`
}

// loadSets returns the dev questions and then each paraphrase file of paths
// that can be read. A file that is missing or malformed is reported in one
// line on warn and left out.
func loadSets(warn io.Writer, paths []string) ([]*questionSet, error) {
	dev, err := parseSet(devName, devJSONL)
	if err != nil {
		return nil, err
	}
	if len(dev.covered) == 0 || dev.skipped > 0 {
		return nil, fmt.Errorf("%s: want covered questions only", devName)
	}
	sets := []*questionSet{dev}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(warn, "bench: %s: no such file, skipped\n", p)
			continue
		case err != nil:
			fmt.Fprintf(warn, "bench: %v, skipped\n", err)
			continue
		}
		set, err := parseSet(p, data)
		if err != nil {
			fmt.Fprintf(warn, "bench: %v, skipped\n", err)
			continue
		}
		sets = append(sets, set)
	}
	return sets, nil
}

// parseSet parses the JSON Lines data of the file name.
func parseSet(name string, data []byte) (*questionSet, error) {
	set := &questionSet{name: name}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		q, covered, err := parseQuestion(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", name, n, err)
		}
		if covered {
			set.covered = append(set.covered, q)
		} else {
			set.skipped++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return set, nil
}

// parseQuestion parses one line and reports whether it is a covered
// question.
func parseQuestion(line []byte) (q question, covered bool, err error) {
	var l questionLine
	if err := json.Unmarshal(line, &l); err != nil {
		return q, false, err
	}
	q = question{ID: l.ID, Question: l.Question, ExpectAny: l.ExpectAny}
	switch {
	case l.Question == "":
		return q, false, errors.New("no question")
	case l.ExpectKind != "" && l.ExpectKind != "overview":
		return q, false, fmt.Errorf("expect_kind %q: want overview", l.ExpectKind)
	case l.Unanswerable || l.ExpectKind != "":
		if len(l.ExpectAny) > 0 {
			return q, false, errors.New("expect_any on a question without a passage to expect")
		}
		return q, false, nil
	case len(l.ExpectAny) == 0:
		return q, false, errors.New("want expect_any, unanswerable or expect_kind")
	}
	return q, true, nil
}

// matches reports whether text contains one of the expected strings, ignoring
// case and the difference between curly and straight quotes.
func (q question) matches(text string) bool {
	text = normalise(text)
	for _, want := range q.ExpectAny {
		if strings.Contains(text, normalise(want)) {
			return true
		}
	}
	return false
}

// quoteFolder folds curly quotes to straight ones.
var quoteFolder = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)

// normalise folds curly quotes to straight ones and lower-cases s.
func normalise(s string) string {
	return strings.ToLower(quoteFolder.Replace(s))
}
