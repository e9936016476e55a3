import type { Change, Problem, ProblemStatus } from '../model/editing.types';
import type {
  Area,
  EdgeScope,
  PrerequisiteEdge,
  RankedSkill,
  Resource,
  ResourceAccess,
  ResourceKind,
  Responsibility,
  ResponsibilityCategory,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../model/skill-graph.types';

// The one port every store implements. Batch methods follow DataLoader's contract: the result
// has the keys' length and order, with `null` (or an empty list) where a key matches nothing.
// Lists inside a result are ordered by slug unless a method says otherwise, so both stores
// give byte-identical answers.

export interface SkillListFilter {
  readonly area?: string;
  readonly level?: string;
  /** Case-insensitive substring of the name, an alias, the slug or the description. */
  readonly search?: string;
}

export interface ResourceListFilter {
  readonly kind?: ResourceKind;
  /** Only resources that teach this skill. */
  readonly skill?: string;
  readonly free?: boolean;
  readonly access?: ResourceAccess;
}

export interface ResponsibilityListFilter {
  readonly category?: ResponsibilityCategory;
  /** Any of these level slugs; absent means every level. */
  readonly levels?: readonly string[];
}

/** Keyset page request: items with slug greater than `afterSlug`, in slug order. */
export interface PageRequest {
  readonly first: number;
  readonly afterSlug?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
  /** Matches for the filter, ignoring the page. */
  readonly totalCount: number;
}

export interface PrerequisiteClosure {
  /**
   * Every REQUIRES edge whose two ends both lie within `maxDepth` hops of a start skill (starts
   * included), walking in the closure's direction. Depths, orders and paths are derived from
   * these by the domain, so every store gives the same ones.
   */
  readonly edges: readonly PrerequisiteEdge[];
}

export type SearchHit = { readonly score: number } & (
  | { readonly kind: 'Skill'; readonly node: Skill }
  | { readonly kind: 'Resource'; readonly node: Resource }
  | { readonly kind: 'Area'; readonly node: Area }
);

/** A keyset page over a sequence, newest first: items with a sequence below `beforeSequence`. */
export interface SequencePage {
  readonly first: number;
  readonly beforeSequence?: number;
}

// The port is declared in slices, one per kind of question, so that each consumer names the
// slices it reads (a loader needs lookups and relations; a learning answer needs traversals too).
// Each slice has one list of its method names: the stores' wrappers and statement tables derive
// from these lists instead of keeping their own copies.

/** Records by key, in the keys' order, `null` for a key that matches nothing. */
export interface EntityReader {
  findAreasBySlugs(slugs: readonly string[]): Promise<readonly (Area | null)[]>;
  findLevelsBySlugs(slugs: readonly string[]): Promise<readonly (SeniorityLevel | null)[]>;
  findSkillsBySlugs(slugs: readonly string[]): Promise<readonly (Skill | null)[]>;
  findResourcesBySlugs(slugs: readonly string[]): Promise<readonly (Resource | null)[]>;
  findResponsibilitiesBySlugs(slugs: readonly string[]): Promise<readonly (Responsibility | null)[]>;
  findProblemsByIds(ids: readonly string[]): Promise<readonly (Problem | null)[]>;
}

const ENTITY_READS = [
  'findAreasBySlugs',
  'findLevelsBySlugs',
  'findSkillsBySlugs',
  'findResourcesBySlugs',
  'findResponsibilitiesBySlugs',
  'findProblemsByIds',
] as const satisfies readonly (keyof EntityReader)[];

/** "The x of each y", batched for DataLoader: one list per key, in the keys' order. */
export interface RelationReader {
  skillsOfAreas(areaSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  countSkillsOfAreas(areaSlugs: readonly string[]): Promise<readonly number[]>;
  skillsOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  childrenOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  /** What each skill REQUIRES, with the reasons. */
  prerequisitesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]>;
  /** The skills that REQUIRE each skill, with the reasons. */
  dependentsOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]>;
  relatedOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  resourcesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Resource[])[]>;
  responsibilitiesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]>; // guide order
  skillsOfResources(resourceSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  skillsOfResponsibilities(responsibilitySlugs: readonly string[]): Promise<readonly (readonly Skill[])[]>;
  responsibilitiesOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]>; // guide order
}

const RELATION_READS = [
  'skillsOfAreas',
  'countSkillsOfAreas',
  'skillsOfLevels',
  'childrenOfSkills',
  'prerequisitesOfSkills',
  'dependentsOfSkills',
  'relatedOfSkills',
  'resourcesOfSkills',
  'responsibilitiesOfSkills',
  'skillsOfResources',
  'skillsOfResponsibilities',
  'responsibilitiesOfLevels',
] as const satisfies readonly (keyof RelationReader)[];

/** Whole lists and pages, and what describes the graph as a whole. */
export interface CatalogueReader {
  listAreas(): Promise<readonly Area[]>; // guide order
  listLevels(): Promise<readonly SeniorityLevel[]>; // by rank
  listSkills(filter: SkillListFilter, page: PageRequest): Promise<Page<Skill>>;
  listResources(filter: ResourceListFilter, page: PageRequest): Promise<Page<Resource>>;
  listResponsibilities(filter: ResponsibilityListFilter): Promise<readonly Responsibility[]>; // guide order
  /** Accepted changes, newest first. */
  listChanges(page: SequencePage): Promise<Page<Change>>;
  /** Reported problems, newest first; all statuses when `status` is absent. */
  listProblems(filter: { readonly status?: ProblemStatus }, page: SequencePage): Promise<Page<Problem>>;
  datasetInfo(): Promise<DatasetInfo>;
  /** How long each of the graph's lists can be today (see GraphExtent). */
  graphExtent(): Promise<GraphExtent>;
}

const CATALOGUE_READS = [
  'listAreas',
  'listLevels',
  'listSkills',
  'listResources',
  'listResponsibilities',
  'listChanges',
  'listProblems',
  'datasetInfo',
  'graphExtent',
] as const satisfies readonly (keyof CatalogueReader)[];

/** Walks along REQUIRES edges, bounded by depth or by `first`. */
export interface TraversalReader {
  /**
   * What the skills require, transitively, up to `maxDepth` hops, following the edges of `scope`
   * only (and returning only those). Unknown slugs add nothing.
   */
  prerequisiteClosure(skillSlugs: readonly string[], maxDepth: number, scope: EdgeScope): Promise<PrerequisiteClosure>;
  /** What requires the skills, transitively, up to `maxDepth` hops, along the edges of `scope`. */
  dependentClosure(skillSlugs: readonly string[], maxDepth: number, scope: EdgeScope): Promise<PrerequisiteClosure>;
  /**
   * The foundations (skills that require nothing, within `scope`), most unlocking first, then by
   * slug: at most `first`. Ranked by the store so a beginner's question costs `first`, not the
   * graph's size.
   */
  rankedFoundations(first: number, scope: EdgeScope): Promise<readonly RankedSkill[]>;
  /** For each skill, how many distinct skills require it transitively within `scope` (0 for unknown slugs). */
  unlockCounts(skillSlugs: readonly string[], scope: EdgeScope): Promise<readonly number[]>;
}

const TRAVERSAL_READS = [
  'prerequisiteClosure',
  'dependentClosure',
  'rankedFoundations',
  'unlockCounts',
] as const satisfies readonly (keyof TraversalReader)[];

/** Full-text search: the most store-specific read (MiniSearch in process, a Lucene index on Neo4j). */
export interface SearchReader {
  /**
   * Skills, resources and areas matching `text`, best first, tolerant of case and small typos.
   * Scores are the engine's own and comparable only within one answer.
   */
  search(text: string, first: number): Promise<readonly SearchHit[]>;
}

const SEARCH_READS = ['search'] as const satisfies readonly (keyof SearchReader)[];

/** Everything a store answers. Inside a transaction, reads see the transaction's own writes. */
export interface GraphReader extends EntityReader, RelationReader, CatalogueReader, TraversalReader, SearchReader {}

/** Every read method's name, slice by slice: what a wrapper of the whole reader must cover. */
export const GRAPH_READS = [
  ...ENTITY_READS,
  ...RELATION_READS,
  ...CATALOGUE_READS,
  ...TRAVERSAL_READS,
  ...SEARCH_READS,
] as const satisfies readonly (keyof GraphReader)[];

/**
 * Write primitives. They do what they say and check nothing: the rules are the domain's, run in
 * the same transaction. Each store still refuses what its constraints forbid (a duplicate slug).
 */
export interface GraphWriter {
  /** Creates the skill or replaces all its fields, area, level and parent. */
  putSkill(skill: Skill): Promise<void>;
  /** Removes the skill and every edge that touches it (its children lose their parent). */
  deleteSkill(slug: string): Promise<void>;
  /** Creates the resource or replaces all its fields; links are separate. */
  putResource(resource: Resource): Promise<void>;
  deleteResource(slug: string): Promise<void>;
  linkResource(resource: string, skill: string): Promise<void>;
  unlinkResource(resource: string, skill: string): Promise<void>;
  /** Creates the REQUIRES edge or replaces its reason. */
  putPrerequisite(edge: PrerequisiteEdge): Promise<void>;
  deletePrerequisite(skill: string, requires: string): Promise<void>;
  putRelated(skill: string, related: string): Promise<void>;
  deleteRelated(skill: string, related: string): Promise<void>;
  /** Creates or replaces a problem report. */
  putProblem(problem: Problem): Promise<void>;
  /** The next number of the graph-wide write sequence. */
  nextSequence(): Promise<number>;
  recordChange(change: Change): Promise<void>;
}

export const GRAPH_WRITES = [
  'putSkill',
  'deleteSkill',
  'putResource',
  'deleteResource',
  'linkResource',
  'unlinkResource',
  'putPrerequisite',
  'deletePrerequisite',
  'putRelated',
  'deleteRelated',
  'putProblem',
  'nextSequence',
  'recordChange',
] as const satisfies readonly (keyof GraphWriter)[];

export interface GraphTransaction extends GraphReader, GraphWriter {}

/** The edition of the content, from data/dataset.json. */
export interface DatasetVersion {
  /** Semantic version of the content: a new skill or edge is a minor change, a removed one a major. */
  readonly version: string;
  /** When this edition was published, YYYY-MM-DD. */
  readonly date: string;
}

/**
 * The size of the graph and the longest list each relation holds today: what a query's lists
 * can return at most, for costing a query before it runs.
 */
export interface GraphExtent {
  readonly skills: number;
  readonly resources: number;
  readonly areas: number;
  readonly levels: number;
  readonly responsibilities: number;
  /** REQUIRES edges, both strengths. */
  readonly prerequisites: number;
  /** The estimated hours of every skill, added up: no plan can take longer. */
  readonly hours: number;
  readonly skillsPerArea: number;
  readonly skillsPerLevel: number;
  readonly childrenPerSkill: number;
  readonly prerequisitesPerSkill: number;
  readonly dependentsPerSkill: number;
  readonly relatedPerSkill: number;
  readonly resourcesPerSkill: number;
  readonly responsibilitiesPerSkill: number;
  readonly skillsPerResource: number;
  readonly skillsPerResponsibility: number;
  readonly responsibilitiesPerLevel: number;
}

/** What a frontend needs to cache by and to show: the edition, the edits since, and the sizes. */
export interface DatasetInfo {
  readonly version: DatasetVersion | null;
  /** How many changes were accepted since the edition was loaded: version plus revision names a graph. */
  readonly revision: number;
  readonly counts: {
    readonly areas: number;
    readonly skills: number;
    readonly essentialPrerequisites: number;
    readonly helpfulPrerequisites: number;
    readonly relatedTopics: number;
    readonly responsibilities: number;
    readonly resources: number;
    readonly freeResources: number;
  };
}

export interface StoreStatus {
  /** Which adapter serves the graph: "embedded" or "neo4j". */
  readonly store: string;
  /** The server's own version string when the store is a server ("Neo4j/5.26.30"), else null. */
  readonly serverVersion: string | null;
}

/** What the composition root, the health check and a write need beyond reads. */
export interface StoreLifecycle {
  /**
   * Runs `work` as one transaction: all its writes or none, and none visible to other readers
   * before it commits. Transactions are serialised, so a check made inside one still holds when
   * it commits. When `work` throws, nothing is written and the error propagates.
   */
  transaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T>;

  /** Resolves when the store can answer queries now; rejects (StoreUnavailableError) otherwise. */
  ping(): Promise<StoreStatus>;

  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

export const STORE_LIFECYCLE = ['transaction', 'ping', 'close'] as const satisfies readonly (keyof StoreLifecycle)[];

export interface GraphStore extends GraphReader, StoreLifecycle {}

// Checked by the compiler: a method added to a slice but not to its list fails to build here.
type Unlisted<T, L extends readonly PropertyKey[]> = Exclude<keyof T, L[number]>;
const everyMethodListed: [
  Unlisted<GraphReader, typeof GRAPH_READS>,
  Unlisted<GraphWriter, typeof GRAPH_WRITES>,
  Unlisted<StoreLifecycle, typeof STORE_LIFECYCLE>,
] extends [never, never, never]
  ? true
  : never = true;
void everyMethodListed;
