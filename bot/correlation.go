package bot

import (
	"regexp"
	"strings"
)

// theMoreThe finds two changes a sentence ties together by comparatives:
// "the more serious the talks become, the less likely spoilers are to lash
// out". Each comparative says which way its thing goes.
var theMoreThe = regexp.MustCompile(`(?i)\bthe\s+(more|less|fewer|greater|higher|lower|bigger|smaller|stronger|weaker)\b([^,;:.!?]*),\s*the\s+(more|less|fewer|greater|higher|lower|bigger|smaller|stronger|weaker)\b([^.;:!?]*)`)

// comparativeWay says which way a comparative of theMoreThe goes.
var comparativeWay = map[string]int{"more": 1, "greater": 1, "higher": 1, "bigger": 1, "stronger": 1,
	"less": -1, "fewer": -1, "lower": -1, "smaller": -1, "weaker": -1}

// minTiedShared is how many content words a sentence tying two changes
// together must share with a passage sentence tying them the same way
// (evidence.together) to be read as saying the same two things.
const minTiedShared = 3

// correlation refuses a sentence that ties two changes together the
// opposite way to a passage sentence tying the same things: "the more
// serious the talks become, the less likely spoilers are to lash out"
// against "as the seriousness of talks increases, so too does the risk of
// spoilers lashing out". The same way ("the more serious…, the greater the
// risk…") is what the passage says.
func correlation(s string, ev *evidence) *Refusal {
	if len(ev.together) == 0 {
		return nil
	}
	for _, m := range theMoreThe.FindAllStringSubmatch(s, -1) {
		if comparativeWay[strings.ToLower(m[1])]*comparativeWay[strings.ToLower(m[3])] > 0 {
			continue
		}
		tied := make(map[string]bool)
		for _, t := range claimTerms(m[2] + " " + m[4]) {
			tied[t.Stem] = true
		}
		for _, stems := range ev.together {
			shared := 0
			for s := range tied {
				if stems[s] {
					shared++
				}
			}
			if shared >= minTiedShared {
				return &Refusal{Reason: ReasonContradiction, Term: m[3],
					Detail: "two changes tied the other way round from its cited passages"}
			}
		}
	}
	return nil
}
