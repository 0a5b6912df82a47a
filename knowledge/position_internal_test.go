package knowledge

import "testing"

// TestPosAsked checks which questions say where in the text to look, and
// that a time, a part of something else or a verb with a particle says
// nothing of the text.
func TestPosAsked(t *testing.T) {
	tests := []struct {
		question string
		want     textPos
	}{
		{"What does a deal need, per the opening?", textPos{at: posStart}},
		{"what's the devil saying in the intro", textPos{at: posStart}},
		{"What does the introduction say?", textPos{at: posStart}},
		{"Summarize the introduction", textPos{at: posStart}},
		{"What does the conclusion say?", textPos{at: posEnd}},
		{"what stage are we at now, per the wrap-up", textPos{at: posEnd}},
		{"what stage are we at now, according to the conclusion?", textPos{at: posEnd}},
		{"according to the intro, where's the tricky stuff hiding?", textPos{at: posStart}},
		{"in the wrap-up, is it going to be smooth sailing?", textPos{at: posEnd}},
		{"what does the outro say?", textPos{at: posEnd}},
		{"What does the writer say at the end?", textPos{at: posEnd}},
		{"What's said at the end of the article?", textPos{at: posEnd}},
		{"What does the first paragraph of the piece say?", textPos{at: posFirst}},
		{"What's in its closing lines?", textPos{at: posLast}},
		{"What's the last sentence?", textPos{at: posLast, sentence: true}},
		{"How does this end?", textPos{at: posLast}},
		{"How did the writer close?", textPos{at: posLast}},
		{"How does the op-ed wrap up?", textPos{at: posLast}},
		{"How does the author wrap up — optimistic or pessimistic?", textPos{at: posLast}},
		{"How does the piece open?", textPos{at: posFirst}},
		// A time, or something else's part.
		{"Were the talks hard from the start?", textPos{}},
		{"What was agreed at the end?", textPos{}},
		{"What was decided at the end of the talks?", textPos{}},
		{"Who is at the top?", textPos{}},
		{"Will they agree in the end?", textPos{}},
		{"When does the opening session start?", textPos{}},
		{"What does the first line of defense look like?", textPos{}},
		{"How does it end up helping the hardliners?", textPos{}},
		{"How does the piece close the gap?", textPos{}},
		{"How does the piece close — the gap or the deal?", textPos{}},
		{"How does it end?", textPos{}}, // "it" is as often the talks
		{"What does the writer think will happen in the end?", textPos{}},
		{"What did Obama say at the end?", textPos{}},
		{"How did Iran respond to the opening?", textPos{}},
		{"What led to the conclusion?", textPos{}},
		// A part of the text as the subject, or "of this".
		{"What does the intro focus on?", textPos{at: posStart}},
		{"What does the conclusion talk about?", textPos{at: posEnd}},
		{"Summarize the last paragraph of this", textPos{at: posLast}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			var words []word
			scanWords(tt.question, func(w word) { words = append(words, writtenOut(w, false)) })
			if got := posAsked(words); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
