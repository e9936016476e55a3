// Returns one row: how many skills, resources, areas, levels, responsibilities and REQUIRES edges
// the graph holds, the hours of every skill added up, and the longest list each relation gives
// today (the most skills in one area, the most prerequisites of one skill, ...). The cost limit
// sizes a query's lists with these before the query runs.
CALL () {
  MATCH (s:Skill)
  RETURN count(s) AS skills,
    COALESCE(sum(s.estimatedHours), 0) AS hours,
    COALESCE(max(COUNT { (s)<-[:CHILD_OF]-(:Skill) }), 0) AS childrenPerSkill,
    COALESCE(max(COUNT { (s)-[:REQUIRES]->(:Skill) }), 0) AS prerequisitesPerSkill,
    COALESCE(max(COUNT { (s)<-[:REQUIRES]-(:Skill) }), 0) AS dependentsPerSkill,
    COALESCE(max(COUNT { (s)-[:RELATED_TO]-(:Skill) }), 0) AS relatedPerSkill,
    COALESCE(max(COUNT { (s)<-[:TEACHES]-(:Resource) }), 0) AS resourcesPerSkill,
    COALESCE(max(COUNT { (s)<-[:NEEDS]-(:Responsibility) }), 0) AS responsibilitiesPerSkill
}
CALL () {
  MATCH (a:Area)
  RETURN count(a) AS areas, COALESCE(max(COUNT { (a)<-[:IN_AREA]-(:Skill) }), 0) AS skillsPerArea
}
CALL () {
  MATCH (l:SeniorityLevel)
  RETURN count(l) AS levels,
    COALESCE(max(COUNT { (l)<-[:AT_LEVEL]-(:Skill) }), 0) AS skillsPerLevel,
    COALESCE(max(COUNT { (l)<-[:EXPECTED_AT]-(:Responsibility) }), 0) AS responsibilitiesPerLevel
}
CALL () {
  MATCH (r:Resource)
  RETURN count(r) AS resources, COALESCE(max(COUNT { (r)-[:TEACHES]->(:Skill) }), 0) AS skillsPerResource
}
CALL () {
  MATCH (r:Responsibility)
  RETURN count(r) AS responsibilities, COALESCE(max(COUNT { (r)-[:NEEDS]->(:Skill) }), 0) AS skillsPerResponsibility
}
RETURN skills, resources, areas, levels, responsibilities, COUNT { ()-[:REQUIRES]->() } AS prerequisites, hours,
  skillsPerArea, skillsPerLevel, childrenPerSkill, prerequisitesPerSkill, dependentsPerSkill, relatedPerSkill,
  resourcesPerSkill, responsibilitiesPerSkill, skillsPerResource, skillsPerResponsibility, responsibilitiesPerLevel
