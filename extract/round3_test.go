package extract

import "testing"

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
