package bot

// CountChecks has the Checker of b's current index call f with each
// sentence it checks, so that tests can count the checks. Set it before
// the requests it is to count.
func CountChecks(b *Bot, f func(sentence string)) {
	b.kb.Load().check.checked = f
}
