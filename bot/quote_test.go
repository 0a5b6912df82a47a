package bot

import (
	"slices"
	"testing"
)

// TestQuotations checks which spans of a draft sentence are read as
// quotations: double and single marks, apostrophes that are none
// (within a word, after a plural, eliding a word's start), a possessive
// inside a single quotation, and bytes that are not UTF-8.
func TestQuotations(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{`Congress pushed for "more hard-hitting sanctions" [1].`, []string{"more hard-hitting sanctions"}},
		{"Congress pushed for ‘more hard-hitting sanctions’ [1].", []string{"more hard-hitting sanctions"}},
		{"Congress pushed for 'more sanctions' and 'less talk'.", []string{"more sanctions", "less talk"}},
		{"It’s Rouhani’s team; the hardliners' aim is to narrow it.", nil},
		{"Since the '80s, both sides' leaders have distrusted each other.", nil},
		{"'Til now the sides' leaders agree.", nil},
		{"The author says ‘hardliners’ commitment to confrontation will be stronger’ [4].",
			[]string{"hardliners’ commitment to confrontation will be stronger"}},
		{"An official said “We’re not in the business of doing favors” [2].", []string{"We’re not in the business of doing favors"}},
		{"x ‘a\xffb’ y", []string{"a\xffb"}},
		{"a\xff", nil},
		{"‘", nil},
	} {
		got, closed := quotations(tt.s)
		if !closed || !slices.Equal(got, tt.want) {
			t.Errorf("quotations(%q) = %q, %v; want %q, true", tt.s, got, closed, tt.want)
		}
	}
}
