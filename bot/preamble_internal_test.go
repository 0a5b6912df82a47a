package bot

import "testing"

// TestPreambleAndSubjectLeads checks what is set aside before a question:
// a greeting, an address or a label (withoutPreamble), then a lead that
// says the subject changes (changesSubject); and that neither eats words
// of the question itself.
func TestPreambleAndSubjectLeads(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hi! where are the talks?", "where are the talks?"},
		{"hey bot, where are the talks?", "where are the talks?"},
		{"hey bot where are the talks?", "where are the talks?"},
		{"hi there where are the talks?", "where are the talks?"},
		{"Good morning, which city are the talks in?", "which city are the talks in?"},
		{"ok, hi bot, which city are the talks in?", "which city are the talks in?"},
		{"Q: where are the talks?", "where are the talks?"},
		{"Question 2: where are the talks?", "where are the talks?"},
		{"quick question - where are the talks?", "where are the talks?"},
		{"unrelated: is the author skeptical?", "is the author skeptical?"},
		{"switching gears - where are the talks?", "where are the talks?"},
		{"Ok, different question: where are the talks?", "where are the talks?"},
		{"Changing the subject: where are the talks?", "where are the talks?"},
		{"different question, but what has Congress pushed for?", "what has Congress pushed for?"},
		{"totally diff q — what outlet ran this piece first?", "what outlet ran this piece first?"},
		// Words of the question stay.
		{"hey all sides want what?", "all sides want what?"},
		{"hi good faith matters how?", "good faith matters how?"},
		{"Hey there is a quote about houses, what is it?", "there is a quote about houses, what is it?"},
		{"Hi-tech centrifuges: how many?", "Hi-tech centrifuges: how many?"},
		{"Team Iran: what do they want?", "Team Iran: what do they want?"},
		{"Other things, like sanctions, matter how?", "Other things, like sanctions, matter how?"},
		{"Different subjects, same answer?", "Different subjects, same answer?"},
		{"Another one, please.", "Another one, please."},
		{"hi", "hi"},
		{"", ""},
		{"-", "-"},
	}
	for _, tt := range tests {
		got := withoutPreamble(tt.in)
		if rest, ok := changesSubject(got); ok {
			got = rest
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDenies checks which sentences deny something: a negation, a
// contraction in "n't" included, but no word that merely ends in "nt".
func TestDenies(t *testing.T) {
	for s, want := range map[string]bool{
		"Iran is a regional power, not a superpower.":                   true,
		"Simply put: It doesn’t.":                                       true,
		"The bigger picture is no less important.":                      true,
		"The bigger picture is important to the president's agreement.": false,
		"One would think that it rivals the former Soviet Union.":       false,
	} {
		if got := denies(s); got != want {
			t.Errorf("denies(%q) = %v, want %v", s, got, want)
		}
	}
}
