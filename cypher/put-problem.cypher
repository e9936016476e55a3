// Creates or replaces the problem report $id. Times arrive as ISO 8601 strings.
MERGE (p:Problem {id: $id})
SET p.sequence = $sequence, p.skill = $skill, p.message = $message, p.status = $status,
  p.reportedAt = datetime($reportedAt),
  p.resolvedAt = CASE WHEN $resolvedAt IS NULL THEN null ELSE datetime($resolvedAt) END,
  p.resolvedBy = $resolvedBy, p.resolution = $resolution
