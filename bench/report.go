package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// newTable returns the tabwriter every table is printed with.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
}

// printSpeed writes the corpus line, one row per engine, the questions each
// answered and how often they agree, and the RATIO line of corpus c.
func printSpeed(w io.Writer, c *corpus, trials []*trial) error {
	fmt.Fprintf(w, "\ncorpus: %d passages in %d documents, %.1f words a passage, %d questions (generated in %v)\n",
		c.passages, len(c.docs), float64(c.words)/float64(c.passages), len(c.queries), c.took.Round(time.Millisecond))
	tw := newTable(w)
	fmt.Fprintln(tw, "engine\tpassages\tbuilds\tbuild\tp50\tp99\theap\t")
	for _, t := range trials {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%v\t%v\t%v\t%.1f MiB\t\n", t.engine, c.passages, len(t.builds),
			median(t.builds).Round(time.Millisecond), percentile(t.lat, 0.50).Round(100*time.Nanosecond),
			percentile(t.lat, 0.99).Round(100*time.Nanosecond), mib(t.heap))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	tb, bl := trials[0], trials[1]
	fmt.Fprintf(w, "questions with at least one passage: %s %d, %s %d of %d; same top passage: %.0f%%\n",
		tb.engine, tb.answered, bl.engine, bl.answered, len(c.queries), 100*agreement(tb.top1, bl.top1))
	fmt.Fprintf(w, "RATIO passages=%d build=%s p50=%s p99=%s heap=%s\n", c.passages,
		ratio(median(bl.builds).Seconds(), median(tb.builds).Seconds()),
		ratio(percentile(bl.lat, 0.50).Seconds(), percentile(tb.lat, 0.50).Seconds()),
		ratio(percentile(bl.lat, 0.99).Seconds(), percentile(tb.lat, 0.99).Seconds()),
		ratio(float64(bl.heap), float64(tb.heap)))
	return nil
}

// median returns the middle of sorted durations (the upper one of an even
// count).
func median(sorted []time.Duration) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[len(sorted)/2]
}

// percentile returns the p-quantile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// agreement is the share of questions whose top passage is the same in a and b.
func agreement(a, b []string) float64 {
	same := 0
	for i := range a {
		if a[i] != "" && a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(max(len(a), 1))
}

// ratio formats num/den with one decimal place, or two significant digits
// below 1.
func ratio(num, den float64) string {
	if den <= 0 {
		return "inf"
	}
	x := num / den
	if x < 1 {
		return fmt.Sprintf("%.2g", x)
	}
	return fmt.Sprintf("%.1f", x)
}
