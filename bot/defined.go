package bot

import (
	"regexp"
	"strings"
)

// dashDefined finds what a passage names between dashes right after a
// noun phrase: "the likely alternative — war — is a stark reminder" says
// that the likely alternative is war. The noun is its last word before the
// dash.
var dashDefined = regexp.MustCompile(`(?i)\bthe\s+(?:[a-z]+\s+){0,2}([a-z]+)\s+[—–]\s*([^—–,.;:!?]+?)\s*[—–]`)

// isDefined finds a sentence saying what a noun phrase is: "the likely
// alternative is a prolonged stalemate".
var isDefined = regexp.MustCompile(`(?i)\bthe\s+(?:[a-z]+\s+){0,2}([a-z]+)\s+(?:is|was|would\s+be|will\s+be|remains)\s+([^,.;:!?()\[\]—–]+)`)

// redefined refuses a sentence saying that a noun phrase is something that
// shares no word with what its passages name it between dashes: "the
// likely alternative is a prolonged stalemate" against "the likely
// alternative — war — is a stark reminder…".
func redefined(s string, ev *evidence) *Refusal {
	defs := dashDefined.FindAllStringSubmatch(ev.text, -1)
	if len(defs) == 0 {
		return nil
	}
	for _, m := range isDefined.FindAllStringSubmatch(s, -1) {
		head := claimTerms(m[1])
		value := claimTerms(m[2])
		if len(head) != 1 || len(value) == 0 {
			continue
		}
		for _, def := range defs {
			named := claimTerms(def[1])
			if len(named) != 1 || named[0].Stem != head[0].Stem {
				continue
			}
			if !sharesContent(m[2], def[2]) {
				return &Refusal{Reason: ReasonContradiction, Term: strings.TrimSpace(m[2]),
					Detail: "something else than what its cited passages name it between dashes"}
			}
		}
	}
	return nil
}
