// Returns the Area node of each slug in $slugs that exists; the adapter aligns them with the keys.
MATCH (a:Area)
WHERE a.slug IN $slugs
RETURN a AS area
