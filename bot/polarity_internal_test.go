package bot

import (
	"slices"
	"testing"
)

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

// TestDeniedBefore: a doubt opener denied right before it ("not unclear
// that") casts no doubt.
func TestDeniedBefore(t *testing.T) {
	for _, tt := range []struct {
		before string
		want   bool
	}{
		{"It is not ", true},
		{"It isn't ", true},
		{"It is never ", true},
		{"It is ", false},
		{"Nothing is more clear than this, and it is ", false},
	} {
		if got := deniedBefore(tt.before); got != tt.want {
			t.Errorf("deniedBefore(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
	if doubtCast("It is not unclear that the sanctions will hold through the winter.", nil) != nil {
		t.Error("a denied doubt opener read as doubt")
	}
}

// TestAbilityLost checks that losing an ability to do a thing denies the
// thing, and that "to" before a noun phrase after a verb of losing is a
// preposition, which denies nothing.
func TestAbilityLost(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		negated    bool
	}{
		{"spoilers lose their capacity to lash out", "lash", true},
		{"spoilers lost the ability to torpedo the talks", "torpedo", true},
		{"moderates lost capacity to the hardliners after the election", "hardliners", false},
		{"moderates lost power to hardliners", "hardliners", false},
	} {
		found := false
		for _, tok := range polarTokens(tt.text) {
			if tok.word == tt.word {
				found = true
				if tok.negated != tt.negated {
					t.Errorf("%q: %q negated %v, want %v", tt.text, tt.word, tok.negated, tt.negated)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.text, tt.word)
		}
	}
}

// TestTurnedAwayDeniedAgrees checks that a turn away from what the
// passages keep in focus contradicts them only when it is neither denied
// nor set against the rest (other rules read those).
func TestTurnedAwayDeniedAgrees(t *testing.T) {
	ev := newEvidence([]string{"Both sides will in turn need to absorb these ideological criticisms and keep their sights firmly focused on their actual interests."})
	for _, tt := range []struct {
		text    string
		refused bool
	}{
		{"Both sides will let the criticisms steer them away from their actual interests.", true},
		{"Both sides will not let the criticisms steer them away from their actual interests.", false},
		{"Both sides will hold firm rather than drift away from their actual interests.", false},
		{"Both sides will shift their attention from their actual interests to the criticisms.", true},
		{"Both sides will keep their sights away from the criticisms.", false},
	} {
		if got := turnedAway(tt.text, ev) != nil; got != tt.refused {
			t.Errorf("%q: refused %v, want %v", tt.text, got, tt.refused)
		}
	}
}

// TestAsSoTooCause checks that a passage sentence "as X, so too Y" gives X
// as its cause, and that a "so" without "too" leaves the sentence to its
// cause words.
func TestAsSoTooCause(t *testing.T) {
	cause, ok := linkCause(scanTokens("As the seriousness of talks increases, so too does the risk of spoilers lashing out."))
	if !ok || !slices.Equal(contentStems(cause), contentStems(scanTokens("the seriousness of talks increases"))) {
		t.Errorf("as…so too: got %v, %v, want the seriousness of talks increasing", contentStems(cause), ok)
	}
	cause, ok = linkCause(scanTokens("As the talks began, officials were hopeful, so they met in Vienna because sanctions bit."))
	if !ok || !slices.Equal(contentStems(cause), contentStems(scanTokens("sanctions bit."))) {
		t.Errorf("as…so: got %v, %v, want the cause after \"because\"", contentStems(cause), ok)
	}
}
