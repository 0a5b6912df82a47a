package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/bot"
)

// evalTop is how many citations hit@3 and MRR@3 look at.
const evalTop = 3

// maxEvalLine is the longest line an eval file may have.
const maxEvalLine = 1 << 20

// evalCase is one line of an eval file: a question the knowledge base
// answers, with strings one of which the answer must contain, or a question
// it must decline.
type evalCase struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`
	ExpectAny    []string `json:"expect_any"`
	Unanswerable bool     `json:"unanswerable"`
}

// evalResult is how the bot did on one question.
type evalResult struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`
	Unanswerable bool     `json:"unanswerable"`
	Answered     bool     `json:"answered"`
	Rank         int      `json:"rank"` // 1-based rank of the first of the top citations holding an expected string; 0 for none
	HitAt1       bool     `json:"hit_at_1"`
	HitAt3       bool     `json:"hit_at_3"`
	AnswerHit    bool     `json:"answer_hit"`
	Citations    []string `json:"citations"` // passage ids, best first
	OK           bool     `json:"ok"`
	Problems     []string `json:"problems,omitempty"`
}

// evalReport is the outcome of an eval run. Retrieval and answer metrics
// are over the answerable questions, decline accuracy over the unanswerable.
type evalReport struct {
	Questions        int          `json:"questions"`
	Answerable       int          `json:"answerable"`
	Unanswerable     int          `json:"unanswerable"`
	HitAt1           float64      `json:"hit_at_1"`
	HitAt3           float64      `json:"hit_at_3"`
	MRRAt3           float64      `json:"mrr_at_3"`
	AnswerHit        float64      `json:"answer_hit"`
	DeclineAccuracy  float64      `json:"decline_accuracy"`
	FalseDeclineRate float64      `json:"false_decline_rate"`
	Results          []evalResult `json:"results"`

	hits1, hits3, answerHits, declined, falseDeclines int
}

func (a *app) eval(ctx context.Context, args []string) error {
	f := a.newFlags("eval", "[--json] FILE.jsonl")
	asJSON := f.Bool("json", false, "print the metrics and per-question results as one JSON object")
	pos, err := a.parse(f, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return f.usageError("missing FILE.jsonl")
	case len(pos) > 1:
		return f.usageError("unexpected argument %q", pos[1])
	}
	cases, err := readEvalFile(pos[0])
	if err != nil {
		return &usageError{cmd: "eval", msg: err.Error()}
	}
	b, err := a.setup(ctx, f, evalTop)
	if err != nil {
		return err
	}

	var rep evalReport
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		reply := b.Handle(ctx, bot.Request{
			Platform: bot.Console,
			User:     "eval",
			Channel:  "eval",
			Thread:   "eval:" + c.ID, // each question stands alone
			Command:  &bot.Command{Name: "ask", Arg: c.Question},
		})
		rep.add(c, reply)
	}
	rep.finish()

	if *asJSON {
		return console.WriteJSON(a.stdout, rep)
	}
	return rep.print(a.stdout)
}

// add scores one question.
func (r *evalReport) add(c evalCase, reply bot.Reply) {
	res := evalResult{
		ID:           c.ID,
		Question:     c.Question,
		Unanswerable: c.Unanswerable,
		Answered:     reply.Kind == bot.KindAnswer,
		Citations:    make([]string, 0, len(reply.Citations)),
	}
	for _, cite := range reply.Citations {
		res.Citations = append(res.Citations, cite.ID)
	}
	r.Questions++
	if reply.Kind == bot.KindError {
		res.Problems = append(res.Problems, "error reply: "+oneLine(reply.Text))
	}

	if c.Unanswerable {
		r.Unanswerable++
		if reply.Kind == bot.KindDeclined {
			r.declined++
		} else if res.Answered {
			p := "answered a question it should decline"
			if len(res.Citations) > 0 {
				p += ", citing " + res.Citations[0]
			}
			res.Problems = append(res.Problems, p)
		}
	} else {
		r.Answerable++
		if reply.Kind == bot.KindDeclined {
			r.falseDeclines++
			res.Problems = append(res.Problems, "declined a question it should answer")
		}
		for i, cite := range reply.Citations[:min(len(reply.Citations), evalTop)] {
			if containsAny(cite.Text, c.ExpectAny) {
				res.Rank = i + 1
				break
			}
		}
		res.HitAt1, res.HitAt3 = res.Rank == 1, res.Rank >= 1
		res.AnswerHit = res.Answered && containsAny(reply.Text, c.ExpectAny)
		if res.HitAt1 {
			r.hits1++
		}
		if res.HitAt3 {
			r.hits3++
			r.MRRAt3 += 1 / float64(res.Rank)
		}
		if res.AnswerHit {
			r.answerHits++
		}
		if res.Answered {
			switch {
			case res.Rank == 0:
				res.Problems = append(res.Problems, fmt.Sprintf("expected text in none of the first %d citations", evalTop))
			case res.Rank > 1:
				res.Problems = append(res.Problems, fmt.Sprintf("expected text in citation %d, not 1", res.Rank))
			}
			if !res.AnswerHit {
				res.Problems = append(res.Problems, "expected text not in the answer")
			}
		}
	}
	res.OK = len(res.Problems) == 0
	r.Results = append(r.Results, res)
}

// finish turns the counts into rates.
func (r *evalReport) finish() {
	ratio := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return float64(n) / float64(d)
	}
	r.HitAt1 = ratio(r.hits1, r.Answerable)
	r.HitAt3 = ratio(r.hits3, r.Answerable)
	if r.Answerable > 0 {
		r.MRRAt3 /= float64(r.Answerable)
	}
	r.AnswerHit = ratio(r.answerHits, r.Answerable)
	r.DeclineAccuracy = ratio(r.declined, r.Unanswerable)
	r.FalseDeclineRate = ratio(r.falseDeclines, r.Answerable)
}

// print writes one line per question that went wrong, then the metrics.
func (r *evalReport) print(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		if !res.OK {
			fmt.Fprintf(&b, "FAIL %s %q: %s\n", res.ID, res.Question, strings.Join(res.Problems, "; "))
		}
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "questions           %d (%d answerable, %d unanswerable)\n", r.Questions, r.Answerable, r.Unanswerable)
	fmt.Fprintf(&b, "hit@1               %.3f (%d/%d)\n", r.HitAt1, r.hits1, r.Answerable)
	fmt.Fprintf(&b, "hit@3               %.3f (%d/%d)\n", r.HitAt3, r.hits3, r.Answerable)
	fmt.Fprintf(&b, "MRR@3               %.3f\n", r.MRRAt3)
	fmt.Fprintf(&b, "answer-hit          %.3f (%d/%d)\n", r.AnswerHit, r.answerHits, r.Answerable)
	fmt.Fprintf(&b, "decline accuracy    %.3f (%d/%d)\n", r.DeclineAccuracy, r.declined, r.Unanswerable)
	fmt.Fprintf(&b, "false-decline rate  %.3f (%d/%d)\n", r.FalseDeclineRate, r.falseDeclines, r.Answerable)
	_, err := io.WriteString(w, b.String())
	return err
}

// readEvalFile reads an eval file: one JSON object per line, blank lines
// ignored. Every malformed line is reported with its number.
func readEvalFile(path string) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var (
		cases []evalCase
		errs  []error
		seen  = make(map[string]int) // id → line
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), maxEvalLine)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		c, err := parseEvalLine(line)
		if err == nil && seen[c.ID] > 0 {
			err = fmt.Errorf("id %q already used on line %d", c.ID, seen[c.ID])
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", path, n, err))
			continue
		}
		seen[c.ID] = n
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", maxEvalLine)
		}
		errs = append(errs, fmt.Errorf("%s:%d: %w", path, n+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return cases, nil
}

// parseEvalLine parses and checks one eval case.
func parseEvalLine(line []byte) (evalCase, error) {
	var c evalCase
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("not a JSON object of id, question and expect_any or unanswerable: %v", err)
	}
	if dec.More() {
		return c, errors.New("more than one JSON value on the line")
	}
	switch {
	case strings.TrimSpace(c.ID) == "":
		return c, errors.New("missing id")
	case strings.TrimSpace(c.Question) == "":
		return c, errors.New("missing question")
	case c.Unanswerable && len(c.ExpectAny) > 0:
		return c, errors.New("has both expect_any and unanswerable")
	case !c.Unanswerable && len(c.ExpectAny) == 0:
		return c, errors.New("needs expect_any or unanswerable: true")
	}
	for _, e := range c.ExpectAny {
		if normalize(e) == "" {
			return c, errors.New("expect_any holds an empty string")
		}
	}
	return c, nil
}

// containsAny reports whether text contains one of wants, compared after
// normalising quotes, dashes, white space and case.
func containsAny(text string, wants []string) bool {
	t := normalize(text)
	for _, w := range wants {
		if strings.Contains(t, normalize(w)) {
			return true
		}
	}
	return false
}

// typography maps curly quotes, primes and dashes to ASCII, so "won't"
// matches "won’t".
var typography = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u2026", "...",
)

// normalize folds s for matching: ASCII quotes and dashes, single spaces,
// no space around a dash, lower case.
func normalize(s string) string {
	s = strings.Join(strings.Fields(typography.Replace(s)), " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, " -", "-"), "- ", "-")
	return strings.ToLower(s)
}
