// Returns the Resource node of each slug in $slugs that exists; the adapter aligns them with the keys.
MATCH (r:Resource)
WHERE r.slug IN $slugs
RETURN r AS resource
