package bot_test

import (
	"testing"

	"github.com/talksbot/talksbot/bot"
)

func TestFoldQuestion(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"What did Congress push for?", "what did congress   push for", true},
		{"What did Congress push for?", "What did Congress push for??", true},
		{"  Who won\tthe World Cup ?! ", "who won the world cup", true},
		{"Who won the World Cup?", "Who won the Cup?", false},
		{"¿Qué pasó?", "¿qué pasó", true},
		{"What about Iran?", "What about Iraq?", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			fa, fb := bot.FoldQuestion(tt.a), bot.FoldQuestion(tt.b)
			if (fa == fb) != tt.same {
				t.Errorf("FoldQuestion(%q) = %q, FoldQuestion(%q) = %q; same = %v, want %v", tt.a, fa, tt.b, fb, fa == fb, tt.same)
			}
		})
	}
}
