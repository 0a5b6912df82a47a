package main

import "testing"

// TestParseQuestion checks which lines are covered questions, which are
// skipped and which are errors.
func TestParseQuestion(t *testing.T) {
	for _, tt := range []struct {
		name    string
		line    string
		covered bool
		wantErr bool
	}{
		{"covered", `{"id":"a","question":"Who?","expect_any":["Rouhani"]}`, true, false},
		{"uncovered", `{"id":"b","question":"Who won?","unanswerable":true}`, false, false},
		{"overview", `{"id":"c","question":"Summarise it","expect_kind":"overview"}`, false, false},
		{"unknown kind", `{"id":"d","question":"Why?","expect_kind":"list"}`, false, true},
		{"no expectation", `{"id":"e","question":"Why?"}`, false, true},
		{"no question", `{"id":"f","expect_any":["x"]}`, false, true},
		{"conversation", `{"id":"g","turns":["Who?","And?"],"expect_any":["x"]}`, false, true},
		{"expect_any on uncovered", `{"id":"h","question":"Who?","unanswerable":true,"expect_any":["x"]}`, false, true},
		{"not JSON", `{"id":`, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, covered, err := parseQuestion([]byte(tt.line))
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if covered != tt.covered {
				t.Errorf("got covered %v, want %v", covered, tt.covered)
			}
		})
	}
}

// TestMatches checks that matching ignores case and curly quotes.
func TestMatches(t *testing.T) {
	q := question{ExpectAny: []string{"Iran’s “hardliners”"}}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{`Facing IRAN'S "HARDLINERS" again`, true},
		{"Iran's moderates", false},
	} {
		if got := q.matches(tt.text); got != tt.want {
			t.Errorf("matches(%q): got %v, want %v", tt.text, got, tt.want)
		}
	}
}
