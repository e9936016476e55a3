// Returns every seniority level node, by rank.
MATCH (l:SeniorityLevel)
RETURN l AS level
ORDER BY l.rank
