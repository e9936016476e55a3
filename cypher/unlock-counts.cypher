// Returns, for each skill of $slugs that exists, its key and count: how many distinct skills
// require it transitively, over essential edges (unlockCount) or, with $helpful, over all of them
// (unlockCountAll). The counts are kept on the node: the import computes them, and every write
// that changes REQUIRES edges recounts the skills it affects (refresh-unlock-counts).
MATCH (s:Skill)
WHERE s.slug IN $slugs
RETURN s.slug AS key, CASE WHEN $helpful THEN s.unlockCountAll ELSE s.unlockCount END AS count
