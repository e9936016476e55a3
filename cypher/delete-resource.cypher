// Deletes the resource $slug and its TEACHES links.
MATCH (r:Resource {slug: $slug})
DETACH DELETE r
