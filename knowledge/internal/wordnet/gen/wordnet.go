package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// synsetID names a synset: its part of speech as the index files write it
// (n, v, a, r — satellite adjectives are under a) and its byte offset in the
// data file.
type synsetID struct {
	pos byte
	off uint32
}

// member is one lemma of a synset.
type member struct {
	raw   string // as the data file writes it: "United_States", "U.S."
	lemma string // as the index files write it: lower case, "united_states"
}

// pointer is one relation from a synset (src, dst == 0) or from one of its
// lemmas (src, dst are 1-based member numbers).
type pointer struct {
	sym      string
	to       synsetID
	src, dst int
}

// synset is one concept.
type synset struct {
	id        synsetID
	satellite bool // an adjective satellite ("s" in the data file)
	lexfile   int  // lexicographer file number; 3 is noun.Tops
	members   []member
	ptrs      []pointer
}

// senseKey names one sense of a lemma: its part of speech and its sense
// number (1 is the most frequent).
type senseKey struct {
	lemma string
	pos   byte
	num   int
}

// wordNet holds the parts of the WordNet database the generator uses.
type wordNet struct {
	synsets    map[synsetID]*synset
	order      []synsetID                   // every synset, in file order
	senses     map[byte]map[string][]uint32 // pos → lemma → synset offsets by sense number
	tagged     map[byte]map[string]int      // pos → lemma → tagsense_cnt
	counts     map[senseKey]int             // semantic concordance tag counts (cntlist.rev)
	exceptions []exception                  // the exception lists' form-base pairs, in file order
}

var partsOfSpeech = []struct {
	pos  byte
	file string
}{{'n', "noun"}, {'v', "verb"}, {'a', "adj"}, {'r', "adv"}}

// readWordNet reads the index, data, exception and cntlist.rev files in dir.
func readWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{
		synsets: make(map[synsetID]*synset),
		senses:  make(map[byte]map[string][]uint32),
		tagged:  make(map[byte]map[string]int),
		counts:  make(map[senseKey]int),
	}
	for _, p := range partsOfSpeech {
		if err := eachLine(filepath.Join(dir, "index."+p.file), func(line string) error {
			return wn.addIndex(p.pos, line)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "data."+p.file), func(line string) error {
			return wn.addSynset(p.pos, line)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, p.file+".exc"), func(line string) error {
			return wn.addExceptions(p.pos, line)
		}); err != nil {
			return nil, err
		}
	}
	if err := eachLine(filepath.Join(dir, "cntlist.rev"), wn.addCount); err != nil {
		return nil, err
	}
	return wn, nil
}

// eachLine calls fn for every line of the file at path that is not part of
// the licence header (those lines start with a space).
func eachLine(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// addIndex reads one index line:
// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
func (wn *wordNet) addIndex(pos byte, line string) error {
	f := strings.Fields(line)
	if len(f) < 6 {
		return fmt.Errorf("short index line %q", line)
	}
	nSyn, err1 := strconv.Atoi(f[2])
	nPtr, err2 := strconv.Atoi(f[3])
	if err1 != nil || err2 != nil || len(f) != 4+nPtr+2+nSyn {
		return fmt.Errorf("malformed index line %q", line)
	}
	tagged, err := strconv.Atoi(f[4+nPtr+1])
	if err != nil {
		return fmt.Errorf("malformed tagsense_cnt in %q", line)
	}
	offs := make([]uint32, nSyn)
	for i, s := range f[4+nPtr+2:] {
		o, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return fmt.Errorf("malformed offset in %q", line)
		}
		offs[i] = uint32(o)
	}
	if wn.senses[pos] == nil {
		wn.senses[pos] = make(map[string][]uint32)
		wn.tagged[pos] = make(map[string]int)
	}
	wn.senses[pos][f[0]] = offs
	wn.tagged[pos][f[0]] = tagged
	return nil
}

// addSynset reads one data line:
// offset lex_filenum ss_type w_cnt [word lex_id...] p_cnt [ptr...] [frames...] | gloss
func (wn *wordNet) addSynset(pos byte, line string) error {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	bad := func() error { return fmt.Errorf("malformed data line %.60q", line) }
	if len(f) < 6 {
		return bad()
	}
	off, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return bad()
	}
	lexfile, err := strconv.Atoi(f[1])
	if err != nil {
		return bad()
	}
	s := &synset{id: synsetID{pos, uint32(off)}, satellite: f[2] == "s", lexfile: lexfile}
	nw, err := strconv.ParseUint(f[3], 16, 8)
	if err != nil || len(f) < 4+2*int(nw)+1 {
		return bad()
	}
	for i := range int(nw) {
		raw := f[4+2*i]
		if j := strings.IndexByte(raw, '('); j > 0 {
			raw = raw[:j] // an adjective's syntactic marker: "(a)", "(p)", "(ip)"
		}
		s.members = append(s.members, member{raw: raw, lemma: strings.ToLower(raw)})
	}
	at := 4 + 2*int(nw)
	np, err := strconv.Atoi(f[at])
	if err != nil || len(f) < at+1+4*np {
		return bad()
	}
	for i := range np {
		p := f[at+1+4*i : at+5+4*i]
		to, err1 := strconv.ParseUint(p[1], 10, 32)
		sd, err2 := strconv.ParseUint(p[3], 16, 16)
		if err1 != nil || err2 != nil || len(p[2]) != 1 {
			return bad()
		}
		tpos := p[2][0]
		if tpos == 's' {
			tpos = 'a'
		}
		s.ptrs = append(s.ptrs, pointer{
			sym: p[0], to: synsetID{tpos, uint32(to)}, src: int(sd >> 8), dst: int(sd & 0xff),
		})
	}
	wn.synsets[s.id] = s
	wn.order = append(wn.order, s.id)
	return nil
}

// addExceptions reads one exception list line: form base [base...].
func (wn *wordNet) addExceptions(pos byte, line string) error {
	f := strings.Fields(line)
	if len(f) < 2 {
		return fmt.Errorf("malformed exception line %q", line)
	}
	for _, base := range f[1:] {
		wn.exceptions = append(wn.exceptions, exception{form: f[0], base: base, pos: pos})
	}
	return nil
}

// addCount reads one cntlist.rev line: sense_key sense_number tag_cnt, where
// sense_key is lemma%ss_type:lex_filenum:lex_id:head_word:head_id.
func (wn *wordNet) addCount(line string) error {
	f := strings.Fields(line)
	if len(f) != 3 {
		return fmt.Errorf("malformed cntlist line %q", line)
	}
	lemma, rest, ok := strings.Cut(f[0], "%")
	if !ok || rest == "" {
		return fmt.Errorf("malformed sense key %q", f[0])
	}
	pos, ok := map[byte]byte{'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}[rest[0]]
	if !ok {
		return fmt.Errorf("unknown synset type in sense key %q", f[0])
	}
	num, err1 := strconv.Atoi(f[1])
	cnt, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("malformed cntlist line %q", line)
	}
	wn.counts[senseKey{lemma, pos, num}] += cnt
	return nil
}

// senseNum returns the sense number of lemma in the synset id, 0 if the
// index does not list it.
func (wn *wordNet) senseNum(lemma string, id synsetID) int {
	for i, off := range wn.senses[id.pos][lemma] {
		if off == id.off {
			return i + 1
		}
	}
	return 0
}
