// Removes the RELATED_TO edge between $skill and $related, whichever way it was stored.
MATCH (:Skill {slug: $skill})-[edge:RELATED_TO]-(:Skill {slug: $related})
DELETE edge
