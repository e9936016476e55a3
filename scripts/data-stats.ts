import { distribution, essentialPlans } from './support/dataset-stats';
import { loadDataset } from '../src/dataset/load-dataset';

// npm run data:stats: the shape of the content as a learner meets it. For each level, the hours
// of a skill's essential plan from scratch and the length of its longest essential chain, and
// the heaviest junior plans; then the sizes of the graph.
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
console.log(
  `${dataset.version ? `edition ${dataset.version.version} of ${dataset.version.date}: ` : ''}` +
    `${dataset.skills.length} skills, ${dataset.prerequisites.length} prerequisites ` +
    `(${essential} essential, ${dataset.prerequisites.length - essential} helpful), ` +
    `${dataset.resources.length} resources (${free} free, ${Math.round((free / dataset.resources.length) * 100)} %)`,
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
