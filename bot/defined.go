package bot

import (
	"regexp"
	"slices"
	"strings"
)

// dashDefined finds what a passage names between dashes right after a
// noun phrase, and what it says after them: "the likely alternative — war
// — is a stark reminder" says that the likely alternative is war. The noun
// is its last word before the dash.
var dashDefined = regexp.MustCompile(`(?i)\bthe\s+(?:[a-z]+\s+){0,2}([a-z]+)\s+[—–]\s*([^—–,.;:!?]+?)\s*[—–]\s*([^.;:!?]*)`)

// maxDefinedWords is how many words a name between dashes has at most: a
// noun phrase ("war", "the IAEA"), not a clause ("signed in Geneva last
// November").
const maxDefinedWords = 3

// isDefined finds a sentence saying what a noun phrase is: "the likely
// alternative is a prolonged stalemate".
var isDefined = regexp.MustCompile(`(?i)\bthe\s+(?:[a-z]+\s+){0,2}([a-z]+)\s+(?:is|was|would\s+be|will\s+be|remains)\s+([^,.;:!?()\[\]—–]+)`)

// dashName is what a passage names a noun between dashes (dashDefined):
// the noun's stem, the name, and what the passage says after the dashes.
type dashName struct{ noun, name, rest string }

// addDashNames records what a passage sentence names a noun between dashes,
// when the name is a noun phrase: no more than maxDefinedWords words, none
// in "-ed" or "-ing".
func (e *evidence) addDashNames(sentence string) {
	for _, m := range dashDefined.FindAllStringSubmatch(sentence, -1) {
		words := strings.Fields(m[2])
		if len(words) > maxDefinedWords || slices.ContainsFunc(words, func(w string) bool {
			w = strings.ToLower(w)
			return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
		}) {
			continue
		}
		if noun := claimTerms(m[1]); len(noun) == 1 {
			e.dashNames = append(e.dashNames, dashName{noun: noun[0].Stem, name: m[2], rest: m[3]})
		}
	}
}

// denialOpeners open a value that denies: "is not a stalemate".
var denialOpeners = setOf(`not no never hardly neither nor`)

// redefined refuses a sentence saying that a noun phrase is something that
// shares no word with what its passages name it between dashes: "the
// likely alternative is a prolonged stalemate" against "the likely
// alternative — war — is a stark reminder…". What the passage says after
// the dashes is no other name ("the likely alternative is a stark
// reminder"), and a denial ("is not peace") claims no name.
func redefined(s string, ev *evidence) *Refusal {
	if len(ev.dashNames) == 0 {
		return nil
	}
	for _, m := range isDefined.FindAllStringSubmatch(s, -1) {
		head, value := claimTerms(m[1]), m[2]
		if len(head) != 1 || len(claimTerms(value)) == 0 {
			continue
		}
		if f := strings.Fields(value); denialOpeners[strings.ToLower(f[0])] {
			continue
		}
		for _, def := range ev.dashNames {
			if def.noun == head[0].Stem && !sharesContent(value, def.name) && !sharesContent(value, def.rest) {
				return &Refusal{Reason: ReasonContradiction, Term: strings.TrimSpace(value),
					Detail: "something else than what its cited passages name it between dashes"}
			}
		}
	}
	return nil
}
