// Package wordlist holds the function words that talksbot's retrieval
// treats specially: the one list that the knowledge package and the
// generators of its WordNet and word-vector tables
// (knowledge/internal/wordnet/gen, knowledge/internal/similar/gen) share,
// so a change to it means regenerating both (their TestGenerate say so).
package wordlist

// Stop are function words that carry no topic. Question words are not
// here: they are kept aside as a cue to the kind of answer wanted.
const Stop = `a about above after again against all also am an and any are as at be because been
before being below between both but by can cannot could did do does doing done down during each few for
from further had has have having he her here hers herself him himself his i if in into is it its itself
just me more most my myself no nor not now of off on once only or other ought our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up upon us very was we were while with would you your yours
yourself yourselves may might must shall will let lets get gets got
wont dont cant isnt arent doesnt didnt wasnt werent shouldnt wouldnt couldnt hasnt havent hadnt
im ive id youre youve youd theyre theyve theyd weve wed hes shes thats theres whats whos heres
s t d ll re ve please pls plz
whether anything anyone anybody everything everyone everybody something someone somebody else
per via versus even guy guys either neither others another behind
beyond besides despite except toward towards within across along around throughout amid onto`

// Question are the words that mark what kind of answer is wanted.
const Question = `what who whom whose when where why how which`
