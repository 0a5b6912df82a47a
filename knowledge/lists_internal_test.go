package knowledge

import "testing"

// scanned returns the words scanWords reads in s.
func scanned(t *testing.T, s string) []word {
	t.Helper()
	var words []word
	scanWords(s, func(w word) { words = append(words, w) })
	return words
}

// withText returns a word made by hand with the text s.
func withText(s string) word {
	var w word
	w.setText(s)
	return w
}

// TestWordListHas checks that a list holds its words as scanned, whatever
// their case or punctuation, and no other; that a word made by hand is in
// no list unless it takes its text by setText; and that a string is asked
// by hasText.
func TestWordListHas(t *testing.T) {
	tests := []struct {
		name string
		list wordList
		word word
		want bool
	}{
		{"a scanned word in the list", personNouns, scanned(t, "Which SENATORS?")[1], true},
		{"a scanned word in another list", personNouns, scanned(t, "the hotel")[1], false},
		{"a scanned word in no list", personNouns, scanned(t, "Zarif's")[0], false},
		{"a contraction typed without its apostrophe", mannerWh, scanned(t, "hows it going")[0], true},
		{"a word made by hand", personNouns, word{text: "senators"}, false},
		{"a word given its text by setText", personNouns, withText("senators"), true},
		{"the zero list", wordList{}, withText("senators"), false},
		{"the zero word", personNouns, word{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.list.has(tt.word); got != tt.want {
				t.Errorf("has(%q) = %v, want %v", tt.word.text, got, tt.want)
			}
		})
	}
	if !personNouns.hasText("senators") || personNouns.hasText("hotel") || personNouns.hasText("") {
		t.Error(`hasText: want "senators" alone of "senators", "hotel" and "" in personNouns`)
	}
}

// TestSetText checks that a word whose text changes takes the lists of
// its new text: "sen" written out as "senator".
func TestSetText(t *testing.T) {
	w := scanned(t, "Sen Menendez")[0]
	if personNouns.has(w) {
		t.Fatalf("has(%q) = true before setText, want false", w.text)
	}
	w.setText("senator")
	if !personNouns.has(w) || !w.capital {
		t.Errorf("after setText: has(%q) = %v, capital = %v, want true, true", w.text, personNouns.has(w), w.capital)
	}
}

// TestWordMapGet checks a table's value for a key, a word that is none and
// a string.
func TestWordMapGet(t *testing.T) {
	if got, ok := ordinals.get(scanned(t, "the Fourth")[1]); got != 4 || !ok {
		t.Errorf(`get("fourth") = %d, %v, want 4, true`, got, ok)
	}
	if got, ok := ordinals.get(scanned(t, "the senators")[1]); got != 0 || ok {
		t.Errorf(`get("senators") = %d, %v, want 0, false`, got, ok)
	}
	if got, ok := ordinals.getText("last"); got != -1 || !ok {
		t.Errorf(`getText("last") = %d, %v, want -1, true`, got, ok)
	}
}

// TestListAfterInit checks that a list made once words may have been
// scanned is refused.
func TestListAfterInit(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("wordSet after initialization did not panic")
		}
	}()
	wordSet(`late`)
}
