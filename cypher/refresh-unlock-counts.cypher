// Recounts, for the skills of $slugs and everything they require (over every edge), how many
// distinct skills require each transitively within 25 hops: unlockCount over essential edges,
// unlockCountAll over all of them. These are the counts a REQUIRES edge added, removed or
// changed at $slugs, or a deleted skill that required them, can change. Run in the write
// transaction, after the change. Bounded, labelled, directed and DISTINCT.
MATCH (start:Skill)
WHERE start.slug IN $slugs
MATCH (start)-[:REQUIRES*0..25]->(affected:Skill)
WITH DISTINCT affected
SET affected.unlockCount = size(COLLECT {
    MATCH (affected)(()<-[step:REQUIRES WHERE step.strength = 'ESSENTIAL']-()){1,25}(dependent:Skill)
    RETURN DISTINCT dependent
  }),
  affected.unlockCountAll = size(COLLECT {
    MATCH (affected)<-[:REQUIRES*1..25]-(dependent:Skill)
    RETURN DISTINCT dependent
  })
