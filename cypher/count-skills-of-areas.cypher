// Returns, for each area of $slugs that exists, its key and how many skills it has.
MATCH (a:Area)
WHERE a.slug IN $slugs
RETURN a.slug AS key, COUNT { (a)<-[:IN_AREA]-(:Skill) } AS count
