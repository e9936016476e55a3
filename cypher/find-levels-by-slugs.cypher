// Returns the SeniorityLevel node of each slug in $slugs that exists; the adapter aligns them with the keys.
MATCH (l:SeniorityLevel)
WHERE l.slug IN $slugs
RETURN l AS level
