package main

import (
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

func TestDeliveryLease(t *testing.T) {
	tests := []struct {
		name     string
		queue    time.Duration
		drafting bool
		llm      time.Duration
		want     time.Duration
	}{
		{"no LLM", 10 * time.Second, false, 20 * time.Second, bot.DefaultDeliveryLease},
		{"the default LLM timeout fits", 10 * time.Second, true, 10 * time.Second, bot.DefaultDeliveryLease},
		{"a slow LLM", 10 * time.Second, true, 60 * time.Second, 80 * time.Second},
		{"a long queue", 40 * time.Second, false, 0, 50 * time.Second},
	}
	for _, tt := range tests {
		if got := deliveryLease(tt.queue, tt.drafting, tt.llm); got != tt.want {
			t.Errorf("%s: deliveryLease(%v, %v, %v) = %v, want %v", tt.name, tt.queue, tt.drafting, tt.llm, got, tt.want)
		}
	}
}
