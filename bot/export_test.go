package bot

// CountChecks has the Checker of b's current index call f with each
// sentence it checks, so that tests can count the checks. Set it before
// the requests it is to count.
func CountChecks(b *Bot, f func(sentence string)) {
	b.kb.Load().check.checked = f
}

// FeedRestarted checks final with one draft check after feeding it first,
// a draft so far that final does not extend: the check starts over.
func FeedRestarted(c *Checker, passages []Citation, first, final string) error {
	d := c.start(passages)
	d.feed(first, false)
	_, err := d.feed(final, true)
	return err
}
