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
	"regexp"
	"strings"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/bot"
)

// evalTop is how many citations hit@3 and MRR@3 look at.
const evalTop = 3

// maxEvalLine is the longest line an eval file may have.
const maxEvalLine = 1 << 20

// expectOverview is the one expect_kind there is: the question is about no
// topic in particular and gets the overview of every theme.
const expectOverview = string(bot.AskOverview)

// evalCase is one line of an eval file: a question, or a conversation whose
// last turn is scored, that the knowledge base answers (with strings one of
// which the answer must contain), answers with the overview (expect_kind)
// or must decline.
type evalCase struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`
	Turns        []string `json:"turns"` // asked in order in one thread; the last is scored
	ExpectAny    []string `json:"expect_any"`
	Unanswerable bool     `json:"unanswerable"`
	ExpectKind   string   `json:"expect_kind"` // "" or expectOverview
}

// questions returns what the case asks, in order: its turns, or its
// question alone.
func (c evalCase) questions() []string {
	if c.Turns != nil {
		return c.Turns
	}
	return []string{c.Question}
}

// scored returns the question the case is scored on: the last one asked.
func (c evalCase) scored() string {
	qs := c.questions()
	return qs[len(qs)-1]
}

// evalResult is how the bot did on one question, or on the last turn of a
// conversation.
type evalResult struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`        // the question scored: the last turn of a conversation
	Turns        []string `json:"turns,omitempty"` // every turn of a conversation, in order
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
// are over the answerable questions, decline accuracy over the unanswerable;
// a conversation counts as one question, its last turn. Conversation
// accuracy is over the conversations: the share whose last turn was
// answered with the expected text in the top citations (or with the
// overview it expects), or declined when it should be.
type evalReport struct {
	Questions            int          `json:"questions"`
	Answerable           int          `json:"answerable"`
	Unanswerable         int          `json:"unanswerable"`
	HitAt1               float64      `json:"hit_at_1"`
	HitAt3               float64      `json:"hit_at_3"`
	MRRAt3               float64      `json:"mrr_at_3"`
	AnswerHit            float64      `json:"answer_hit"`
	DeclineAccuracy      float64      `json:"decline_accuracy"`
	FalseDeclineRate     float64      `json:"false_decline_rate"`
	Conversations        int          `json:"conversations"`
	ConversationAccuracy float64      `json:"conversation_accuracy"`
	Results              []evalResult `json:"results"`

	hits1, hits3, answerHits, declined, falseDeclines, conversationsRight int
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
		replies, err := askCase(ctx, b, c)
		if err != nil {
			return err
		}
		rep.add(c, replies...)
	}
	rep.finish()

	if *asJSON {
		return console.WriteJSON(a.stdout, rep)
	}
	return rep.print(a.stdout)
}

// askCase asks the questions of c in order, in a thread of its own, and
// returns the replies.
func askCase(ctx context.Context, b *bot.Bot, c evalCase) ([]bot.Reply, error) {
	qs := c.questions()
	replies := make([]bot.Reply, 0, len(qs))
	for _, q := range qs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		replies = append(replies, b.Handle(ctx, bot.Request{
			Platform: bot.Console,
			User:     "eval",
			Channel:  "eval",
			Thread:   "eval:" + c.ID, // each case is a conversation of its own
			Command:  &bot.Command{Name: "ask", Arg: q},
		}))
	}
	return replies, nil
}

// add scores one case from its replies, one per question asked, in order
// (at least one): only the last is scored, but an error reply to an
// earlier turn is a problem too.
func (r *evalReport) add(c evalCase, replies ...bot.Reply) {
	reply := replies[len(replies)-1]
	res := evalResult{
		ID:           c.ID,
		Question:     c.scored(),
		Turns:        c.Turns,
		Unanswerable: c.Unanswerable,
		Answered:     reply.Kind == bot.KindAnswer,
		Citations:    make([]string, 0, len(reply.Citations)),
	}
	for _, cite := range reply.Citations {
		res.Citations = append(res.Citations, cite.ID)
	}
	r.Questions++
	for i, earlier := range replies[:len(replies)-1] {
		if earlier.Kind == bot.KindError {
			res.Problems = append(res.Problems, fmt.Sprintf("turn %d: error reply: %s", i+1, oneLine(earlier.Text)))
		}
	}
	if reply.Kind == bot.KindError {
		res.Problems = append(res.Problems, "error reply: "+oneLine(reply.Text))
	}

	switch {
	case c.ExpectKind != "":
		r.Answerable++
		r.scoreKind(c, reply, &res)
	case c.Unanswerable:
		r.Unanswerable++
		r.scoreDecline(reply, &res)
	default:
		r.Answerable++
		r.scoreAnswer(c, reply, &res)
	}
	if c.Turns != nil {
		r.Conversations++
		if conversationRight(c, reply, res) {
			r.conversationsRight++
		}
	}
	res.OK = len(res.Problems) == 0
	r.Results = append(r.Results, res)
}

// scoreDecline scores a question the knowledge base does not cover.
func (r *evalReport) scoreDecline(reply bot.Reply, res *evalResult) {
	if reply.Kind == bot.KindDeclined {
		r.declined++
		return
	}
	if res.Answered {
		p := "answered a question it should decline"
		if len(res.Citations) > 0 {
			p += ", citing " + res.Citations[0]
		}
		res.Problems = append(res.Problems, p)
	}
}

// scoreAnswer scores a question the knowledge base answers: where the
// expected text stands among the top citations (a rank miss) and whether
// the answer holds it (an answer miss).
func (r *evalReport) scoreAnswer(c evalCase, reply bot.Reply, res *evalResult) {
	switch reply.Kind {
	case bot.KindAnswer:
	case bot.KindDeclined:
		r.falseDeclines++
		res.Problems = append(res.Problems, "declined a question it should answer")
		return
	case bot.KindError:
		return
	default:
		// The overview cites passages too, but it answers no question.
		res.Problems = append(res.Problems, fmt.Sprintf("got a reply of kind %q, want an answer", askKind(reply)))
		return
	}
	for i, cite := range reply.Citations[:min(len(reply.Citations), evalTop)] {
		if containsAny(cite.Text, c.ExpectAny) || isHeading(cite.Section, c.ExpectAny) {
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

// scoreKind scores a question expecting a kind of reply (expect_kind): the
// reply of that kind is a hit at rank 1 and counts as answer-hit; a decline
// is a false decline.
func (r *evalReport) scoreKind(c evalCase, reply bot.Reply, res *evalResult) {
	if string(reply.AskKind) == c.ExpectKind {
		res.Rank, res.HitAt1, res.HitAt3, res.AnswerHit = 1, true, true, true
		r.hits1++
		r.hits3++
		r.MRRAt3++
		r.answerHits++
		return
	}
	if reply.Kind == bot.KindDeclined {
		r.falseDeclines++
		res.Problems = append(res.Problems, "declined a question it should answer with the "+c.ExpectKind)
		return
	}
	if reply.Kind != bot.KindError {
		res.Problems = append(res.Problems, fmt.Sprintf("got a reply of kind %q, want %q", askKind(reply), c.ExpectKind))
	}
}

// askKind is the kind of reply, as the ask object names it.
func askKind(reply bot.Reply) bot.AskKind {
	return bot.NewAsk("", reply, 0, 0).Kind
}

// conversationRight reports whether the last turn of a conversation met
// its expectation: declined when unanswerable, the expected kind of reply,
// or an answer with the expected text in the top citations.
func conversationRight(c evalCase, reply bot.Reply, res evalResult) bool {
	switch {
	case c.Unanswerable:
		return reply.Kind == bot.KindDeclined
	case c.ExpectKind != "":
		return res.HitAt1
	default:
		return res.Answered && res.HitAt3
	}
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
	r.ConversationAccuracy = ratio(r.conversationsRight, r.Conversations)
}

// print writes one line per question that went wrong (FAIL for a wrong
// answer or decline, RANK for a right answer whose expected passage is not
// cited first), then the metrics.
func (r *evalReport) print(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		if res.OK {
			continue
		}
		// RANK: the answer is right, only its citations are out of order;
		// FAIL: the answer (or the decline) is wrong.
		label := "FAIL"
		if res.AnswerHit {
			label = "RANK"
		}
		if len(res.Turns) > 0 {
			fmt.Fprintf(&b, "%s %s %q (turn %d of a conversation): %s\n", label, res.ID, res.Question, len(res.Turns), strings.Join(res.Problems, "; "))
		} else {
			fmt.Fprintf(&b, "%s %s %q: %s\n", label, res.ID, res.Question, strings.Join(res.Problems, "; "))
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
	if r.Conversations > 0 {
		fmt.Fprintf(&b, "conversations       %.3f (%d/%d)\n", r.ConversationAccuracy, r.conversationsRight, r.Conversations)
	}
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
		return c, fmt.Errorf("not a JSON object of id, question or turns, and expect_any, unanswerable or expect_kind: %v", err)
	}
	if dec.More() {
		return c, errors.New("more than one JSON value on the line")
	}
	if strings.TrimSpace(c.ID) == "" {
		return c, errors.New("missing id")
	}
	if err := checkQuestions(c); err != nil {
		return c, err
	}
	switch {
	case c.ExpectKind != "" && c.ExpectKind != expectOverview:
		return c, fmt.Errorf("expect_kind %q is not one of: %s", c.ExpectKind, expectOverview)
	case c.ExpectKind != "" && len(c.ExpectAny) > 0:
		return c, errors.New("has both expect_kind and expect_any")
	case c.ExpectKind != "" && c.Unanswerable:
		return c, errors.New("has both expect_kind and unanswerable")
	case c.Unanswerable && len(c.ExpectAny) > 0:
		return c, errors.New("has both expect_any and unanswerable")
	case c.ExpectKind == "" && !c.Unanswerable && len(c.ExpectAny) == 0:
		return c, errors.New("needs expect_any, unanswerable: true or expect_kind")
	}
	for _, e := range c.ExpectAny {
		if normalize(e) == "" {
			return c, errors.New("expect_any holds an empty string")
		}
	}
	return c, nil
}

// checkQuestions checks that c asks either a question or a conversation of
// at least two turns, none of them empty.
func checkQuestions(c evalCase) error {
	switch {
	case c.Turns == nil && strings.TrimSpace(c.Question) == "":
		return errors.New("missing question (or turns)")
	case c.Turns == nil:
		return nil
	case c.Question != "":
		return errors.New("has both question and turns")
	case len(c.Turns) < 2:
		return fmt.Errorf("turns holds %d questions, want at least 2 (or a question)", len(c.Turns))
	}
	for i, t := range c.Turns {
		if strings.TrimSpace(t) == "" {
			return fmt.Errorf("turn %d is empty", i+1)
		}
	}
	return nil
}

// isHeading reports whether one of wants is the heading of section, with or
// without its number in the list ("1) Handling the Spoilers"): a reply
// shows each quote's heading, so a question about a section's title is
// answered by a citation from it. The number, which a reply does not show,
// is not compared.
func isHeading(section string, wants []string) bool {
	if section == "" {
		return false
	}
	s := normalize(section)
	for _, w := range wants {
		if normalize(listNumber.ReplaceAllString(w, "")) == s {
			return true
		}
	}
	return false
}

// listNumber is the number of a list's item opening a heading: "1) ", "2. ".
var listNumber = regexp.MustCompile(`^\s*\d+[.)]\s*`)

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
