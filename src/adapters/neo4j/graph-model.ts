// The Neo4j model of the skill graph, in one place: the Cypher lint checks every statement
// against these names, so a misspelt label or property fails CI instead of matching nothing.

export const NODE_LABELS = [
  'Area',
  'SeniorityLevel',
  'Skill',
  'Responsibility',
  'Resource',
  'Change', // one accepted write
  'Problem', // a public problem report
  'WriteLock', // the single node every write transaction locks first
  'Dataset', // the single node naming the edition of the content
] as const;

export const RELATIONSHIP_TYPES = [
  'IN_AREA', // (:Skill)-[:IN_AREA]->(:Area)
  'AT_LEVEL', // (:Skill)-[:AT_LEVEL]->(:SeniorityLevel)
  'CHILD_OF', // (:Skill)-[:CHILD_OF]->(:Skill), sub-topic to parent
  'REQUIRES', // (:Skill)-[:REQUIRES {reason, strength}]->(:Skill), learn the target first
  'RELATED_TO', // (:Skill)-[:RELATED_TO]->(:Skill), stored once, read in both directions
  'TEACHES', // (:Resource)-[:TEACHES]->(:Skill)
  'NEEDS', // (:Responsibility)-[:NEEDS]->(:Skill)
  'EXPECTED_AT', // (:Responsibility)-[:EXPECTED_AT]->(:SeniorityLevel)
] as const;

export const PROPERTY_KEYS = [
  'slug',
  'name',
  'aliases',
  'description',
  'position',
  'rank',
  'estimatedHours',
  'category',
  'title',
  'kind',
  'url',
  'authors',
  'year',
  'free',
  'access',
  'difficulty',
  'reason',
  // Skill, derived: kept exact by the import and by every write that changes REQUIRES edges
  'unlockCount',
  'unlockCountAll',
  // Dataset: the edition of the content, on one node
  'key',
  'version',
  'date',
  'strength',
  // Change
  'sequence',
  'at',
  'editor',
  'operation',
  'subject',
  'details',
  // Problem (also 'sequence'; its skill is kept as a slug so the report outlives the skill)
  'id',
  'skill',
  'message',
  'status',
  'reportedAt',
  'resolvedAt',
  'resolvedBy',
  'resolution',
  // WriteLock
  'held',
] as const;

/**
 * Keys of the `$rows` maps the import statements read (`row.area`, `row.requires`). They are not
 * stored as properties, but Cypher's `row.key` reads like a property access, so the lint must
 * know them. Keep this list to row keys only.
 */
export const IMPORT_ROW_KEYS = ['area', 'level', 'parent', 'skill', 'requires', 'related', 'from'] as const;
