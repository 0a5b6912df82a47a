package bot

import "testing"

// TestEveryNoNeedsAPrefixOfDenial checks that "no X goes unY" is read as
// every X being Y only when "un" is a prefix of denial: "no official goes
// under scrutiny" still denies the official.
func TestEveryNoNeedsAPrefixOfDenial(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		negated    bool
	}{
		{"No good deed goes unpunished", "deed", false},
		{"No official goes under scrutiny", "official", true},
	} {
		for _, tok := range polarTokens(tt.text) {
			if tok.word == tt.word && tok.negated != tt.negated {
				t.Errorf("%q: %q negated %v, want %v", tt.text, tt.word, tok.negated, tt.negated)
			}
		}
	}
}
