// Removes the REQUIRES edge from skill $skill to skill $requires.
MATCH (:Skill {slug: $skill})-[edge:REQUIRES]->(:Skill {slug: $requires})
DELETE edge
