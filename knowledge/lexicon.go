package knowledge

import (
	"slices"
	"strings"
)

// The lexicon expands a question's words with near-synonyms so that a
// paraphrased question still finds the sentence that answers it. It is
// general English, not tied to any document: each line is a group of words
// that can stand for one another in a question. Expansions weigh less than
// the words actually asked.
var synonymGroups = `
admit acknowledge concede recognize accept confess
show demonstrate prove display reveal indicate
defeat counter overcome beat rebut refute undermine neutralize
easy simple straightforward effortless
hard difficult tough challenging complicated
help assist aid support
big large huge enormous major great
small little minor modest
stop halt end prevent block
war conflict fight combat hostility
leader head chief
goal aim objective purpose
want seek desire wish
get obtain receive gain acquire earn
give provide grant offer supply
talks negotiation negotiations dialogue discussion diplomacy
agreement deal accord pact treaty
country nation state
government regime administration authorities
push press urge lobby demand
danger risk threat peril
trust confidence faith
distrust mistrust suspicion skepticism doubt
weak weakness fragile
strong strength powerful power might
expect anticipate predict
result results outcome outcomes consequence effect
cause produce create generate
begin start commence launch
finish conclude complete
opponent opponents critic critics adversary enemy rival
endorse back support champion
sabotage torpedo derail wreck spoil undermine
try attempt effort endeavor
problem issue challenge difficulty obstacle
increase rise grow escalate intensify
decrease reduce lower narrow shrink
important critical crucial essential vital key necessary
credit praise commend
fail failure failed unsuccessful
approach strategy policy method tactic
openly publicly
privately secretly quietly
win succeed success triumph
lose loss sacrifice forfeit
spend invest expend
leaders officials
talk speak
hardliners hardliner extremists radicals
moderates moderate pragmatists
belief ideology doctrine
interest interests benefit advantage
equal equals peer peers
negotiators negotiating negotiate negotiator
`

// idioms map a figure of speech to plain words that say the same.
var idioms = map[string]string{
	"out of the woods":   "clear safe",
	"in the clear":       "safe",
	"on the table":       "negotiating",
	"at the table":       "negotiating",
	"come to terms":      "agree",
	"at odds":            "disagree conflict",
	"on board":           "support",
	"green light":        "approve",
	"back down":          "retreat concede",
	"pay off":            "succeed",
	"piece of cake":      "easy",
	"uphill battle":      "difficult",
	"walk away":          "abandon",
	"deal breaker":       "obstacle",
	"bottom line":        "conclusion",
	"common ground":      "agreement",
	"red line":           "limit",
	"the ball rolling":   "start",
	"hold up":            "delay",
	"play ball":          "cooperate",
	"bring to the table": "negotiate",
}

// idiom is a figure of speech ready for matching: its content words and
// the stems of the plain words that stand for them.
type idiom struct {
	seq   []string // the phrase, word by word
	words []string // its content words
	plain []string
}

// idiomsByFirst indexes the idioms by their first word.
var idiomsByFirst = func() map[string][]idiom {
	m := make(map[string][]idiom)
	for phrase, plain := range idioms {
		id := idiom{seq: strings.Fields(phrase)}
		for _, w := range id.seq {
			if wordClasses[w]&classStop == 0 {
				id.words = append(id.words, w)
			}
		}
		for _, w := range strings.Fields(plain) {
			id.plain = append(id.plain, stem(w))
		}
		m[id.seq[0]] = append(m[id.seq[0]], id)
		wordClasses[id.seq[0]] |= classIdiom
	}
	return m
}()

// synonyms maps a stem to the stems of its group, itself excluded.
var synonyms = func() map[string][]string {
	m := make(map[string][]string)
	for _, line := range strings.Split(synonymGroups, "\n") {
		words := strings.Fields(line)
		stems := make([]string, 0, len(words))
		for _, w := range words {
			stems = append(stems, stem(w))
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !slices.Contains(m[s], o) {
					m[s] = append(m[s], o)
				}
			}
		}
	}
	return m
}()
