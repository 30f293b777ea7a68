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
