// Returns at most $first of the skills that require nothing at all, with unlockCountAll (over
// every edge), most unlocking first, then by slug: ranked-foundations with helpful edges counted,
// read the same way from the unlockCountAll index.
MATCH (s:Skill)
USING INDEX s:Skill(unlockCountAll)
WHERE s.unlockCountAll >= 0 AND NOT EXISTS { (s)-[:REQUIRES]->(:Skill) }
WITH s
ORDER BY s.unlockCountAll DESC, s.slug
LIMIT $first
RETURN s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  } AS skill, s.unlockCountAll AS unlockCount
