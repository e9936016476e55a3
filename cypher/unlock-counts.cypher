// Returns, for each skill of $slugs that exists, its key and count: how many distinct skills
// require it transitively (bounded at 25 hops, the longest chain the graph may hold).
MATCH (s:Skill)
WHERE s.slug IN $slugs
RETURN s.slug AS key, size(COLLECT {
  MATCH (s)<-[:REQUIRES*1..25]-(dependent:Skill)
  RETURN DISTINCT dependent
}) AS count
