import fc from 'fast-check';

import type { Dataset } from '../../src/dataset/dataset.types';
import type { RawDataset } from '../../src/dataset/load-dataset';
import { parseDataset } from '../../src/dataset/load-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';
import { DomainError } from '../../src/domain/model/domain-error';
import type { DomainErrorCode } from '../../src/domain/model/domain-error';
import type { Editor } from '../../src/domain/model/editing.types';
import { text } from '../../src/domain/editing/integrity/field-rules';
import { LIMITS } from '../../src/domain/editing/integrity/record-rules';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import type { PrerequisiteStrength } from '../../src/domain/model/skill-graph.types';
import { EditingService } from '../../src/domain/editing/editing.service';
import { ProblemReportService } from '../../src/domain/editing/problem-report.service';
import { contractDataset } from '../contract/contract-dataset';
import { canonicalDataset, readDataset } from '../support/store-dataset';

// A model-based test of the integrity rules: random sequences of every mutation, valid and
// invalid input mixed, run against a real store through EditingService. The model is the graph
// in data/ form; the oracle for each mutation is its effect on that form (a few lines each),
// then the dataset loader. A mutation must be accepted exactly when its preconditions hold
// (the record exists, the edge does not yet, ...) and the loader accepts the graph it leads to,
// and then the store must hold exactly that graph. After every step:
// - accepted: the store's export loads with parseDataset and reads back unchanged; what the
//   store answers through its port (both directions of every link) is that graph;
// - refused: nothing changed, not even the history;
// - restart: the store re-opened from what it kept answers the same.

/** How a store is opened, re-opened and exported for the property. */
export interface StoreHarness {
  /** A fresh store holding exactly `dataset`. */
  open(dataset: Dataset): Promise<GraphStore>;
  /** Closes `store` and opens what it kept: what the next start would serve. */
  reopen(store: GraphStore): Promise<GraphStore>;
  /** The graph as the store persists or exports it. */
  exported(store: GraphStore): Promise<Dataset>;
  close(store: GraphStore): Promise<void>;
}

export interface Tally {
  sequences: number;
  steps: number;
  accepted: number;
  refused: number;
  restarts: number;
  byCommand: Record<string, { accepted: number; refused: number }>;
}

export function newTally(): Tally {
  return { sequences: 0, steps: 0, accepted: 0, refused: 0, restarts: 0, byCommand: {} };
}

interface Model {
  /** The graph the store must hold, normalised as the loader returns it. */
  dataset: Dataset;
  /** Problem id -> status. */
  problems: Map<string, 'OPEN' | 'RESOLVED'>;
  changes: number;
}

interface Real {
  store: GraphStore;
  service: EditingService;
  problems: ProblemReportService;
}

type Raw = { -readonly [K in keyof RawDataset]: Record<string, unknown>[] };
type Outcome = { readonly refuse: string } | { readonly next: Raw };

const EDITOR: Editor = { name: 'model' };
const REFUSALS: readonly DomainErrorCode[] = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SKILL_IN_USE',
  'PREREQUISITE_CYCLE',
  'CHAIN_TOO_LONG',
  'INTEGRITY_VIOLATION',
];

/** A value chosen when the step runs, from the graph as it is then. */
type Chosen<T> = (model: Model) => T;
const fixed =
  <T>(value: T): Chosen<T> =>
  () =>
    value;

/** Mostly valid values, so that sequences get far; now and then one of the invalid ones. */
function mix<T>(valid: readonly T[], invalid: readonly T[], invalidWeight = 1): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 20 - invalidWeight, arbitrary: fc.constantFrom(...valid) },
    { weight: invalidWeight, arbitrary: fc.constantFrom(...invalid) },
  );
}

// Slugs: mostly a record that exists when the step runs; sometimes one that may have been
// created or deleted by earlier steps; now and then one that never exists or is no slug at all.
const NEW_SKILLS = ['new-a', 'new-b', 'new-c'];
const NEW_RESOURCES = ['res-new-a', 'res-new-b'];
const nth = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];
const skillRef: fc.Arbitrary<Chosen<string>> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.nat().map(
      (i): Chosen<string> =>
        (m) =>
          nth(m.dataset.skills, i)?.slug ?? 'ghost',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom(...NEW_SKILLS).map(fixed) },
  { weight: 1, arbitrary: fc.constantFrom('ghost', 'Not A Slug').map(fixed) },
);
const resourceRef: fc.Arbitrary<Chosen<string>> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.nat().map(
      (i): Chosen<string> =>
        (m) =>
          nth(m.dataset.resources, i)?.slug ?? 'ghost-res',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom(...NEW_RESOURCES).map(fixed) },
  { weight: 1, arbitrary: fc.constantFrom('ghost-res', 'Not A Slug').map(fixed) },
);
const newSkillSlug = mix(NEW_SKILLS, ['top', 'Not A Slug', ''], 2);
const newResourceSlug = mix(NEW_RESOURCES, ['video', 'Bad Slug'], 2);
/** Either end of an edge that exists (so removals find one), or any two skills. */
const edgeRef = (file: 'prerequisites' | 'related'): fc.Arbitrary<Chosen<[string, string]>> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([i, flip]): Chosen<[string, string]> => (m) => {
        const edge = nth(m.dataset[file] as readonly { skill: string; requires?: string; related?: string }[], i);
        if (edge === undefined) return ['ghost', 'ghost'];
        const other = (edge.requires ?? edge.related) as string;
        return flip && file === 'related' ? [other, edge.skill] : [edge.skill, other];
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(skillRef, skillRef).map(([a, b]): Chosen<[string, string]> => (m) => [a(m), b(m)]),
    },
  );

const LONG_DESCRIPTION = 'A skill described at length for the property test, long enough to pass as a paragraph.';
const name = mix<unknown>(
  ['A name', '  Spaced name  ', '\u00a0Non-breaking spaces\u00a0', 'Ünïcödé ✓ 😀'],
  [
    '',
    '   ',
    'Nul\u0000name',
    'Tab\tname',
    'Esc\u001bname',
    'C1\u0085name',
    'Lone \ud800 surrogate',
    'n'.repeat(121),
    null,
  ],
);
const description = mix<unknown>(
  [LONG_DESCRIPTION, `  ${LONG_DESCRIPTION}  `],
  [`${LONG_DESCRIPTION}\nwith a second line`, 'Too short.', 'd'.repeat(2001), null],
);
const hours = mix<unknown>([1, 5, 1000], [0, 1001, 2.5, -1, null]);
const area = mix<unknown>(['alpha', 'zeta'], ['nowhere', null]);
const level = mix<unknown>(['junior', 'senior', 'principal'], ['wizard', null]);
const parent = fc.oneof(
  { weight: 2, arbitrary: fc.constant(fixed<string | null>(null)) },
  { weight: 3, arbitrary: skillRef as fc.Arbitrary<Chosen<string | null>> },
);
const reason = mix<unknown>(['builds on it', '  padded reason  '], ['', 'Del\u007freason', 'r'.repeat(201)], 2);
const strength = mix<unknown>(['ESSENTIAL', 'HELPFUL'], ['CRUCIAL', null]);
const url = mix<unknown>(
  ['https://example.org/a', ' https://example.org/b '],
  [
    '\u0000https://example.org/c',
    'https://example.org/d\u0000',
    'http://example.org/e',
    'https://user:secret@example.org/f',
    'https://exa mple.org/g',
    'https:/example.org/h',
    'HTTPS://example.org/i',
    null,
  ],
);
const authors = mix<unknown>(
  [undefined, null, [], ['Ada Author'], ['  Bo Writer  '], ['Same', 'Same']],
  [['Nul\u0000author'], Array.from({ length: 21 }, (_, i) => `Author ${i}`)],
);
const year = mix<unknown>([undefined, null, 2001], [1900, 2020.5]);
const free = mix<unknown>([true, false], [null]);
// Mostly left out, so that `free` alone decides, as in inputs written before access existed.
const access = mix<unknown>([undefined, undefined, 'FREE', 'FREE_WITH_REGISTRATION', 'PAID'], ['CHEAP', null]);
const difficulty = mix<unknown>([undefined, null, 'INTRODUCTORY', 'ADVANCED'], ['EASY']);
const ACCESS: unknown[] = ['FREE', 'FREE_WITH_REGISTRATION', 'PAID'];
const kind = mix<unknown>(['BOOK', 'GUIDE', 'VIDEO'], ['NOVEL', null]);
const skillList: fc.Arbitrary<Chosen<unknown>> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.array(skillRef, { minLength: 1, maxLength: 3 }).map(
      (refs): Chosen<unknown> =>
        (m) =>
          refs.map((r) => r(m)),
    ),
  },
  { weight: 1, arbitrary: fc.constant(fixed<unknown>([])) },
  { weight: 1, arbitrary: fc.constant(fixed<unknown>(null)) },
);
const problemMessage = mix(
  ['This skill should require networking.', '  Padded report, long enough.  '],
  ['short', 'Report with a \u0000 inside it.'],
  4,
);
const resolution = mix(['Fixed it.', '  Trimmed  '], ['', 'Bell\u0007'], 4);
/** Mostly a problem that was reported, open or resolved; sometimes one that never was. */
const problemRef: fc.Arbitrary<Chosen<string>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.nat().map(
      (i): Chosen<string> =>
        (m) =>
          nth([...m.problems.keys()], i) ?? '999',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('999', 'not-an-id').map(fixed) },
);

/** Fields given only when the arbitrary says so (absent, present, or present as null). */
const patchOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;

// --- the oracle: each mutation's effect on the data/ form of the graph ---------------------------

const clone = (raw: RawDataset): Raw => structuredClone(raw) as unknown as Raw;
const has = (records: Record<string, unknown>[], slug: unknown) => records.some((r) => r.slug === slug);
const without = (values: unknown, value: string) =>
  Array.isArray(values) ? values.filter((v) => v !== value) : values;
/** A patch's given fields; `null` stays, for the loader to judge. */
const given = (patch: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

/** One mutation with its arguments settled. */
interface Mutation {
  readonly label: string;
  /** Counted under this name in the tally, when not the label. */
  readonly tallyAs?: string;
  readonly args: readonly unknown[];
  /** False for a problem report: not a change to the graph, so not in the history. */
  readonly change?: boolean;
  /** What must happen, judged on the model alone: the graph it leads to, or a refusal. */
  expect(raw: Raw, model: Model): Outcome;
  call(service: EditingService, problems: ProblemReportService): Promise<unknown>;
  /** What an accepted call adds to the model beyond the graph (problem reports). */
  after?(model: Model, result: unknown): void;
}

function edgeExists(raw: Raw, file: 'prerequisites' | 'related', a: unknown, b: unknown): boolean {
  return raw[file].some((e) =>
    file === 'prerequisites'
      ? e.skill === a && e.requires === b
      : (e.skill === a && e.related === b) || (e.skill === b && e.related === a),
  );
}

const createSkill = fc
  .record({ slug: newSkillSlug, name, description, estimatedHours: hours, area, level, parent })
  .map(({ parent: pickParent, ...fields }): Chosen<Mutation> => (m) => {
    const input = { ...fields, parent: pickParent(m) };
    return {
      label: 'createSkill',
      args: [input],
      expect: (raw) => {
        if (has(raw.skills, input.slug)) return { refuse: 'slug taken' };
        raw.skills.push(input);
        return { next: raw };
      },
      call: (s) => s.createSkill(EDITOR, input as never),
    };
  });

const updateSkill = fc
  .tuple(skillRef, patchOf({ name, description, estimatedHours: hours, area, level }), fc.option(parent))
  .map(([pickSlug, fields, pickParent]): Chosen<Mutation> => (m) => {
    const slug = pickSlug(m);
    const patch = pickParent === null ? fields : { ...fields, parent: pickParent(m) };
    return {
      label: 'updateSkill',
      args: [slug, patch],
      expect: (raw) => {
        const skill = raw.skills.find((s) => s.slug === slug);
        if (skill === undefined) return { refuse: 'no such skill' };
        Object.assign(skill, given(patch));
        return { next: raw };
      },
      call: (s) => s.updateSkill(EDITOR, slug, patch as never),
    };
  });

const deleteSkill = fc.tuple(skillRef, fc.boolean()).map(([pickSlug, force]): Chosen<Mutation> => (m) => {
  const slug = pickSlug(m);
  return {
    label: 'deleteSkill',
    tallyAs: force ? 'deleteSkill(force)' : 'deleteSkill',
    args: [slug, force],
    expect: (raw) => {
      if (!has(raw.skills, slug)) return { refuse: 'no such skill' };
      const requiredBy = raw.prerequisites.some((e) => e.requires === slug);
      const parentOf = raw.skills.some((s) => s.parent === slug);
      if (!force && (requiredBy || parentOf)) return { refuse: 'in use' };
      raw.skills = raw.skills.filter((s) => s.slug !== slug);
      for (const s of raw.skills) if (s.parent === slug) s.parent = null;
      raw.prerequisites = raw.prerequisites.filter((e) => e.skill !== slug && e.requires !== slug);
      raw.related = raw.related.filter((e) => e.skill !== slug && e.related !== slug);
      for (const r of [...raw.resources, ...raw.responsibilities]) r.skills = without(r.skills, slug);
      return { next: raw };
    },
    call: (s) => s.deleteSkill(EDITOR, slug, force),
  };
});

const createResource = fc
  .record({
    slug: newResourceSlug,
    title: name,
    kind,
    url,
    authors,
    year,
    free,
    access,
    difficulty,
    estimatedHours: hours,
    skills: skillList,
  })
  .map(({ skills: pickSkills, ...fields }): Chosen<Mutation> => (m) => {
    const input = { ...fields, skills: pickSkills(m) };
    return {
      label: 'createResource',
      args: [input],
      expect: (raw) => {
        if (has(raw.resources, input.slug)) return { refuse: 'slug taken' };
        const { authors: a, year: y, difficulty: d, ...rest } = input;
        // The one of free and access left out follows from the other.
        if (rest.access === undefined && typeof rest.free === 'boolean') rest.access = rest.free ? 'FREE' : 'PAID';
        if (rest.free === undefined && ACCESS.includes(rest.access)) rest.free = rest.access !== 'PAID';
        // data/ leaves out what is empty.
        raw.resources.push({
          ...rest,
          ...(a == null ? {} : { authors: a }),
          ...(y == null ? {} : { year: y }),
          ...(d == null ? {} : { difficulty: d }),
        });
        return { next: raw };
      },
      call: (s) => s.createResource(EDITOR, input as never),
    };
  });

const updateResource = fc
  .tuple(
    resourceRef,
    patchOf({ title: name, kind, url, authors, year, free, access, difficulty, estimatedHours: hours }),
    fc.option(skillList),
  )
  .map(([pickSlug, fields, pickSkills]): Chosen<Mutation> => (m) => {
    const slug = pickSlug(m);
    const patch = pickSkills === null ? fields : { ...fields, skills: pickSkills(m) };
    return {
      label: 'updateResource',
      args: [slug, patch],
      expect: (raw) => {
        const resource = raw.resources.find((r) => r.slug === slug);
        if (resource === undefined) return { refuse: 'no such resource' };
        const wasFree = resource.free;
        Object.assign(resource, given(patch));
        // An access alone sets free; a free alone that changes sets the access it implies.
        if (patch.free === undefined && ACCESS.includes(patch.access)) resource.free = patch.access !== 'PAID';
        if (patch.access === undefined && typeof patch.free === 'boolean' && patch.free !== wasFree) {
          resource.access = patch.free ? 'FREE' : 'PAID';
        }
        // Null clears them, and data/ leaves out what is empty.
        if (resource.authors === null) delete resource.authors;
        if (resource.year === null) delete resource.year;
        if (resource.difficulty === null) delete resource.difficulty;
        return { next: raw };
      },
      call: (s) => s.updateResource(EDITOR, slug, patch as never),
    };
  });

const deleteResource = resourceRef.map((pickSlug): Chosen<Mutation> => (m) => {
  const slug = pickSlug(m);
  return {
    label: 'deleteResource',
    args: [slug],
    expect: (raw) => {
      if (!has(raw.resources, slug)) return { refuse: 'no such resource' };
      raw.resources = raw.resources.filter((r) => r.slug !== slug);
      return { next: raw };
    },
    call: (s) => s.deleteResource(EDITOR, slug),
  };
});

const addPrerequisite = fc
  .tuple(skillRef, skillRef, reason, strength)
  .map(([pickSkill, pickRequires, why, how]): Chosen<Mutation> => (m) => {
    const [skill, requires] = [pickSkill(m), pickRequires(m)];
    return {
      label: 'addPrerequisite',
      args: [skill, requires, why, how],
      expect: (raw) => {
        if (!has(raw.skills, skill) || !has(raw.skills, requires)) return { refuse: 'no such skill' };
        if (edgeExists(raw, 'prerequisites', skill, requires)) return { refuse: 'edge exists' };
        raw.prerequisites.push({ skill, requires, reason: why, strength: how });
        return { next: raw };
      },
      call: (s) => s.addPrerequisite(EDITOR, skill, requires, why as string, how as PrerequisiteStrength),
    };
  });

/** Changes the reason or the strength of an existing edge; a field left out (undefined) is kept. */
const updatePrerequisite = fc
  .tuple(edgeRef('prerequisites'), fc.option(reason, { nil: undefined }), fc.option(strength, { nil: undefined }))
  .map(([pickEdge, why, how]): Chosen<Mutation> => (m) => {
    const [skill, requires] = pickEdge(m);
    return {
      label: 'updatePrerequisite',
      args: [skill, requires, why, how],
      expect: (raw) => {
        // Checked before the edge is looked up, as field problems are.
        if (why === null || how === null) return { refuse: 'null field' };
        if (why === undefined && how === undefined) return { refuse: 'nothing to change' };
        const edge = raw.prerequisites.find((e) => e.skill === skill && e.requires === requires);
        if (edge === undefined) return { refuse: 'no such edge' };
        if (why !== undefined) edge.reason = why;
        if (how !== undefined) edge.strength = how;
        return { next: raw };
      },
      call: (s) =>
        s.updatePrerequisite(EDITOR, skill, requires, {
          reason: why as string | null | undefined,
          strength: how as PrerequisiteStrength | null | undefined,
        }),
    };
  });

const removePrerequisite = edgeRef('prerequisites').map((pickEdge): Chosen<Mutation> => (m) => {
  const [skill, requires] = pickEdge(m);
  return {
    label: 'removePrerequisite',
    args: [skill, requires],
    expect: (raw) => {
      if (!edgeExists(raw, 'prerequisites', skill, requires)) return { refuse: 'no such edge' };
      raw.prerequisites = raw.prerequisites.filter((e) => !(e.skill === skill && e.requires === requires));
      return { next: raw };
    },
    call: (s) => s.removePrerequisite(EDITOR, skill, requires),
  };
});

const addRelated = fc.tuple(skillRef, skillRef).map(([pickSkill, pickRelated]): Chosen<Mutation> => (m) => {
  const [skill, related] = [pickSkill(m), pickRelated(m)];
  return {
    label: 'addRelated',
    args: [skill, related],
    expect: (raw) => {
      if (!has(raw.skills, skill) || !has(raw.skills, related)) return { refuse: 'no such skill' };
      if (edgeExists(raw, 'related', skill, related)) return { refuse: 'edge exists' };
      raw.related.push({ skill, related });
      return { next: raw };
    },
    call: (s) => s.addRelated(EDITOR, skill, related),
  };
});

const removeRelated = edgeRef('related').map((pickEdge): Chosen<Mutation> => (m) => {
  const [skill, related] = pickEdge(m);
  return {
    label: 'removeRelated',
    args: [skill, related],
    expect: (raw) => {
      if (!edgeExists(raw, 'related', skill, related)) return { refuse: 'no such edge' };
      raw.related = raw.related.filter(
        (e) => !((e.skill === skill && e.related === related) || (e.skill === related && e.related === skill)),
      );
      return { next: raw };
    },
    call: (s) => s.removeRelated(EDITOR, skill, related),
  };
});

const linkResource = fc.tuple(resourceRef, skillRef).map(([pickResource, pickSkill]): Chosen<Mutation> => (m) => {
  const [resource, skill] = [pickResource(m), pickSkill(m)];
  return {
    label: 'linkResource',
    args: [resource, skill],
    expect: (raw) => {
      const found = raw.resources.find((r) => r.slug === resource);
      if (found === undefined || !has(raw.skills, skill)) return { refuse: 'no such record' };
      if ((found.skills as string[]).includes(skill)) return { refuse: 'link exists' };
      found.skills = [...(found.skills as string[]), skill];
      return { next: raw };
    },
    call: (s) => s.linkResource(EDITOR, resource, skill),
  };
});

/** Mostly a skill the resource teaches, so that the last one gets unlinked now and then. */
const unlinkResource = fc
  .tuple(resourceRef, fc.nat(), fc.option(skillRef, { freq: 4 }))
  .map(([pickResource, i, pickSkill]): Chosen<Mutation> => (m) => {
    const resource = pickResource(m);
    const taught = m.dataset.resourceSkills.filter((l) => l.from === resource).map((l) => l.skill);
    const skill = pickSkill === null ? (nth(taught, i) ?? 'ghost') : pickSkill(m);
    return {
      label: 'unlinkResource',
      args: [resource, skill],
      expect: (raw) => {
        const found = raw.resources.find((r) => r.slug === resource);
        if (found === undefined || !(found.skills as string[]).includes(skill)) return { refuse: 'no such link' };
        found.skills = without(found.skills, skill);
        return { next: raw };
      },
      call: (s) => s.unlinkResource(EDITOR, resource, skill),
    };
  });

const reportProblem = fc.tuple(skillRef, problemMessage).map(([pickSkill, message]): Chosen<Mutation> => (m) => {
  const skill = pickSkill(m);
  return {
    label: 'reportProblem',
    args: [skill, message],
    change: false,
    expect: (raw) => {
      if (!has(raw.skills, skill)) return { refuse: 'no such skill' };
      if (!text(LIMITS.problemMessageMin, LIMITS.problemMessageMax)(message).ok) return { refuse: 'bad message' };
      return { next: raw };
    },
    call: (_, p) => p.reportProblem('client', skill, message),
    after: (model, result) => model.problems.set((result as { id: string }).id, 'OPEN'),
  };
});

const resolveProblem = fc.tuple(problemRef, resolution).map(([pickId, how]): Chosen<Mutation> => (m) => {
  const id = pickId(m);
  return {
    label: 'resolveProblem',
    args: [id, how],
    expect: (raw, model) => {
      if (model.problems.get(id) !== 'OPEN') return { refuse: 'no open problem' };
      if (!text(1, LIMITS.resolution)(how).ok) return { refuse: 'bad resolution' };
      return { next: raw };
    },
    call: (_, p) => p.resolveProblem(EDITOR, id, how),
    after: (model) => model.problems.set(id, 'RESOLVED'),
  };
});

/** Every mutation; creations twice, so that the graph does not only shrink. */
const MUTATIONS: readonly fc.Arbitrary<Chosen<Mutation>>[] = [
  createSkill,
  createSkill,
  updateSkill,
  deleteSkill,
  createResource,
  createResource,
  updateResource,
  deleteResource,
  addPrerequisite,
  addPrerequisite,
  updatePrerequisite,
  removePrerequisite,
  addRelated,
  removeRelated,
  linkResource,
  unlinkResource,
  reportProblem,
  resolveProblem,
];

/** The loader's verdict on a graph in data/ form: the graph it would load, or why not. */
function load(raw: Raw): { dataset: Dataset } | { problems: string } {
  try {
    return { dataset: parseDataset(raw as unknown as RawDataset) };
  } catch (error) {
    return { problems: (error as Error).message };
  }
}

// --- the commands ------------------------------------------------------------------------------

const NO_LIMIT = { consume: async () => 0 };
const CLOCK = { now: () => new Date('2026-05-01T12:00:00.000Z') };

async function expectUnchanged(real: Real, model: Model, after: string): Promise<void> {
  expect(canonicalDataset(await readDataset(real.store))).toEqual(canonicalDataset(model.dataset));
  expect({ after, changes: (await real.store.listChanges({ first: 0 })).totalCount }).toEqual({
    after,
    changes: model.changes,
  });
  const ids = [...model.problems.keys()];
  const problems = await real.store.findProblemsByIds(ids);
  expect(problems.map((p) => p?.status)).toEqual(ids.map((id) => model.problems.get(id)));
}

class MutationCommand implements fc.AsyncCommand<Model, Real> {
  /** Settled when the step runs; shown in counterexamples. */
  private mutation: Mutation | null = null;

  constructor(
    private readonly pick: Chosen<Mutation>,
    private readonly harness: StoreHarness,
    private readonly tally: Tally,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const mutation = (this.mutation = this.pick(model));
    const outcome = mutation.expect(clone(serializeDataset(model.dataset)), model);
    const verdict = 'next' in outcome ? load(outcome.next) : { problems: outcome.refuse };
    let result: unknown;
    let failure: unknown = null;
    try {
      result = await mutation.call(real.service, real.problems);
    } catch (error) {
      failure = error;
    }
    this.count(failure === null);

    if (failure !== null) {
      // A refusal names a broken rule; anything else (a TypeError, an internal error) is a bug.
      if (!(failure instanceof DomainError) || !REFUSALS.includes(failure.code)) throw failure;
      expect({ refused: failure.message, loaderWouldLoad: 'dataset' in verdict }).toEqual({
        refused: failure.message,
        loaderWouldLoad: false,
      });
      await expectUnchanged(real, model, `refused ${this.toString()}`);
      return;
    }
    expect({ accepted: this.toString(), oracle: 'problems' in verdict ? verdict.problems : 'loads' }).toEqual({
      accepted: this.toString(),
      oracle: 'loads',
    });
    const expected = (verdict as { dataset: Dataset }).dataset;
    if (mutation.change !== false) model.changes += 1;
    mutation.after?.(model, result);

    const exported = await this.harness.exported(real.store);
    // The loader reads back exactly what the store keeps: nothing it would refuse or rewrite.
    const reloaded = parseDataset(serializeDataset(exported));
    expect(canonicalDataset(reloaded)).toEqual(canonicalDataset(exported));
    expect(canonicalDataset(exported)).toEqual(canonicalDataset(expected));
    model.dataset = expected;
    await expectUnchanged(real, model, `accepted ${this.toString()}`);
  }

  toString(): string {
    if (this.mutation === null) return 'mutation (not run)';
    return `${this.mutation.label}(${this.mutation.args.map((a) => JSON.stringify(a)).join(', ')})`;
  }

  private count(accepted: boolean): void {
    const label = (this.mutation as Mutation).tallyAs ?? (this.mutation as Mutation).label;
    const entry = (this.tally.byCommand[label] ??= { accepted: 0, refused: 0 });
    this.tally.steps += 1;
    if (accepted) {
      this.tally.accepted += 1;
      entry.accepted += 1;
    } else {
      this.tally.refused += 1;
      entry.refused += 1;
    }
  }
}

class RestartCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly harness: StoreHarness,
    private readonly tally: Tally,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    this.tally.restarts += 1;
    real.store = await this.harness.reopen(real.store);
    real.service = new EditingService(real.store, CLOCK);
    real.problems = new ProblemReportService(real.store, CLOCK, NO_LIMIT);
    const exported = await this.harness.exported(real.store);
    expect(canonicalDataset(parseDataset(serializeDataset(exported)))).toEqual(canonicalDataset(model.dataset));
    await expectUnchanged(real, model, 'restart');
  }

  toString(): string {
    return 'restart';
  }
}

export interface PropertySize {
  readonly numRuns: number;
  readonly maxCommands: number;
  readonly seed?: number;
}

/**
 * Runs the property: `numRuns` sequences of up to `maxCommands` steps, each from the contract
 * graph (three resources and responsibilities hanging on one skill each, a diamond of
 * prerequisites), counting what happened in `tally`.
 */
export async function checkIntegrityModel(harness: StoreHarness, size: PropertySize, tally: Tally): Promise<void> {
  const commands = [
    ...MUTATIONS.map((arbitrary) => arbitrary.map((pick) => new MutationCommand(pick, harness, tally))),
    fc.constant(new RestartCommand(harness, tally)),
  ];
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: size.maxCommands, size: 'max' }), async (sequence) => {
      tally.sequences += 1;
      const dataset = contractDataset();
      const store = await harness.open(dataset);
      const real: Real = {
        store,
        service: new EditingService(store, CLOCK),
        problems: new ProblemReportService(store, CLOCK, NO_LIMIT),
      };
      try {
        await fc.asyncModelRun(() => ({ model: { dataset, problems: new Map(), changes: 0 }, real }), sequence);
      } finally {
        await harness.close(real.store);
      }
    }),
    { numRuns: size.numRuns, seed: size.seed },
  );
}

/** The run's figures, printed by each store's test so the size of the check is on record. */
export function printTally(storeName: string, tally: Tally, startedAt: number, perCommand = false): void {
  const lines = [
    `integrity model (${storeName}): ${tally.sequences} sequences, ${tally.steps} mutations ` +
      `(${tally.accepted} accepted, ${tally.refused} refused), ${tally.restarts} restarts, ` +
      `${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    ...(perCommand
      ? Object.entries(tally.byCommand).map(
          ([command, { accepted, refused }]) => `  ${command}: ${accepted} accepted, ${refused} refused`,
        )
      : []),
  ];
  console.log(lines.join('\n'));
}
