package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// questionsJSONL holds the dev questions the article answers, one JSON object a
// line, in the format of talksbot's eval files.
//
//go:embed testdata/questions.jsonl
var questionsJSONL []byte

// question is one dev question and the strings any of which a right passage
// contains.
type question struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	ExpectAny []string `json:"expect_any"`
}

// loadQuestions parses questionsJSONL.
func loadQuestions() ([]question, error) {
	var qs []question
	sc := bufio.NewScanner(bytes.NewReader(questionsJSONL))
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("testdata/questions.jsonl line %d: %w", line, err)
		}
		if q.Question == "" || len(q.ExpectAny) == 0 {
			return nil, fmt.Errorf("testdata/questions.jsonl line %d: want a question and expect_any", line)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read testdata/questions.jsonl: %w", err)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("testdata/questions.jsonl holds no questions")
	}
	return qs, nil
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

var quoteFolder = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)

// normalise folds curly quotes to straight ones and lower-cases s.
func normalise(s string) string {
	return strings.ToLower(quoteFolder.Replace(s))
}
