// Removes the TEACHES link from resource $resource to skill $skill.
MATCH (:Resource {slug: $resource})-[link:TEACHES]->(:Skill {slug: $skill})
DELETE link
