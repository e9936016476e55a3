import { type ResultOf, query } from './client';
import { SKILL_NAMES } from './operations';

let loading: Promise<ReadonlyMap<string, string>> | null = null;

/** Every skill's name by slug, read once per page load for the skill pickers. */
export function skillCatalogue(): Promise<ReadonlyMap<string, string>> {
  loading ??= loadAll().catch((error: unknown) => {
    loading = null; // the next view tries again
    throw error;
  });
  return loading;
}

async function loadAll(): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const page: ResultOf<'ExplorerSkillNames'> = await query(SKILL_NAMES, { after });
    const connection = page.skills;
    if (connection === null) break;
    connection.edges.forEach(({ node }) => names.set(node.slug, node.name));
    if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) break;
    after = connection.pageInfo.endCursor;
  }
  return names;
}
