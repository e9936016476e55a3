import type { DatasetVersion } from '../domain/ports/graph-store.port';
import type {
  Area,
  PrerequisiteEdge,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../domain/model/skill-graph.types';

/** An undirected RELATED_TO edge, stored once with its two ends in slug order. */
export interface RelatedEdge {
  readonly skill: string;
  readonly related: string;
}

export interface LinkRecord {
  readonly from: string;
  readonly skill: string;
}

/**
 * The canonical dataset after validation: what every store loads. Entities are in domain shape;
 * links to skills are separate lists, as they are separate relationships in every store.
 */
export interface Dataset {
  /** data/dataset.json: which edition of the content this is. Absent for generated and test graphs. */
  readonly version?: DatasetVersion;
  readonly areas: readonly Area[];
  readonly levels: readonly SeniorityLevel[];
  readonly skills: readonly Skill[];
  readonly prerequisites: readonly PrerequisiteEdge[];
  readonly related: readonly RelatedEdge[];
  readonly responsibilities: readonly Responsibility[];
  /** responsibility NEEDS skill */
  readonly responsibilitySkills: readonly LinkRecord[];
  readonly resources: readonly Resource[];
  /** resource TEACHES skill */
  readonly resourceSkills: readonly LinkRecord[];
}
