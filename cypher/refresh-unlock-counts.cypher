// Recounts unlockCount (how many distinct skills require it, transitively, within 25 hops) of
// the skills of $slugs and of everything they require: the skills whose count a REQUIRES edge
// added or removed at $slugs, or a deleted skill that required them, can change. Run in the
// write transaction, after the change. Bounded, labelled, directed and DISTINCT.
MATCH (start:Skill)
WHERE start.slug IN $slugs
MATCH (start)-[:REQUIRES*0..25]->(affected:Skill)
WITH DISTINCT affected
SET affected.unlockCount = size(COLLECT {
  MATCH (affected)<-[:REQUIRES*1..25]-(dependent:Skill)
  RETURN DISTINCT dependent
})
