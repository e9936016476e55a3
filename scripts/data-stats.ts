import { EmbeddedGraphStore } from '../src/adapters/embedded/embedded-graph-store';
import { loadDataset } from '../src/dataset/load-dataset';
import { LearningService } from '../src/domain/learning/learning.service';
import { SkillGraphService } from '../src/domain/reading/skill-graph.service';
import { distribution, essentialPlans } from './support/dataset-stats';

// npm run data:stats: the shape of the content as a learner meets it. For each level, the hours
// of a skill's essential plan from scratch and the length of its longest essential chain, and
// the heaviest junior plans; then the sizes of the graph; then the flagship questions, asked of
// the same services the API answers from.
const dataset = loadDataset();
const plans = essentialPlans(dataset);
const rows = dataset.levels.map((level) => {
  const of = plans.filter((p) => p.level === level.slug);
  const hours = distribution(of.map((p) => p.planHours));
  const chains = distribution(of.map((p) => p.chainSteps));
  return {
    level: level.slug,
    skills: hours.count,
    'plan h min': hours.min,
    'plan h median': hours.median,
    'plan h p90': hours.p90,
    'plan h max': hours.max,
    'chain median': chains.median,
    'chain max': chains.max,
  };
});
const essential = dataset.prerequisites.filter((e) => e.strength === 'ESSENTIAL').length;
const free = dataset.resources.filter((r) => r.free).length;
const walled = dataset.resources.filter((r) => r.access === 'FREE_WITH_REGISTRATION').length;
console.log(
  `${dataset.version ? `edition ${dataset.version.version} of ${dataset.version.date}: ` : ''}` +
    `${dataset.skills.length} skills, ${dataset.prerequisites.length} prerequisites ` +
    `(${essential} essential, ${dataset.prerequisites.length - essential} helpful), ` +
    `${dataset.resources.length} resources (${free} free, ${Math.round((free / dataset.resources.length) * 100)} %, ` +
    `${walled} of them behind a free registration)`,
);
console.log('\nEssential plan from scratch (hours) and longest essential chain (steps), by level');
console.table(rows);
console.log('\nThe ten heaviest junior plans');
console.table(
  plans
    .filter((p) => p.level === 'junior')
    .sort((a, b) => b.planHours - a.planHours)
    .slice(0, 10)
    .map((p) => ({ skill: p.slug, hours: p.planHours, skills: p.planSkills, 'chain steps': p.chainSteps })),
);
const longest = [...plans].sort((a, b) => b.chainSteps - a.chainSteps)[0];
console.log(`\nLongest essential chain (${longest.chainSteps} steps): ${longest.chain.join(' → ')}`);

/** The questions a newcomer asks first: each plan from scratch, essential prerequisites only. */
const FLAGSHIP_TARGETS = [
  'distributed-transactions',
  'cap-theorem',
  'microservices',
  'container-orchestration',
  'caching',
  'jwt',
  'http',
  'websockets',
  'integration-testing',
];

async function flagshipPlans(): Promise<void> {
  const store = EmbeddedGraphStore.fromDataset(dataset);
  const skillGraph = new SkillGraphService(store);
  const learning = new LearningService(store, skillGraph);
  const rows = [];
  for (const target of FLAGSHIP_TARGETS) {
    const plan = await learning.learningPath({ targets: [target] });
    rows.push({
      target,
      steps: plan.steps.length,
      hours: plan.totalHours,
      first: plan.steps[0]?.skill.slug ?? '',
    });
  }
  const junior = await learning.gapAnalysis('junior', []);
  rows.push({
    target: 'gapAnalysis(junior)',
    steps: junior.learningPath.steps.length,
    hours: junior.learningPath.totalHours,
    first: junior.learningPath.steps[0]?.skill.slug ?? '',
  });
  console.log('\nFlagship plans from scratch (essential prerequisites only)');
  console.table(rows);
  await store.close();
}

flagshipPlans().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
