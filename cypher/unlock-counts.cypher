// Returns, for each skill of $slugs that exists, its key and count: how many distinct skills
// require it transitively. The count is kept on the node: the import computes it, and every
// write that changes REQUIRES edges recounts the skills it affects (refresh-unlock-counts).
MATCH (s:Skill)
WHERE s.slug IN $slugs
RETURN s.slug AS key, s.unlockCount AS count
