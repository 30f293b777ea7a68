package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func TestCoordinatedDetainees(t *testing.T) {
	x := run(t, "2024-03-15",
		"Arrests",
		"The National Guard arrested several opposition figures, including Sami Ouedraogo and Fati Bello. Moussa Kone, Ibrahim Sall and Awa Diop were arrested by the Republican Guard on Friday.",
	)
	want(t, x,
		[3]string{"DETAINED", "organization:national-guard", "person:sami-ouedraogo"},
		[3]string{"DETAINED", "organization:national-guard", "person:fati-bello"},
		[3]string{"DETAINED", "organization:republican-guard", "person:moussa-kone"},
		[3]string{"DETAINED", "organization:republican-guard", "person:ibrahim-sall"},
		[3]string{"DETAINED", "organization:republican-guard", "person:awa-diop"},
	)
}

func TestClaimedActsAndStances(t *testing.T) {
	x := run(t, "2024-03-15",
		"Ambush",
		"Gunmen killed Lt. Col. Issa Mahamane near the border on Sunday. The attack was carried out by the Liptako Brigade, officials said.",
		"Mr. Karl Heino was kidnapped on Monday. The Sand Front claimed responsibility.",
		"The Union for Progress condemned the Liptako Brigade's attack. The Green Dawn Party ruled out governing with the Freedom Bloc. The Desert Brigade fought with the backing of Turkey.",
	)
	want(t, x,
		[3]string{"KILLED", "organization:liptako-brigade", "person:issa-mahamane"},
		[3]string{"DETAINED", "organization:sand-front", "person:karl-heino"},
		[3]string{"OPPOSES", "organization:union-for-progress", "organization:liptako-brigade"},
		[3]string{"OPPOSES", "organization:green-dawn-party", "organization:freedom-bloc"},
		[3]string{"SUPPORTS", "location:turkey", "organization:desert-brigade"},
	)
	wantNot(t, x, [3]string{"FOUGHT", "location:turkey", "organization:desert-brigade"})
}

func TestPronounToParagraphSubject(t *testing.T) {
	x := run(t, "2024-03-15",
		"Family",
		"Gen. Karim Tessa met Mr. Omar Lindqvist in the capital on Monday. His nephew, Ali Tessa, was arrested in March.",
	)
	want(t, x, [3]string{"FAMILY_OF", "person:ali-tessa", "person:karim-tessa"})
	wantNot(t, x, [3]string{"FAMILY_OF", "person:ali-tessa", "person:omar-lindqvist"})
}

func TestItsToSubject(t *testing.T) {
	x := run(t, "2024-03-15",
		"Pact",
		"The Freedom Party signed a pact with the Labor Bloc on Monday. Its leader, Anna Holm, called it historic.",
		"The Harbor Union, which split from the Dock Alliance, said its chairman, Per Lund, would resign.",
	)
	want(t, x,
		[3]string{"LEADS", "person:anna-holm", "organization:freedom-party"},
		[3]string{"LEADS", "person:per-lund", "organization:harbor-union"},
	)
	wantNot(t, x,
		[3]string{"LEADS", "person:anna-holm", "organization:labor-bloc"},
		[3]string{"LEADS", "person:per-lund", "organization:dock-alliance"},
	)
}

func TestPossessiveBodies(t *testing.T) {
	x := run(t, "2024-03-15",
		"Junta",
		"The Sahel Defense Council, the junta that seized power in 2023, banned rallies. The junta's spokesman, Col. Amadou Tinni, read a statement.",
		"The Rural Voice party won seats. The party's leader, Eva Smits, spoke. The Armed Forces of Lagonia deployed. The armed forces' chief of staff, Gen. Moussa Zakari, visited troops.",
	)
	want(t, x,
		[3]string{"HOLDS_ROLE", "person:amadou-tinni", "organization:sahel-defense-council"},
		[3]string{"LEADS", "person:eva-smits", "organization:rural-voice"},
		[3]string{"HOLDS_ROLE", "person:moussa-zakari", "organization:armed-forces-of-lagonia"},
	)
}

func TestCompanyShortForm(t *testing.T) {
	x := run(t, "2024-03-15",
		"Contract",
		"Meridian Gulf Holdings won the contract. Meridian denied wrongdoing, and Meridian's chairman, Ali Khan, resigned. Ships waited near Scarlet Reef.",
	)
	if findEnt(x, "organization:meridian") != nil {
		t.Error("a short form of a company is the company, not a second node")
	}
	if e := findEnt(x, "location:scarlet-reef"); e == nil {
		t.Error("a reef is a place")
	}
	want(t, x, [3]string{"LEADS", "person:ali-khan", "organization:meridian-gulf-holdings"})
}

func TestRelativeAndNearestDates(t *testing.T) {
	cases := map[string]string{
		"They will vote next year.":              "2019",
		"It opens next month.":                   "2018-06",
		"It closed last week.":                   "2018-05",
		"It opened a year ago.":                  "2017",
		"It opened three years ago.":             "2015",
		"It opened 12 years ago.":                "2006",
		"It was agreed earlier this year.":       "2018",
		"It was agreed earlier this month.":      "2018-05",
		"The talks resume next March.":           "2019-03",
		"It happened on Monday, not next month.": "2018-05-07",
	}
	for text, want := range cases {
		a := &kg.Article{Published: "2018-05-10", Text: text} // a Thursday
		d := &doc{a: a, rs: []rune(text)}
		d.sents = sentences(d.rs)
		if got := d.dateIn(0); got != want {
			t.Errorf("%q: got %q want %q", text, got, want)
		}
	}
	x := run(t, "2018-05-10",
		"Alliance",
		"Three parties formed an alliance on Tuesday to challenge the Freedom Party in next year's general election.",
	)
	var got string
	for _, e := range x.Events {
		if e.Type == "Election" {
			got = e.Date
		}
	}
	if got != "2019" {
		t.Errorf("election dated %q, want 2019 (the date nearest its trigger)", got)
	}
}

func TestAssignedBy(t *testing.T) {
	x := run(t, "2024-03-15",
		"Court",
		"Judge Marta Ilves was assigned to the case by the Federal Judicial Council in May.",
	)
	want(t, x, [3]string{"APPOINTED", "organization:federal-judicial-council", "person:marta-ilves"})
}

// TestShortFormBeforeSister checks that a head-less short form does not
// take a company the text names only after it: that is a sister company
// it brings in, not the one the short form stood for.
func TestShortFormBeforeSister(t *testing.T) {
	x := run(t, "2024-03-15",
		"Sale",
		"Workers said Kolvaro's purchasing would move to Seoul. Kolvaro Rubber Company, which shares a founder's name with the garment maker, said it was not part of the sale.",
	)
	e := findEnt(x, "organization:kolvaro-rubber-company")
	if e == nil {
		t.Fatal("the sister company is not found")
	}
	for _, a := range e.Aliases {
		if a == "Kolvaro" {
			t.Errorf("the short form named before it became its alias: %v", e.Aliases)
		}
	}
}
