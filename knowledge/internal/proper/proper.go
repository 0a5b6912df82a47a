// Package proper tells whether an English word is a proper noun: one that
// the word lists write only with a capital ("Israel", "Hezbollah", "Oman").
// Questions in chat are often typed in lower case ("what does israel
// think?"), where the capital that says a word is a name is lost; knowledge
// reads such a word as the name it is.
//
// The list is generated from the SCOWL word lists as Debian packages them
// (wamerican and wbritish; licence beside this file): the lower-case form
// of every word of four letters or more, a to z, that either list writes
// in title case ("Israel", not "OK" or "TV"), neither writes in lower case,
// and that is no title or abbreviation ("Messrs", "Capt", "Tues"). To
// regenerate it:
//
//	apt-get install wamerican wbritish
//	go generate ./knowledge/internal/proper
package proper

import (
	_ "embed"

	"github.com/talksbot/talksbot/knowledge/internal/lines"
)

//go:generate go run ./gen -british /usr/share/dict/british-english -american /usr/share/dict/american-english -o list.txt

// list is the generated list: one word a line, sorted.
//
//go:embed list.txt
var list string

var lookup = lines.New(list)

// Load indexes the list now, as its first lookup would; Loaded reports
// whether it is indexed.
func Load()        { lookup.Load() }
func Loaded() bool { return lookup.Loaded() }

// Is reports whether word, in lower case, is a proper noun: "israel" is,
// "house" is not.
func Is(word string) bool {
	_, ok := lookup.Find(word)
	return ok
}
