// Constraints and indexes of the skill graph. Every statement is idempotent (IF NOT EXISTS),
// so the seed applies this file every time. The uniqueness constraints also give each label a
// range index on slug, which serves the IN-list lookups and the ORDER BY slug of every page.
CREATE CONSTRAINT area_slug IF NOT EXISTS FOR (n:Area) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT seniority_level_slug IF NOT EXISTS FOR (n:SeniorityLevel) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT skill_slug IF NOT EXISTS FOR (n:Skill) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT responsibility_slug IF NOT EXISTS FOR (n:Responsibility) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT resource_slug IF NOT EXISTS FOR (n:Resource) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (n:Change) REQUIRE n.sequence IS UNIQUE;
CREATE CONSTRAINT problem_id IF NOT EXISTS FOR (n:Problem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT write_lock_name IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE;
CREATE INDEX problem_sequence IF NOT EXISTS FOR (n:Problem) ON (n.sequence);
// Serves the problems of one status newest first: the seek returns them in index order.
CREATE INDEX problem_status_sequence IF NOT EXISTS FOR (n:Problem) ON (n.status, n.sequence);
CREATE INDEX area_position IF NOT EXISTS FOR (n:Area) ON (n.position);
CREATE INDEX responsibility_position IF NOT EXISTS FOR (n:Responsibility) ON (n.position);
CREATE INDEX seniority_level_rank IF NOT EXISTS FOR (n:SeniorityLevel) ON (n.rank);
CREATE INDEX resource_kind IF NOT EXISTS FOR (n:Resource) ON (n.kind);
// Ranks the foundations: read in descending order, it stops after the first few.
CREATE INDEX skill_unlock_count IF NOT EXISTS FOR (n:Skill) ON (n.unlockCount);
CREATE INDEX skill_unlock_count_all IF NOT EXISTS FOR (n:Skill) ON (n.unlockCountAll);
// One full-text index over the names, aliases and text of skills, resources and areas serves
// search. Its properties cannot be changed in place: the index of before aliases is replaced.
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_names_aliases_text IF NOT EXISTS FOR (n:Skill|Resource|Area) ON EACH [n.name, n.aliases, n.title, n.slug, n.description];
