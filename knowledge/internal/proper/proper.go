// Package proper tells whether an English word is a proper noun: one that
// the word lists write only with a capital ("Israel", "Hezbollah", "Oman").
// Questions in chat are often typed in lower case ("what does israel
// think?"), where the capital that says a word is a name is lost; knowledge
// reads such a word as the name it is.
//
// The list is generated from the SCOWL word lists as Debian packages them
// (wamerican and wbritish; licence beside this file): the lower-case form
// of every word of three letters or more, a to z, that either list writes
// in title case ("Israel", not "OK" or "TV"), neither writes in lower case,
// and that is no title ("Mr", "Dr"). To regenerate it:
//
//	apt-get install wamerican wbritish
//	go generate ./knowledge/internal/proper
package proper

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./gen -british /usr/share/dict/british-english -american /usr/share/dict/american-english -o list.txt

// list is the generated list: one word a line, sorted.
//
//go:embed list.txt
var list string

var (
	once  sync.Once
	lines []int32 // the offset of each line of list
)

func index() {
	lines = make([]int32, 0, strings.Count(list, "\n"))
	for off := 0; off < len(list); {
		lines = append(lines, int32(off))
		nl := strings.IndexByte(list[off:], '\n')
		if nl < 0 {
			break
		}
		off += nl + 1
	}
}

// line returns the i-th line of list, without its newline.
func line(i int) string {
	start := int(lines[i])
	end := len(list)
	if i+1 < len(lines) {
		end = int(lines[i+1])
	}
	return strings.TrimSuffix(list[start:end], "\n")
}

// Is reports whether word, in lower case, is a proper noun: "israel" is,
// "house" is not.
func Is(word string) bool {
	once.Do(index)
	i := sort.Search(len(lines), func(i int) bool { return line(i) >= word })
	return i < len(lines) && line(i) == word
}
