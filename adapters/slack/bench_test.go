package slack_test

import (
	"fmt"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
)

// BenchmarkSocketDirectMessage measures one DM answered over Socket Mode
// against the fake Slack: the envelope, its ack, the real bot's answer and
// the chat.postMessage carrying it.
func BenchmarkSocketDirectMessage(b *testing.B) {
	h := start(b, slack.ModeSocket, realCore(b), nil)
	b.ResetTimer()
	for i := range b.N {
		h.fake.SendEvent(b, fmt.Sprintf("EvB%08d", i), 0,
			directMessage(fmt.Sprintf("1800000000.%06d", i), "What has Congress pushed for?"))
		h.fake.WaitCalls(b, "chat.postMessage", i+1)
	}
}
