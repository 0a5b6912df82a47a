package bot

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/knowledge"
)

// Reasons Checker.Verify refuses a draft; test them with errors.Is. Each
// refusal is a *Refusal that names the sentence and its Reason.
var (
	ErrNoCitation      = errors.New("draft cites no passage")
	ErrBadCitation     = errors.New("draft cites a passage it was not given")
	ErrInventedQuote   = errors.New("draft quotes text its passages do not hold")
	ErrUncitedSentence = errors.New("draft has a sentence that neither cites nor quotes a passage")
	ErrUnsupportedFact = errors.New("draft states a fact its cited passages do not hold")
	ErrContradiction   = errors.New("draft contradicts its cited passages")
	ErrUnsupported     = errors.New("draft says what its cited passages do not support")
)

// Reason is why a draft was not used, short and fit for a metric label.
type Reason string

// Reasons a draft is not used: the Drafter failed, or a sentence of the
// draft did not check out.
const (
	ReasonDrafterFailed Reason = "drafter_failed" // the Drafter returned an error or panicked
	ReasonNoCitation    Reason = "no_citation"    // the draft cites no passage
	ReasonBadCitation   Reason = "bad_citation"   // it cites a passage it was not given
	ReasonUncited       Reason = "uncited"        // a sentence that claims something cites nothing
	ReasonQuote         Reason = "quote"          // a quotation is not a span of the cited passages
	ReasonLink          Reason = "link"           // a URL, e-mail address or mention the passages lack
	ReasonNumber        Reason = "number"         // a number or date the passages lack
	ReasonName          Reason = "name"           // a proper name or title the passages never mention
	ReasonContradiction Reason = "contradiction"  // a negation or an opposite reverses the passages' claim
	ReasonUnsupported   Reason = "unsupported"    // too few of its words are covered by the passages
)

// Reasons lists every Reason, for metrics that count them from the start.
var Reasons = []Reason{
	ReasonDrafterFailed, ReasonNoCitation, ReasonBadCitation, ReasonUncited, ReasonQuote,
	ReasonLink, ReasonNumber, ReasonName, ReasonContradiction, ReasonUnsupported,
}

// reasonErrors maps each reason a check gives to the error it wraps.
var reasonErrors = map[Reason]error{
	ReasonNoCitation: ErrNoCitation, ReasonBadCitation: ErrBadCitation, ReasonUncited: ErrUncitedSentence,
	ReasonQuote: ErrInventedQuote, ReasonLink: ErrUnsupportedFact, ReasonNumber: ErrUnsupportedFact,
	ReasonName: ErrUnsupportedFact, ReasonContradiction: ErrContradiction, ReasonUnsupported: ErrUnsupported,
}

// Refusal is why a draft was refused: the sentence that failed and the
// reason. Its Error names neither the sentence's words nor Term, so that it
// can be logged above debug level; Text and Term are for debug logs only.
type Refusal struct {
	Sentence int    // 1-based number of the sentence that failed; 0 for the draft as a whole
	Reason   Reason // why
	Detail   string // what failed, without the draft's words ("a quotation of 7 words")
	Text     string // the sentence, as the draft has it
	Term     string // the word, number, name or link the check missed, if one
}

func (r *Refusal) Error() string {
	msg := reasonErrors[r.Reason].Error()
	if r.Detail != "" {
		msg += ": " + r.Detail
	}
	if r.Sentence > 0 {
		msg = "sentence " + strconv.Itoa(r.Sentence) + ": " + msg
	}
	return msg
}

// Unwrap returns the Err value of the reason: ErrInventedQuote for
// ReasonQuote, ErrUnsupportedFact for a link, number or name, and so on.
func (r *Refusal) Unwrap() error { return reasonErrors[r.Reason] }

// Checker checks LLM drafts against the passages they were given, reading
// words the way retrieval over its index does: the same terms, stems,
// lexicon and sentence splitter. The zero value checks without a lexicon.
// A Checker is safe for concurrent use.
type Checker struct {
	ix *knowledge.Index // nil: no lexicon
	// stems are the stems of the knowledge base's words, read on first
	// use (see usedElsewhere).
	stemsOnce sync.Once
	stems     map[string]bool
	// checked, when set, is called with each sentence the Checker checks;
	// tests count the checks with it.
	checked func(sentence string)
}

// NewChecker returns a Checker for drafts written from passages of ix.
func NewChecker(ix *knowledge.Index) *Checker { return &Checker{ix: ix} }

// Verify checks a draft against the passages it was given, numbered from 1,
// sentence by sentence, and returns a *Refusal for the first sentence that
// does not check out, or nil.
//
// The draft must cite at least one passage as [n] (also [1][2] or [1, 2]),
// and every cited number must name a given passage. Every sentence that
// states something must be supported by the passages it cites:
//   - its content words, as stems and through the lexicon, are covered by
//     them: two thirds of them, each weighed by how closely the passages
//     hold it (1 for the word itself, the lexicon's credit for a related
//     one, part of one for a word used alike by word vectors,
//     knowledge.UsedLike, which never counts for polarity); and each of
//     its clauses of four content words or more, two fifths of them
//     (a true sentence may carry an invented clause), and of a cause of
//     two or more it gives after "because" and the like, 0.55;
//   - every number and date, proper name and title, URL, e-mail address and
//     user or channel mention stands in them, exactly or in an equivalent
//     form ("three" for "3", "thirty years" for "three decades", "two" for
//     "both", "U.S." for "United States", and for a name one word
//     between: "U.S." for "American" by way of "America"); "one", as often
//     a pronoun, is weighed as a word; a first word is a name when the
//     knowledge base writes it as one;
//   - its polarity agrees with theirs: a word it denies that they assert,
//     or the reverse, or an antonym the lexicon gives of what they say, or
//     a close synonym of a word they deny with "no" ("unexpected" against
//     "no surprise"), or two words in a row they only deny together,
//     contradicts them ("not", "never", "no longer", "refused to", "declined to",
//     "decreases" against "increases", "raise … lower" against "lower …
//     raise"; a negation before "believe", "say" and the like denies the
//     verb, not its clause); so does, in the place of their word between the same two
//     words (one, for a sentence's first or last word), a synonym of its
//     antonym ("overstating" for "downplaying"), an antonym of its
//     synonym, or a word leaning the other way (knowledge.Valence:
//     "stalled" for "reinvigorated"; for it, one of the two words may be
//     one the lexicon relates, and a verb with a particle, "play down",
//     leans no way; a word of un- the sentiment lexicon does not rate
//     leans against; three of the words around it standing around their
//     word, in any order, stand for the two); so does a word of size the
//     other way from theirs, where a word within three of it stands
//     within two of theirs ("the imbalance is minor" against "a huge
//     imbalance"; knowledge.Magnitude); so does a
//     comparison turned round ("A stronger than
//     B" against "B stronger than A"); so do doers of a deed whom they name
//     as doers of what it was done to ("officials torpedoed attempts"
//     against "efforts by officials… Elements… torpedoed attempts"); so does
//     what they speak of replaced or imposed on, where they say so by no
//     form of the verb; and so does a word saying how much
//     or when before the same word as their opposite one ("fewer
//     sanctions" against "more sanctions", "after the deal" against
//     "before the deal"), or the same word where they deny it ("less
//     important" against "no less important");
//   - a word claiming certainty ("certainly", "inevitably", "guarantees")
//     needs one of its kind in them ("ensure" for "guarantee"), unless the
//     sentence denies it ("success is not assured");
//   - each quotation, in double quotes of any kind, is a contiguous span of
//     one of them, after folding quotes, dashes, case and white space; an
//     ellipsis may join spans only when each has at least four words and
//     they come in the passage's order. A quotation left open is invented.
//     A quotation a reporting word gives to someone other than the author
//     ("Zarif said that '…'") must be theirs in the passage: its sentence
//     names them outside it, and the passage quotes it, not says it in its
//     own voice (see attributed).
//
// A sentence that cites nothing may stand when it is, as a whole, a
// verbatim quote of a given passage of four words or more, when it holds no
// letter or digit, or when it claims nothing of its own ("No.", "Yes.", "In
// short:") and the sentence after it is supported. Sentences are cut by
// knowledge.SplitSentences and at line breaks; citation markers after the
// terminal punctuation ("… sanctions. [1]") belong to the sentence before.
func (c *Checker) Verify(text string, passages []Citation) error {
	if _, err := c.start(passages).feed(text, true); err != nil {
		return err
	}
	return nil
}

// minVerbatimWords is the fewest words an uncited sentence needs to stand
// as a verbatim quote of a passage.
const minVerbatimWords = 4

// maxLeadInWords is the most words a lead-in ending in a colon ("In
// short:") may have and stand uncited.
const maxLeadInWords = 3

// maxAnswerWords is the most words a sentence of answer words alone may
// have and stand uncited ("Not at all, really.").
const maxAnswerWords = 5

// draftCheck is the check of one draft, sentence by sentence as it
// streams in: each sentence is checked once, when the text after it shows
// that it is finished, and the first refusal is final.
type draftCheck struct {
	c        *Checker
	lex      *lexicon
	passages []string // as given, numbered from 1
	// listed is, per passage, the place of its section in its document's
	// list of themes ("1) Handling the Spoilers" is 1), 0 for none.
	listed []int
	all    *evidence
	cited  map[string]*evidence // by the cited numbers, "1,3"

	base     string // the prefix of the draft whose sentences are checked
	n        int    // sentences checked
	verified int    // length of the prefix known to verify, citing a passage
	pending  int    // the first of the sentences claiming nothing that wait for a supported one; 0 for none
	waiting  string // that sentence, for the refusal should none follow
	// summed are what the lead-in sentences among them claim ("In short:
	// through deliverables."), checked against the passages the next
	// supported sentence cites.
	summed []leadIn
	cites  bool // a checked sentence cites a passage
	err    *Refusal
	// before is the claim of the last supported sentence that cited, its
	// citations removed, and beforeCited what it cited: the side a
	// sentence opening "This is why…" links to.
	before      string
	beforeCited []int
}

func (c *Checker) start(passages []Citation) *draftCheck {
	d := &draftCheck{c: c, lex: newLexicon(c.ix), cited: make(map[string]*evidence)}
	d.passages = make([]string, len(passages))
	d.listed = make([]int, len(passages))
	for i, p := range passages {
		d.passages[i] = p.Text
		d.listed[i] = c.listPlace(p)
	}
	return d
}

// listPlace returns the place of citation p's section in its document's
// list of themes, 0 for none or when the index does not hold the passage.
func (c *Checker) listPlace(p Citation) int {
	if c.ix == nil {
		return 0
	}
	pass, ok := c.ix.Passage(p.ID)
	if !ok {
		// A citation given by its text alone: the passage that reads so.
		for _, q := range c.ix.Passages() {
			if q.Text == p.Text {
				pass, ok = q, true
				break
			}
		}
	}
	if !ok {
		return 0
	}
	place := 0 // among its document's themes
	for _, t := range c.ix.Themes() {
		if t.Doc != pass.Doc {
			continue
		}
		place++
		if t.Section == pass.SectionNo {
			return place
		}
	}
	return 0
}

// feed checks the sentences of text, the draft so far, that were not
// checked yet and are finished: all of them when final. It returns the
// length of the longest prefix of whole sentences that verify and cite a
// passage, and the refusal, if any, once it is known. text must extend the
// text fed before; if it does not, the check starts over.
func (d *draftCheck) feed(text string, final bool) (verified int, err error) {
	if !strings.HasPrefix(text, d.base) {
		*d = draftCheck{c: d.c, lex: d.lex, passages: d.passages, listed: d.listed, all: d.all, cited: d.cited}
	}
	if final && !citeMarker.MatchString(text) {
		return 0, &Refusal{Reason: ReasonNoCitation}
	}
	if d.err != nil {
		return d.verified, d.err
	}
	off := len(d.base)
	spans, complete := draftSentences(text[off:])
	if final {
		complete = len(spans)
	}
	for _, sp := range spans[:complete] {
		d.n++
		start, end := off+sp.start, off+sp.end
		if paragraphBreak.MatchString(text[len(d.base):start]) {
			d.before, d.beforeCited = "", nil // "This is why…" in a new paragraph links to nothing before it
		}
		d.base = text[:end]
		v, cited, r := d.sentence(text[start:end])
		if r != nil {
			r.Sentence, r.Text = d.n, text[start:end]
			d.err = r
			return d.verified, r
		}
		cites := len(cited) > 0
		switch v {
		case claimless, summing, deferred:
			d.before, d.beforeCited = "", nil // a sentence between: nothing to link back to
			if d.pending == 0 {
				d.pending, d.waiting = d.n, text[start:end]
			}
			switch v {
			case summing:
				claim, lead := waitingClaim(text[start:end])
				d.summed = append(d.summed, leadIn{claim: claim, n: d.n, lead: lead, end: end})
			case deferred:
				d.summed = append(d.summed, leadIn{claim: text[start:end], n: d.n, deferred: true, end: end})
			}
		case supported:
			if len(d.summed) > 0 && !cites {
				continue // the lead-ins wait for a sentence that cites
			}
			for _, l := range d.summed {
				if l.deferred && paragraphBreak.MatchString(text[l.end:start]) {
					r := &Refusal{Reason: ReasonUncited, Sentence: l.n, Text: l.claim,
						Detail: "no sentence of its paragraph after it cites a passage"}
					d.err = r
					return d.verified, r
				}
				if r := d.waited(l, d.evidence(cited)); r != nil {
					r.Sentence, r.Text = l.n, l.claim
					d.err = r
					return d.verified, r
				}
			}
			d.summed = d.summed[:0]
			d.pending = 0
			d.cites = d.cites || cites
			if d.cites {
				d.verified = end
			}
		}
	}
	if final && d.pending != 0 {
		d.err = &Refusal{Sentence: d.pending, Reason: ReasonUncited, Text: d.waiting,
			Detail: "no supported sentence follows it"}
		return d.verified, d.err
	}
	return d.verified, nil
}

// verdict is what a sentence that passes its check is.
type verdict int

const (
	neutral   verdict = iota // no letter or digit, or a list number: nothing to support
	claimless                // claims nothing of its own; stands if the next sentence is supported
	summing                  // a lead-in and a claim ("In short: no."), checked against the next citing sentence's passages
	deferred                 // a claim that cites nothing, checked as any sentence against the passages of the next citing sentence of its paragraph
	supported                // supported by the passages it cites, or a verbatim quote of one
)

// sentence checks one sentence of a draft and returns the passages it
// cites.
func (d *draftCheck) sentence(s string) (v verdict, cited []int, r *Refusal) {
	if d.c.checked != nil {
		d.c.checked(s)
	}
	cited, r = d.citations(s)
	if r != nil {
		return 0, nil, r
	}
	quotes, closed := quotations(s)
	if !closed {
		return 0, nil, &Refusal{Reason: ReasonQuote, Detail: "a quotation is left open"}
	}
	if len(cited) == 0 {
		v, r := d.uncited(s, quotes)
		return v, nil, r
	}
	whole := citeMarker.ReplaceAllString(s, " ")
	parts := citedParts(s)
	if len(parts) <= 1 {
		if r := d.supports(whole, quotes, d.evidence(cited)); r != nil {
			return 0, nil, r
		}
	} else if r := d.inParts(whole, parts, d.evidence(cited)); r != nil {
		return 0, nil, r
	}
	if r := d.afterLast(s); r != nil {
		return 0, nil, r
	}
	if r := d.linkBack(whole, cited); r != nil {
		return 0, nil, r
	}
	d.before, d.beforeCited = whole, cited
	return supported, cited, nil
}

// backLink finds a sentence opening that links it to the sentence before:
// "This is why…", "That attitude is why…", "As a result, …", "This led
// to…".
var backLink = regexp.MustCompile(`(?i)^\s*(?:(?:this|that|these|those)(?:\s+[\w’'-]+){0,2}\s+(?:is|are|was|were)\s+(?:why|the reason)\b|that[’']s why\b|(?:this|that|these|those)(?:\s+[\w’'-]+){0,2}\s+(?:has\s+|have\s+|had\s+)?(?:led|leads|lead)\s+to\b|as a result\b|in turn\b|as a consequence\b|consequently\b|therefore\b|because of (?:this|that)\b|for (?:this|that) reason\b)\s*,?`)

// linkBack checks a sentence that opens by linking itself to the one
// before (backLink) as the link "X, which is why Y" would be checked,
// against the passages both sentences cite: "Senior officials acknowledge
// that escalation has intensified the drumbeat of war [1]. This is why
// the gap… may now be too wide to bridge [2]."
func (d *draftCheck) linkBack(whole string, cited []int) *Refusal {
	if d.before == "" {
		return nil
	}
	loc := backLink.FindStringIndex(whole)
	if loc == nil {
		return nil
	}
	both := slices.Concat(d.beforeCited, cited)
	slices.Sort(both)
	both = slices.Compact(both)
	joined := strings.TrimRight(strings.TrimSpace(d.before), ".!?") + ", which is why " + whole[loc[1]:]
	r := d.causes(joined, d.evidence(both))
	if r != nil {
		// The link is the sentence's own opening, not the words joined.
		r.Term = strings.TrimSpace(strings.TrimRight(whole[loc[0]:loc[1]], ", "))
	}
	return r
}

// minAfterLastTerms is how many content words after a sentence's last
// citation make a claim of their own.
const minAfterLastTerms = 2

// minAfterLastCredit is the mean credit the passages must give the words
// after a sentence's last citation, names and numbers aside, without words
// merely used alike. Chosen on the tuning sets: from 0.5 to 1 no faithful
// draft was refused (six have such words), and 0.7 to 1 refused six claims
// of their own more, 0.5 four; 0.7 keeps a margin below.
const minAfterLastCredit = 0.7

// afterLast checks the words after a sentence's last citation markers on
// their own, against the passages those markers cite: the prompt asks for
// the markers at the end of the sentence, and a clause after them ("…
// foundation [1], which makes a final agreement all but certain") is a
// claim the sentence's mean coverage would hide.
func (d *draftCheck) afterLast(s string) *Refusal {
	locs := citeMarker.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return nil
	}
	tail := s[locs[len(locs)-1][1]:]
	if !hasWord(tail) {
		return nil
	}
	terms := figuredTerms(tail)
	if contentCount(terms) < minAfterLastTerms {
		return nil
	}
	k := len(locs) - 1
	for k > 0 && !hasWord(s[locs[k-1][1]:locs[k][0]]) {
		k-- // adjacent markers: "[1][2]"
	}
	cited, r := d.citations(s[locs[k][0]:locs[len(locs)-1][1]])
	if r != nil {
		return r
	}
	ev := d.evidence(cited)
	if r := d.coverage(terms, ev); r != nil {
		r.Reason = ReasonUncited
		r.Detail = "its words after its last citation: " + r.Detail
		return r
	}
	// Its own words must be held too, names and numbers aside: "…[1];
	// the author adds that Tehran has been better at this than
	// Washington" names what the passages name, and claims what they do
	// not.
	sum, n := 0.0, 0
	for _, t := range terms {
		if connectives[t.Word] || t.Name || t.Number {
			continue
		}
		c, _, _ := d.credit(t.Stem, ev)
		sum += c
		n++
	}
	if n > 0 && sum/float64(n) < minAfterLastCredit {
		return &Refusal{Reason: ReasonUncited,
			Detail: fmt.Sprintf("its words after its last citation: %.0f%% of its own words held, %.0f%% needed", 100*sum/float64(n), 100*minAfterLastCredit)}
	}
	return nil
}

// inParts checks a sentence that cites part way through ("The deal
// strengthened ties [1] and settled the technical questions [2]"): each
// part's quotations, links, facts, examples and words must stand in the
// passages its own markers cite; a quotation a marker cuts, polarity, a
// party named for more, a grant denied, a thing known only now, an
// interest opposed and the readings of how its words stand (readings) are
// read on the whole sentence (whole, its markers removed) against all of
// them, so that a marker cannot cut a negation or a quotation off its
// words.
func (d *draftCheck) inParts(whole string, parts []citedPart, all *evidence) *Refusal {
	quotes, _ := quotations(whole)
	for _, q := range quotes {
		if !quoted(q, all) {
			return &Refusal{Reason: ReasonQuote, Term: q,
				Detail: fmt.Sprintf("a quotation of %d words", len(strings.Fields(q)))}
		}
		if !attributed(whole, q, all) {
			return &Refusal{Reason: ReasonQuote, Term: q, Detail: misattributed}
		}
	}
	for _, p := range parts {
		pc, r := d.citations(p.cites)
		if r != nil {
			return r
		}
		ev := d.evidence(pc)
		if pq, closed := quotations(p.text); closed {
			for _, q := range pq {
				if !quoted(q, ev) {
					return &Refusal{Reason: ReasonQuote, Term: q,
						Detail: fmt.Sprintf("a quotation of %d words", len(strings.Fields(q)))}
				}
			}
		}
		if r := links(p.text, ev); r != nil {
			return r
		}
		terms := figuredTerms(p.text)
		if r := d.facts(p.text, terms, ev); r != nil {
			return r
		}
		if r := d.examples(p.text, ev); r != nil {
			return r
		}
		if r := d.coverage(terms, ev); r != nil {
			return r
		}
	}
	// "Since X [1], Y [2]": a "since" between things two passages say
	// apart gives a reason, whatever its tense: no time of one passage
	// dates what another says.
	if r := d.causesIn(whole, all, apartSince(parts)); r != nil {
		return r
	}
	terms := claimTerms(whole)
	if r := d.polarity(terms, all); r != nil {
		return r
	}
	return d.readings(whole, figuredTerms(whole), all)
}

// apartSince reports whether a part opens with "since" and the parts cite
// different passages.
func apartSince(parts []citedPart) bool {
	opens := slices.ContainsFunc(parts, func(p citedPart) bool {
		f := strings.Fields(strings.ToLower(p.text))
		return len(f) > 0 && f[0] == "since"
	})
	return opens && slices.ContainsFunc(parts, func(p citedPart) bool { return p.cites != parts[0].cites })
}

// citedPart is the text of a sentence up to its citation markers, and
// those markers.
type citedPart struct{ text, cites string }

// citedParts cuts s after each run of citation markers that words follow;
// a sentence citing at its end only is one part. Words after the last
// markers belong to the part before them.
func citedParts(s string) []citedPart {
	var parts []citedPart
	at := 0
	locs := citeMarker.FindAllStringIndex(s, -1)
	for i := 0; i < len(locs); {
		j := i
		for j+1 < len(locs) && !hasWord(s[locs[j][1]:locs[j+1][0]]) {
			j++ // adjacent markers: "[1][2]", "[1], [2]"
		}
		end := locs[j][1]
		if !hasWord(s[end:]) {
			break
		}
		parts = append(parts, citedPart{text: s[at:locs[i][0]], cites: s[locs[i][0]:end]})
		at, i = end, j+1
	}
	if len(parts) == 0 {
		return nil
	}
	rest := s[at:]
	if !citeMarker.MatchString(rest) {
		parts[len(parts)-1].text += " " + rest
		if len(parts) == 1 {
			return nil
		}
		return parts
	}
	return append(parts, citedPart{text: citeMarker.ReplaceAllString(rest, " "), cites: strings.Join(citeMarker.FindAllString(rest, -1), "")})
}

// misattributed is the detail of a quotation given to the wrong speaker.
const misattributed = "a quotation given to someone its cited passages do not give it to"

// supports checks sentence s, its citation markers removed, and its
// quotations against the passages ev holds.
func (d *draftCheck) supports(s string, quotes []string, ev *evidence) *Refusal {
	for _, q := range quotes {
		if !quoted(q, ev) {
			return &Refusal{Reason: ReasonQuote, Term: q,
				Detail: fmt.Sprintf("a quotation of %d words", len(strings.Fields(q)))}
		}
		if !attributed(s, q, ev) {
			return &Refusal{Reason: ReasonQuote, Term: q, Detail: misattributed}
		}
	}
	return d.claims(s, ev)
}

// uncited checks a sentence that cites no passage.
func (d *draftCheck) uncited(s string, quotes []string) (verdict, *Refusal) {
	switch {
	case !hasWord(s) || listNumber(s):
		return neutral, nil
	case claimsNothing(s):
		return claimless, nil
	}
	all := d.evidence(nil)
	for _, q := range quotes {
		if !quoted(q, all) {
			return 0, &Refusal{Reason: ReasonQuote, Term: q,
				Detail: fmt.Sprintf("a quotation of %d words", len(strings.Fields(q)))}
		}
	}
	if n := len(strings.Fields(s)); n >= minVerbatimWords && quoted(s, all) {
		return supported, nil // a verbatim quote, with or without quotation marks
	}
	if leadInClaim(s) != "" || len(quotes) > 0 || len(strings.Fields(s)) <= maxAnswerWords {
		return summing, nil
	}
	return deferred, nil
}

// paragraphBreak is a blank line: a claim that cites nothing is held to
// the passages of the next citing sentence of its own paragraph only.
var paragraphBreak = regexp.MustCompile(`\n[ \t\r]*\n`)

// waitingClaim is what an uncited sentence that waits for the next citing
// sentence claims, and whether it is a lead-in: a lead-in's claim ("In
// short: through deliverables"), or the whole of a short answer ("Four.",
// "Interests.") or of a sentence framing a quotation ("The author writes,
// “…”").
func waitingClaim(s string) (claim string, lead bool) {
	if c := leadInClaim(s); c != "" {
		return c, true
	}
	return s, false
}

// leadIn is the claim of an uncited sentence that waits for the next citing
// sentence, the sentence's number, and whether it is a lead-in ("In short:
// …").
type leadIn struct {
	claim    string
	n        int
	lead     bool
	deferred bool // a claim of its own that cites nothing (see deferred)
	end      int  // where the sentence ends in the draft
}

// waited checks the claim of an uncited sentence against the passages the
// next citing sentence cites. A lead-in's claim is checked as any sentence
// is, and so is a claim of its own that cites nothing (deferred): the
// passages of the next citing sentence of its paragraph are those it
// draws on, as a paragraph cited once at its end is written. A short answer or a quotation's frame took the citation of the next
// sentence on trust, so it is held to more: a claim it fails is refused as
// uncited, and each content word of a short answer must stand in those
// passages or be a synonym of one of theirs ("Iran lied" before a sentence
// citing "Iran is a regional power" is not covered by "Iran" alone). A
// quotation's frame is read as any sentence is: its quotation stands in
// the passages word for word and is given to whom they give it.
func (d *draftCheck) waited(l leadIn, ev *evidence) *Refusal {
	quotes, _ := quotations(l.claim)
	r := d.supports(l.claim, quotes, ev)
	if l.lead || l.deferred {
		return r
	}
	if r == nil && len(quotes) == 0 {
		r = d.heldWords(l.claim, ev)
	}
	if r != nil {
		return &Refusal{Reason: ReasonUncited, Term: r.Term,
			Detail: "not what the passages of the next citing sentence say: " + r.Detail}
	}
	return nil
}

// heldWords finds a content word of s that the passages ev hold neither as
// it is nor through a synonym.
func (d *draftCheck) heldWords(s string, ev *evidence) *Refusal {
	for _, t := range claimTerms(s) {
		if connectives[t.Word] || answerWords[t.Word] {
			continue
		}
		if c, _, _ := d.credit(t.Stem, ev); c < synonymCredit {
			return &Refusal{Reason: ReasonUnsupported, Term: t.Word, Detail: "a word they hold neither as it is nor through a synonym"}
		}
	}
	return nil
}

// leadInWords make up a lead-in: "In short:", "Bottom line:", "Simply
// put:".
var leadInWords = setOf(`in short brief briefly summary sum up simply put bottom line answer the a word nutshell
tldr tl dr essentially basically overall long story quick version`)

// leadInClaim returns what a sentence opening with a lead-in of at most
// maxLeadInWords lead-in words and a colon claims ("through deliverables"
// of "In short: through deliverables."), or "" when it opens otherwise: a
// sentence such as "Congress wants war: no." claims before its colon.
func leadInClaim(s string) string {
	lead, claim, ok := strings.Cut(s, ":")
	if !ok || len(strings.Fields(lead)) > maxLeadInWords || !hasWord(claim) {
		return ""
	}
	toks := scanTokens(lead)
	if len(toks) == 0 {
		return ""
	}
	for _, t := range toks {
		if !leadInWords[t.word] {
			return ""
		}
	}
	return strings.TrimSpace(claim)
}

// citations returns the 0-based indexes of the passages s cites.
func (d *draftCheck) citations(s string) ([]int, *Refusal) {
	var cited []int
	for _, m := range citeMarker.FindAllString(s, -1) {
		for p := range strings.SplitSeq(strings.Trim(m, "[]"), ",") {
			p = strings.TrimSpace(p)
			k, err := strconv.Atoi(p)
			if err != nil || k < 1 || k > len(d.passages) {
				return nil, &Refusal{Reason: ReasonBadCitation, Term: p,
					Detail: fmt.Sprintf("[%s] (%d given)", shorten(p, 12), len(d.passages))}
			}
			cited = append(cited, k-1)
		}
	}
	return cited, nil
}

// evidence returns what the cited passages say; every given passage when
// cited is nil.
func (d *draftCheck) evidence(cited []int) *evidence {
	if cited == nil {
		if d.all == nil {
			d.all = newEvidence(d.passages)
			d.all.listAt(d.listed)
		}
		return d.all
	}
	var key strings.Builder
	seen := make(map[int]bool, len(cited))
	var texts []string
	var places []int
	for _, i := range cited {
		if !seen[i] {
			seen[i] = true
			fmt.Fprintf(&key, "%d,", i)
			texts = append(texts, d.passages[i])
			places = append(places, d.listed[i])
		}
	}
	ev, ok := d.cited[key.String()]
	if !ok {
		ev = newEvidence(texts)
		ev.listAt(places)
		d.cited[key.String()] = ev
	}
	return ev
}

// answerWords may make up a sentence that claims nothing of its own: an
// answer to a yes-no question ("Not at all.", "Yes, it has.", "In a word,
// no.") or a lead-in.
var answerWords = setOf(`yes no yeah nope indeed correct right true false not quite partly short sum summary brief
briefly overall essentially basically well so absolutely certainly definitely exactly sure really
possibly probably perhaps maybe likely unlikely seemingly apparently arguably evidently presumably
somewhat to degree extent some sort kind of more or less broadly generally mainly
at all yet in a word answer partially largely mostly part sense by name named
it they he she is isn't isnt are aren't arent was wasn't wasnt were weren't werent has hasn't hasnt
have haven't havent does doesn't doesnt did didn't didnt do don't dont can can't cant will won't wont`)

// claimsNothing reports whether s, cited nowhere, claims nothing of its own:
// a lead-in of at most maxLeadInWords words ending in a colon ("In short:"),
// or at most maxAnswerWords answer words ("No.", "Yes, indeed.", "In a
// word, no.").
func claimsNothing(s string) bool {
	words := strings.Fields(s)
	if strings.HasSuffix(s, ":") {
		return len(words) <= maxLeadInWords
	}
	if len(words) > maxAnswerWords {
		return false
	}
	for _, t := range scanTokens(s) {
		if !answerWords[t.word] {
			return false
		}
	}
	return true
}

// listNumber reports whether s is the number of a list item ("1.", "2)").
func listNumber(s string) bool {
	s = strings.TrimRight(s, ".)")
	return s != "" && len(s) <= 2 && strings.Trim(s, "0123456789") == ""
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
