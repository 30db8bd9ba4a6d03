"""Parts of the claims stage: the article as the finders read it, the finders of reported
speech and quotations, stance, and the parts of the speaker resolver
(:mod:`newsledger.stages.speakers`)."""
