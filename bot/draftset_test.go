package bot_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// labelledDraft is one line of testdata/drafts/drafts-*.jsonl: a draft an
// LLM might write from passages of the article, labelled by whether its
// passages support it and by the kind of draft or fault it is.
type labelledDraft struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	Passages  []string `json:"passages"` // exact paragraph texts; [1] is the first
	Draft     string   `json:"draft"`
	Supported bool     `json:"supported"`
	Kind      string   `json:"kind"`
}

// Floors of the labelled drafts: the share of supported drafts the Checker
// keeps (per kind and "overall") and of unsupported drafts it refuses (per
// kind), as reached with the thresholds chosen on the tuning half. A change
// that lowers any of them fails TestLabelledDrafts. On the check half, 5
// of 7 contradictions are refused: the others reverse the passage with
// words the lexicon does not know as opposites and that do not stand in
// the passage's word's place (see Checker.Verify); the
// floor is what is reached, not what is wanted. The everyday antonym pairs
// that WordNet lacks (knowledge's antonymPairs) cost one check summary.
var draftFloors = map[string]struct{ kept, refused map[string]float64 }{
	"tune": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 11.0 / 12, "merge": 1, "summary": 1, "yes-no": 1, "overall": 40.0 / 41},
		refused: map[string]float64{"contradiction": 1, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// 40 contradictions and 40 paraphrases written blind for tuning the
	// polarity rules, after the fresh set.
	"tune2": {
		kept:    map[string]float64{"paraphrase": 33.0 / 40, "overall": 33.0 / 40},
		refused: map[string]float64{"contradiction": 28.0 / 40},
	},
	// 120 drafts written blind in session 6 for tuning the quotation and
	// hard-fact rules: stitched quotations (a third in single quotes, which
	// the check did not read as quotations before), invented facts, and
	// faithful drafts that quote or repeat facts; a title opening the
	// sentence ("Deputy Foreign Minister Zarif") was the last invented fact
	// through. "Two leaders" for Obama and Khamenei is an inference the
	// number rule refuses. Reading "It doesn't." as a denial of the clause
	// before it costs one faithful fact here ("…suggests it rivals the
	// former Soviet Union…, which the author says it does not") and one
	// paraphrase of the check half, which state the view the article
	// denies; it gained five drafts on the other tuning sets.
	"tune3": {
		kept:    map[string]float64{"verbatim-quote": 29.0 / 30, "faithful-fact": 29.0 / 30, "overall": 58.0 / 60},
		refused: map[string]float64{"stitched-quote": 1, "invented-fact": 1},
	},
	// 160 drafts written blind in session 8 for tuning the rules of the
	// kinds the sixth set found weakest: summaries of a section against
	// off-section ones (in twins), negations against faithful paraphrases
	// of negated claims, and contradictions. Two off-section summaries
	// were refused only by accident until session 10: one because "It
	// adds that…" counted "adds" as a claim word the passages lack, the
	// other because "confidence" was read as "confidential", the opposite
	// of "publicly". A summary's attribution claims nothing, and an
	// opposite must be the passages' own word, since. Session 34 traded a
	// summary ("since confidence-building… is the only thing that has so
	// far turned mistrust into cooperation, both sides must…", a link the
	// passage makes by "in turn") for eight invented links given by
	// "since" refused.
	"tune4": {
		kept:    map[string]float64{"summary": 35.0 / 40, "paraphrase": 28.0 / 30, "overall": 64.0 / 70},
		refused: map[string]float64{"off-section-summary": 34.0 / 40, "negation": 1, "contradiction": 11.0 / 20},
	},
	// Written blind after the check half had been looked at, before the
	// valence rule was built: the figures a reader should believe.
	"fresh": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 17.0 / 18, "merge": 1, "summary": 1, "yes-no": 1, "overall": 51.0 / 52},
		refused: map[string]float64{"contradiction": 7.0 / 12, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 5.0 / 6, "off-section-summary": 1},
	},
	// A second blind set (153 drafts for 42 questions), written at the start
	// of session 5 before any change to the check: the first fresh set has
	// since been looked at. The clause coverage rule (session 8) refuses one
	// paraphrase here ("the current situation neither serves their
	// interests nor can last" for "the status quo is neither in their
	// interests nor sustainable").
	"fresh2": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 16.0 / 23, "merge": 1, "summary": 1, "yes-no": 1, "overall": 57.0 / 64},
		refused: map[string]float64{"contradiction": 25.0 / 30, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 8.0 / 9, "off-section-summary": 1},
	},
	// A third blind set (149 drafts for 41 questions), written at the start
	// of session 6 before any change: the second has since been looked at.
	"fresh3": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 13.0 / 16, "merge": 1, "summary": 8.0 / 10, "yes-no": 1, "overall": 54.0 / 59},
		refused: map[string]float64{"contradiction": 1, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A fourth blind set (174 drafts for 51 questions), written at the start
	// of session 7 before any change: the third has since been looked at.
	"fresh4": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 10.0 / 15, "merge": 14.0 / 15, "summary": 12.0 / 15, "yes-no": 12.0 / 15, "overall": 64.0 / 76},
		refused: map[string]float64{"contradiction": 10.0 / 13, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 10.0 / 12, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A sixth blind set (176 drafts for 55 questions), written at the start
	// of session 8 before any change: the fourth has since been tuned on.
	// (There is no fifth drafts set: session 7 wrote only questions.)
	"fresh6": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 1, "summary": 14.0 / 15, "yes-no": 13.0 / 15, "overall": 73.0 / 76},
		refused: map[string]float64{"contradiction": 12.0 / 13, "negation": 11.0 / 13, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 10.0 / 12},
	},
	// A seventh blind set (188 drafts for 64 questions), written at the
	// start of session 9 before any change: the sixth has since been tuned
	// on. Its paraphrases and summaries are freer than any set's before.
	// Tuning material since session 10, whose end the floors are, but a
	// summary session 34 traded for links given by "since" (see tune4).
	"fresh7": {
		kept: map[string]float64{"verbatim": 15.0 / 16, "paraphrase": 7.0 / 16, "merge": 1, "summary": 11.0 / 16, "yes-no": 1, "overall": 65.0 / 79},
		refused: map[string]float64{"contradiction": 8.0 / 14, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 11.0 / 13, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 11.0 / 13},
	},
	// An eighth blind set (206 drafts for 65 questions), written at the
	// start of session 10 before any change: the seventh has since been
	// tuned on. Tuning material since session 11, whose end the floors
	// are.
	"fresh8": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 4.0 / 17, "merge": 14.0 / 15, "summary": 9.0 / 15, "yes-no": 1, "overall": 61.0 / 81},
		refused: map[string]float64{"contradiction": 12.0 / 17, "negation": 14.0 / 15, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 12.0 / 15, "off-section-summary": 14.0 / 15},
	},
	// A ninth blind set (219 drafts for 76 questions), written at the
	// start of session 11 before any change: the eighth has since been
	// tuned on. It adds faithful quotations as a kind of their own.
	// Tuning material since session 12, whose start (the end of session
	// 11) the floors are.
	"fresh9": {
		kept: map[string]float64{"verbatim": 14.0 / 15, "paraphrase": 12.0 / 17, "merge": 15.0 / 16, "summary": 14.0 / 16, "yes-no": 15.0 / 16, "quotes": 1, "overall": 78.0 / 88},
		refused: map[string]float64{"contradiction": 11.0 / 16, "negation": 15.0 / 16, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A tenth blind set (230 drafts for 76 questions), written at the
	// start of session 12 before any change: the ninth has since been
	// tuned on. Its writer was asked, by mistake, for links of cause
	// (a "because" or "so" the passage does not make) where earlier sets'
	// writers were asked for web links: its drafts of that kind are
	// labelled "causal-link". At the start, far fewer of its paraphrases
	// were kept than of any earlier set's. It is tuning material since
	// session 13, whose start (the end of session 12) its floors are.
	"fresh10": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 3.0 / 18, "merge": 1, "summary": 13.0 / 16, "yes-no": 1, "quotes": 1, "overall": 82.0 / 100},
		refused: map[string]float64{"contradiction": 12.0 / 17, "negation": 14.0 / 16, "invented-fact": 1, "causal-link": 10.0 / 16,
			"stitched-quote": 11.0 / 16, "wrong-citation": 1, "unsupported-claim": 14.0 / 16, "off-section-summary": 1},
	},
	// An eleventh blind set (240 drafts for 80 questions), written at the
	// start of session 13 before any change: the tenth is tuning material
	// since. Its writer was asked for both kinds of link: web links
	// ("link") and links of cause ("causal-link"). It is tuning material
	// since session 14, whose end its floors are.
	"fresh11": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 10.0 / 17, "merge": 15.0 / 16, "summary": 13.0 / 16, "yes-no": 1, "quotes": 9.0 / 10, "overall": 81.0 / 93},
		refused: map[string]float64{"contradiction": 13.0 / 16, "negation": 15.0 / 16, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 17, "off-section-summary": 1},
	},
	// A twelfth blind set (246 drafts for 85 questions), written at the
	// start of session 14 before any change: the eleventh is tuning
	// material since. It is tuning material since session 15, whose end
	// its floors are.
	"fresh12": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 13.0 / 18, "merge": 1, "summary": 16.0 / 17, "yes-no": 1, "quotes": 15.0 / 17, "overall": 94.0 / 102},
		refused: map[string]float64{"contradiction": 12.0 / 16, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 13.0 / 16, "off-section-summary": 13.0 / 16},
	},
	// A thirteenth blind set (232 drafts for 88 questions), written at
	// the start of session 15 before any change: the twelfth is tuning
	// material since. Its writer also cited section headings and the
	// closing "Back to top", which are no passages; the 19 drafts that
	// did were left out before the set was first run. It is tuning
	// material since session 16, whose end its floors are.
	"fresh13": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 5.0 / 15, "merge": 12.0 / 14, "summary": 6.0 / 16, "yes-no": 16.0 / 17, "quotes": 16.0 / 17, "overall": 68.0 / 92},
		refused: map[string]float64{"contradiction": 14.0 / 16, "negation": 15.0 / 16, "invented-fact": 14.0 / 15, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 15.0 / 16, "wrong-citation": 1, "unsupported-claim": 14.0 / 15, "off-section-summary": 1},
	},
	// A fourteenth blind set (241 drafts for 89 questions), written at the
	// start of session 16 before any change: the thirteenth is tuning
	// material since. It is tuning material since session 17, whose end
	// its floors are.
	"fresh14": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 10.0 / 16, "merge": 13.0 / 16, "summary": 13.0 / 16, "yes-no": 15.0 / 16, "quotes": 14.0 / 16, "overall": 81.0 / 96},
		refused: map[string]float64{"contradiction": 12.0 / 16, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A fifteenth blind set (256 drafts for 91 questions), written at the
	// start of session 17 before any change: the fourteenth is tuning
	// material since. It is tuning material since session 18, whose end
	// its floors are (the same as its start's).
	"fresh15": {
		kept: map[string]float64{"verbatim": 15.0 / 16, "paraphrase": 12.0 / 18, "merge": 1, "summary": 13.0 / 20, "yes-no": 14.0 / 17, "quotes": 15.0 / 17, "overall": 89.0 / 108},
		refused: map[string]float64{"contradiction": 14.0 / 18, "negation": 16.0 / 18, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A sixteenth blind set (250 drafts for 80 questions), written at the
	// start of session 18 before any change: the fifteenth is tuning
	// material since. It is tuning material since session 19, whose end
	// its floors are.
	"fresh16": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 17.0 / 19, "merge": 1, "summary": 11.0 / 16, "yes-no": 14.0 / 16, "quotes": 1, "overall": 90.0 / 99},
		refused: map[string]float64{"contradiction": 16.0 / 18, "negation": 18.0 / 19, "invented-fact": 1, "link": 1, "causal-link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 12.0 / 16, "off-section-summary": 1},
	},
	// A seventeenth blind set (261 drafts for 81 questions), written at the
	// start of session 19 before any change: the sixteenth is tuning
	// material since. It is tuning material since session 20, whose start
	// (session 19's end) its floors are.
	"fresh17": {
		kept: map[string]float64{"verbatim": 17.0 / 18, "paraphrase": 14.0 / 22, "merge": 15.0 / 16, "summary": 9.0 / 15, "yes-no": 15.0 / 16, "quotes": 14.0 / 16, "overall": 84.0 / 103},
		refused: map[string]float64{"contradiction": 17.0 / 19, "negation": 17.0 / 20, "invented-fact": 18.0 / 19, "link": 1, "causal-link": 16.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 17, "off-section-summary": 1},
	},
	// An eighteenth blind set (255 drafts for 85 questions), written at the
	// start of session 20 before any change: the seventeenth is tuning
	// material since. It is tuning material since session 21, whose start
	// (session 20's end) its floors are.
	"fresh18": {
		kept: map[string]float64{"verbatim": 15.0 / 16, "paraphrase": 14.0 / 18, "merge": 1, "summary": 12.0 / 18, "yes-no": 13.0 / 16, "quotes": 1, "overall": 90.0 / 104},
		refused: map[string]float64{"contradiction": 11.0 / 17, "negation": 16.0 / 17, "invented-fact": 13.0 / 16, "link": 1, "causal-link": 12.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 16.0 / 17, "off-section-summary": 1},
	},
	// A nineteenth blind set (243 drafts for 81 questions), written at the
	// start of session 21 before any change: the eighteenth is tuning
	// material since. It is tuning material since session 22, whose start
	// (session 21's end) its floors are.
	"fresh19": {
		kept: map[string]float64{"verbatim": 13.0 / 16, "paraphrase": 9.0 / 16, "merge": 16.0 / 17, "summary": 14.0 / 17, "yes-no": 15.0 / 16, "quotes": 1, "overall": 83.0 / 98},
		refused: map[string]float64{"contradiction": 13.0 / 16, "negation": 15.0 / 16, "invented-fact": 16.0 / 17, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twentieth blind set (256 drafts for 81 questions), written at the
	// start of session 22 before any change: the nineteenth is tuning
	// material since. It is tuning material since session 23, whose start
	// (session 22's end) its floors are.
	"fresh20": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 16.0 / 18, "merge": 1, "summary": 7.0 / 16, "yes-no": 15.0 / 16, "quotes": 1, "overall": 91.0 / 103},
		refused: map[string]float64{"contradiction": 16.0 / 20, "negation": 16.0 / 18, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 16.0 / 17, "off-section-summary": 1},
	},
	// A twenty-first blind set (244 drafts for 88 questions), written at
	// the start of session 23 before any change: the twentieth is tuning
	// material since. It is tuning material since session 24, whose start
	// (session 23's end) its floors are.
	"fresh21": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 15.0 / 17, "merge": 1, "summary": 14.0 / 16, "yes-no": 1, "quotes": 1, "overall": 93.0 / 97},
		refused: map[string]float64{"contradiction": 13.0 / 16, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 13.0 / 17, "off-section-summary": 1},
	},
	// A twenty-second blind set (252 drafts for 82 questions), written at
	// the start of session 24 before any change: the twenty-first is
	// tuning material since. It is tuning material since session 25, whose
	// start (session 24's end, unchanged from its own start) its floors are.
	"fresh22": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 15.0 / 17, "merge": 15.0 / 17, "summary": 13.0 / 18, "yes-no": 1, "quotes": 17.0 / 18, "overall": 93.0 / 103},
		refused: map[string]float64{"contradiction": 13.0 / 16, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twenty-third blind set (247 drafts for 89 questions), written at
	// the start of session 25 before any change: the twenty-second is
	// tuning material since. It is tuning material since session 26, whose
	// start (session 25's end, unchanged from its own start) its floors are.
	"fresh23": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 15.0 / 16, "merge": 15.0 / 17, "summary": 8.0 / 17, "yes-no": 1, "quotes": 14.0 / 16, "overall": 84.0 / 98},
		refused: map[string]float64{"contradiction": 1, "negation": 15.0 / 16, "invented-fact": 15.0 / 16, "link": 1, "causal-link": 15.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twenty-fourth blind set (260 drafts for 79 questions), written at
	// the start of session 26 before any change: the twenty-third is
	// tuning material since. It is tuning material since session 27, whose
	// start (session 26's end, unchanged from its own start) its floors are.
	"fresh24": {
		kept: map[string]float64{"verbatim": 15.0 / 16, "paraphrase": 14.0 / 17, "merge": 17.0 / 19, "summary": 9.0 / 17, "yes-no": 1, "quotes": 1, "overall": 90.0 / 104},
		refused: map[string]float64{"contradiction": 17.0 / 19, "negation": 18.0 / 20, "invented-fact": 15.0 / 16, "link": 1, "causal-link": 14.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twenty-fifth blind set (290 drafts for 89 questions), written at
	// the start of session 27 before any change: the twenty-fourth is
	// tuning material since. The writer took the page's "Back to top" line
	// for a passage; it is none, so the one draft citing it went and three
	// others lost it as a second passage they did not cite. The floors are
	// the session's start, which its end kept; it is tuning material since
	// session 28.
	"fresh25": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 18.0 / 24, "merge": 17.0 / 18, "summary": 4.0 / 21, "yes-no": 1, "quotes": 19.0 / 20, "overall": 98.0 / 123},
		refused: map[string]float64{"contradiction": 16.0 / 21, "negation": 16.0 / 19, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 18,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twenty-sixth blind set (272 drafts for 82 questions), written at
	// the start of session 28 before any change: the twenty-fifth is
	// tuning material since. The floors are the session's start, which
	// its end kept; it is tuning material since session 29.
	"fresh26": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 1, "summary": 3.0 / 21, "yes-no": 1, "quotes": 16.0 / 17, "overall": 100.0 / 119},
		refused: map[string]float64{"contradiction": 17.0 / 21, "negation": 14.0 / 16, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 15, "off-section-summary": 1},
	},
	// A twenty-seventh blind set (264 drafts for 86 questions), written
	// at the start of session 29 before any change: the twenty-sixth is
	// tuning material since. The floors are the session's start, which
	// its end kept; it is tuning material since session 30.
	"fresh27": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 11.0 / 16, "merge": 23.0 / 24, "summary": 3.0 / 17, "yes-no": 19.0 / 21, "quotes": 14.0 / 16, "overall": 86.0 / 110},
		refused: map[string]float64{"contradiction": 12.0 / 19, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 15.0 / 16, "off-section-summary": 1},
	},
	// A twenty-eighth blind set (264 drafts for 82 questions), written at
	// the start of session 30 before any change: the twenty-seventh is
	// tuning material since. The floors are the session's start, which
	// its end kept; no summary of this set is kept at it. It is tuning
	// material since session 31.
	"fresh28": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 1, "summary": 0, "yes-no": 21.0 / 22, "quotes": 15.0 / 17, "overall": 93.0 / 112},
		refused: map[string]float64{"contradiction": 13.0 / 17, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A twenty-ninth blind set (254 drafts for 82 questions), written at
	// the start of session 31 before any change: the twenty-eighth is
	// tuning material since. The floors are the session's start, which
	// its end kept. It is tuning material since session 32.
	"fresh29": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 21.0 / 23, "merge": 1, "summary": 1.0 / 15, "yes-no": 1, "quotes": 14.0 / 15, "overall": 88.0 / 105},
		refused: map[string]float64{"contradiction": 15.0 / 18, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 15,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 15, "off-section-summary": 1},
	},
	// A thirtieth blind set (279 drafts for 85 questions), written at the
	// start of session 32 before any change: the twenty-ninth is tuning
	// material since, its floors session 31's end (no rule of the claim
	// check changed in it). The floors are the session's start, but for
	// a summary that session 42 traded for four contradictions refused on
	// the tuning halves ("a rare opportunity" read against "if past is
	// prologue", which says history repeats: see opposed in claims.go).
	"fresh30": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 15.0 / 19, "merge": 24.0 / 25, "summary": 3.0 / 18, "yes-no": 1, "quotes": 21.0 / 22, "overall": 97.0 / 117},
		refused: map[string]float64{"contradiction": 18.0 / 22, "negation": 18.0 / 19, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 15,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 15, "off-section-summary": 14.0 / 15},
	},
	// A thirty-first blind set (277 drafts for 80 questions), written at
	// the start of session 33 before any change: tuning material since
	// session 34, whose start (session 33's end) its floors are.
	"fresh31": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 20.0 / 23, "merge": 21.0 / 22, "summary": 1.0 / 16, "yes-no": 1, "quotes": 1, "overall": 97.0 / 116},
		refused: map[string]float64{"contradiction": 19.0 / 21, "negation": 14.0 / 17, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 14.0 / 15, "off-section-summary": 1},
	},
	// A thirty-second blind set (294 drafts for 82 questions), written at
	// the start of session 34 before any change: tuning material since
	// session 35, whose start (session 34's end) its floors are.
	"fresh32": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 14.0 / 27, "merge": 21.0 / 23, "summary": 1.0 / 17, "yes-no": 1, "quotes": 1, "overall": 99.0 / 130},
		refused: map[string]float64{"contradiction": 16.0 / 21, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 12.0 / 15,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-third blind set (272 drafts for 82 questions), written at
	// the start of session 35 before any change: tuning material since
	// session 36, whose start (session 35's end) its floors are.
	"fresh33": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 19.0 / 22, "merge": 1, "summary": 1.0 / 17, "yes-no": 1, "quotes": 1, "overall": 92.0 / 111},
		refused: map[string]float64{"contradiction": 19.0 / 20, "negation": 18.0 / 20, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-fourth blind set (266 drafts for 85 questions), written at
	// the start of session 36 before any change. It is tuning material
	// since session 37, whose start (session 36's end) its floors are.
	"fresh34": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 22.0 / 25, "merge": 18.0 / 19, "summary": 0, "yes-no": 18.0 / 19, "quotes": 16.0 / 17, "overall": 94.0 / 120},
		refused: map[string]float64{"contradiction": 11.0 / 16, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 11.0 / 15,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 13.0 / 15, "off-section-summary": 1},
	},
	// A thirty-fifth blind set (254 drafts for 81 questions), written at
	// the start of session 37 before any change. It is tuning material
	// since session 38, whose start (session 37's end) its floors are.
	"fresh35": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 24.0 / 25, "summary": 1.0 / 15, "yes-no": 1, "quotes": 14.0 / 16, "overall": 90.0 / 107},
		refused: map[string]float64{"contradiction": 15.0 / 17, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-sixth blind set (287 drafts for 83 questions), written at
	// the start of session 38 before any change. It is tuning material
	// since session 39, whose start (session 38's end) its floors are.
	"fresh36": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 23.0 / 25, "merge": 1, "summary": 8.0 / 26, "yes-no": 17.0 / 18, "quotes": 18.0 / 19, "overall": 100.0 / 122},
		refused: map[string]float64{"contradiction": 21.0 / 23, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-seventh blind set (268 drafts for 82 questions), written at
	// the start of session 39 before any change. It is tuning material
	// since session 40, whose start (session 39's end) its floors are.
	"fresh37": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 21.0 / 26, "merge": 17.0 / 19, "summary": 1.0 / 17, "yes-no": 1, "quotes": 14.0 / 16, "overall": 91.0 / 116},
		refused: map[string]float64{"contradiction": 13.0 / 18, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-eighth blind set (269 drafts for 84 questions), written at
	// the start of session 40 before any change. It is tuning material
	// since session 41, whose start (session 40's end) its floors are.
	"fresh38": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 24.0 / 25, "merge": 1, "summary": 3.0 / 20, "yes-no": 1, "quotes": 1, "overall": 99.0 / 117},
		refused: map[string]float64{"contradiction": 15.0 / 17, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A thirty-ninth blind set (279 drafts for 89 questions), written at
	// the start of session 41 before any change. It is tuning material
	// since session 42, whose start (session 41's end) its floors are.
	"fresh39": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 1, "summary": 2.0 / 17, "yes-no": 19.0 / 20, "quotes": 1, "overall": 109.0 / 125},
		refused: map[string]float64{"contradiction": 1, "negation": 16.0 / 18, "invented-fact": 1, "link": 1, "causal-link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 15.0 / 16, "off-section-summary": 1},
	},
	// A fortieth blind set (284 drafts for 84 questions), written at the
	// start of session 42 before any change. Its writer also gave four
	// drafts the page furniture "Back to top" as a passage, which the
	// knowledge base drops; they were left out before any was checked.
	// It is tuning material since session 43, whose start (session 42's
	// end) its floors are.
	"fresh40": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 13.0 / 21, "merge": 20.0 / 21, "summary": 5.0 / 20, "yes-no": 1, "quotes": 17.0 / 18, "overall": 95.0 / 120},
		refused: map[string]float64{"contradiction": 16.0 / 19, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 16.0 / 18,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-first blind set (277 drafts for 82 questions), written at
	// the start of session 43 before any change. It is tuning material
	// since session 44, whose start (session 43's end) its floors are.
	"fresh41": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 22.0 / 25, "merge": 17.0 / 18, "summary": 7.0 / 16, "yes-no": 16.0 / 17, "quotes": 1, "overall": 103.0 / 117},
		refused: map[string]float64{"contradiction": 16.0 / 20, "negation": 1, "invented-fact": 21.0 / 22, "link": 1, "causal-link": 13.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-second blind set (276 drafts for 100 questions), written at
	// the start of session 44 before any change. It is tuning material
	// since session 45, whose start (session 44's end) its floors are.
	"fresh42": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 18.0 / 21, "merge": 17.0 / 18, "summary": 13.0 / 18, "yes-no": 1, "quotes": 1, "overall": 106.0 / 115},
		refused: map[string]float64{"contradiction": 18.0 / 19, "negation": 1, "invented-fact": 17.0 / 18, "link": 1, "causal-link": 15.0 / 18,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-third blind set (280 drafts for 81 questions), written at
	// the start of session 45 before any change. It is tuning material
	// since session 46, whose start (session 45's end) its floors are.
	"fresh43": {
		kept: map[string]float64{"verbatim": 17.0 / 18, "paraphrase": 13.0 / 20, "merge": 1, "summary": 9.0 / 17, "yes-no": 19.0 / 20, "quotes": 18.0 / 19, "overall": 98.0 / 116},
		refused: map[string]float64{"contradiction": 18.0 / 19, "negation": 1, "invented-fact": 18.0 / 19, "link": 1, "causal-link": 15.0 / 18,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-fourth blind set (279 drafts for 84 questions), written at
	// the start of session 46 before any change. It is tuning material
	// since session 47, whose start (session 46's end) its floors are.
	"fresh44": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 21.0 / 22, "merge": 1, "summary": 14.0 / 17, "yes-no": 1, "quotes": 1, "overall": 114.0 / 118},
		refused: map[string]float64{"contradiction": 16.0 / 20, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-fifth blind set (280 drafts for 89 questions), written at
	// the start of session 47 before any change. It is tuning material
	// since session 48, whose start (session 47's end) its floors are.
	"fresh45": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 1, "merge": 1, "summary": 13.0 / 18, "yes-no": 1, "quotes": 17.0 / 18, "overall": 104.0 / 110},
		refused: map[string]float64{"contradiction": 1, "negation": 18.0 / 19, "invented-fact": 1, "link": 1, "causal-link": 18.0 / 19,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-sixth blind set (274 drafts for 79 questions), written at
	// the start of session 48 before any change. It is tuning material
	// since session 49, whose start (session 48's end) its floors are.
	"fresh46": {
		kept: map[string]float64{"verbatim": 17.0 / 18, "paraphrase": 1, "merge": 1, "summary": 12.0 / 17, "yes-no": 1, "quotes": 17.0 / 18, "overall": 108.0 / 115},
		refused: map[string]float64{"contradiction": 20.0 / 21, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 14.0 / 16,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-seventh blind set (287 drafts for 84 questions), written at
	// the start of session 49 before any change. It is tuning material
	// since session 50, whose start (session 49's end) its floors are.
	"fresh47": {
		kept: map[string]float64{"verbatim": 17.0 / 18, "paraphrase": 23.0 / 30, "merge": 1, "summary": 12.0 / 17, "yes-no": 1, "quotes": 1, "overall": 108.0 / 121},
		refused: map[string]float64{"contradiction": 20.0 / 21, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 15.0 / 17,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-eighth blind set (273 drafts for 81 questions), written at
	// the start of session 50 before any change. It is tuning material
	// since session 51, whose start (session 50's end) its floors are.
	"fresh48": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 24.0 / 27, "merge": 19.0 / 20, "summary": 7.0 / 15, "yes-no": 1, "quotes": 1, "overall": 105.0 / 117},
		refused: map[string]float64{"contradiction": 18.0 / 21, "negation": 17.0 / 18, "invented-fact": 1, "link": 1, "causal-link": 13.0 / 15,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// A forty-ninth blind set (289 drafts for 102 questions), written at
	// the start of session 51 before any change: the forty-eighth is
	// tuning material since. The floors are the session's start.
	"fresh49": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 22.0 / 23, "merge": 1, "summary": 14.0 / 18, "yes-no": 1, "quotes": 1, "overall": 116.0 / 121},
		refused: map[string]float64{"contradiction": 18.0 / 22, "negation": 1, "invented-fact": 1, "link": 1, "causal-link": 16.0 / 18,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
	// 300 drafts for tuning contradictions, links of cause and negations
	// (100, 70 and 40, with 90 faithful ones), written in session 50 by
	// someone who saw only the article. The floors are where the check
	// stood when they were added (5a6d7ac).
	"tune6": {
		kept:    map[string]float64{"verbatim": 1, "paraphrase": 27.0 / 30, "summary": 18.0 / 20, "yes-no": 1, "overall": 85.0 / 90},
		refused: map[string]float64{"contradiction": 71.0 / 100, "causal-link": 59.0 / 70, "negation": 38.0 / 40},
	},
	// 207 drafts for tuning links of cause, written at the start of
	// session 12 before the check of them: links the passages do not make
	// ("…, which is why…", "because…"), links they make in other words,
	// free paraphrases and stitched quotations. The floors are the
	// session's end. Session 14 traded two links it makes in other words
	// (a verb alone: "torpedoed attempts" for "attempts failed because
	// they were torpedoed") for eleven invented links on the tuning sets,
	// by asking a passage sentence holding both sides to make a link of
	// its own.
	"tune5": {
		kept:    map[string]float64{"causal-true": 39.0 / 52, "paraphrase": 34.0 / 50, "overall": 73.0 / 102},
		refused: map[string]float64{"causal-link": 46.0 / 75, "stitched-quote": 29.0 / 30},
	},
	"check": {
		kept: map[string]float64{"verbatim": 1, "paraphrase": 10.0 / 12, "merge": 1, "summary": 7.0 / 10, "yes-no": 1, "overall": 36.0 / 41},
		refused: map[string]float64{"contradiction": 5.0 / 7, "negation": 1, "invented-fact": 1, "link": 1,
			"stitched-quote": 1, "wrong-citation": 1, "unsupported-claim": 1, "off-section-summary": 1},
	},
}

// TestLabelledDrafts runs the Checker over the labelled drafts (the tuning
// half, the check half and the fresh set) and, with -v, prints per set the
// share of supported drafts kept and of unsupported drafts refused, by
// kind. The thresholds were chosen on the tuning half alone; the check half
// and the fresh set say how well they generalise.
func TestLabelledDrafts(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	for _, half := range []string{"tune", "tune2", "tune3", "tune4", "check", "fresh", "fresh2", "fresh3", "fresh4", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "tune5", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49", "tune6"} {
		t.Run(half, func(t *testing.T) {
			drafts := loadDrafts(t, filepath.Join("..", "testdata", "drafts", "drafts-"+half+".jsonl"))
			var kept, refused tally
			var misses []string
			for _, d := range drafts {
				err := c.Verify(d.Draft, draftCitations(t, ix, d))
				if d.Supported {
					kept.add(d.Kind, err == nil)
				} else {
					refused.add(d.Kind, err != nil)
				}
				if (err == nil) != d.Supported {
					misses = append(misses, d.ID+" "+d.Kind+": "+outcome(err))
				}
			}
			n, ok := kept.total()
			kept.n["overall"], kept.ok["overall"] = n, ok
			t.Logf("%s half, %d drafts\nsupported drafts kept:\n%sunsupported drafts refused:\n%swrong: %s",
				half, len(drafts), kept.table(), refused.table(), strings.Join(misses, "; "))
			floors := draftFloors[half]
			kept.check(t, "kept", floors.kept)
			refused.check(t, "refused", floors.refused)
		})
	}
}

// outcome describes a verdict without the draft's words.
func outcome(err error) string {
	var r *bot.Refusal
	if errors.As(err, &r) {
		return fmt.Sprintf("refused (%s, sentence %d)", r.Reason, r.Sentence)
	}
	if err != nil {
		return err.Error()
	}
	return "used"
}

// tally counts outcomes by kind.
type tally struct{ n, ok map[string]int }

func (t *tally) add(kind string, ok bool) {
	if t.n == nil {
		t.n, t.ok = make(map[string]int), make(map[string]int)
	}
	t.n[kind]++
	if ok {
		t.ok[kind]++
	}
}

// total sums every kind but "overall".
func (t *tally) total() (n, ok int) {
	for k := range t.n {
		if k != "overall" {
			n, ok = n+t.n[k], ok+t.ok[k]
		}
	}
	return n, ok
}

func (t *tally) share(kind string) float64 { return float64(t.ok[kind]) / float64(t.n[kind]) }

func (t *tally) table() string {
	kinds := make([]string, 0, len(t.n))
	for k := range t.n {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-20s %2d/%-2d %.2f\n", k, t.ok[k], t.n[k], t.share(k))
	}
	return b.String()
}

// check fails the test for every kind whose share falls below its floor,
// and for a kind without a floor.
func (t *tally) check(tb testing.TB, what string, floors map[string]float64) {
	tb.Helper()
	for k := range t.n {
		floor, ok := floors[k]
		switch {
		case !ok:
			tb.Errorf("kind %q: no floor for drafts %s", k, what)
		case t.share(k) < floor-1e-9:
			tb.Errorf("kind %q: %s %d/%d (%.2f), want at least %.2f", k, what, t.ok[k], t.n[k], t.share(k), floor)
		}
	}
	for k := range floors {
		if t.n[k] == 0 {
			tb.Errorf("kind %q: no drafts %s, want some", k, what)
		}
	}
}

func loadDrafts(t testing.TB, path string) []labelledDraft {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var drafts []labelledDraft
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var d labelledDraft
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		drafts = append(drafts, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(drafts) == 0 {
		t.Fatalf("%s: no drafts", path)
	}
	return drafts
}

// draftCitations finds the draft's passages in the article index by their
// text, so that the Checker sees them as the bot gives them.
func draftCitations(t testing.TB, ix *knowledge.Index, d labelledDraft) []bot.Citation {
	t.Helper()
	cites := make([]bot.Citation, 0, len(d.Passages))
	// Runs of white space count as one space: the article's text has a
	// non-breaking space that the stored passage holds as a plain one.
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for i, text := range d.Passages {
		j := slices.IndexFunc(ix.Passages(), func(p *knowledge.Passage) bool { return fold(p.Text) == fold(text) })
		if j < 0 {
			t.Fatalf("%s: passage [%d] is not a passage of the article", d.ID, i+1)
		}
		p := ix.Passages()[j]
		cites = append(cites, bot.Citation{ID: p.ID, Doc: p.Doc, Title: p.DocTitle, Section: p.Section, Text: p.Text})
	}
	return cites
}
