package extract

func (d *doc) resolvePronouns() {}
func (d *doc) relations()       {}
func (d *doc) findQuotes()      {}
