// Deletes the skill $slug and every relationship that touches it.
MATCH (s:Skill {slug: $slug})
DETACH DELETE s
