/// <reference lib="dom" />
import type * as GraphQLRequest from 'graphql-request' with { 'resolution-mode': 'import' };
const { GraphQLClient } = require('graphql-request') as typeof GraphQLRequest;

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { PROJECT_ROOT } from '../../src/project-paths';
import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { launchChromium } from '../support/browser';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// The explorer as a user meets it: the built API process in production mode (`npm run
// test:browser` builds both first), Debian's Chromium, no internet. Every answer the pages show
// is compared with what the public GraphQL API returns for the same question.

const SCREENSHOTS = join(PROJECT_ROOT, 'reports', 'screenshots');
const SKILL = 'distributed-transactions';

let api: ServerProcess;
let base: string;
let graphql: InstanceType<typeof GraphQLClient>;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Requests the pages tried to send anywhere but this machine (they are refused). */
const outside: string[] = [];
const pageErrors: string[] = [];

function journal(): string {
  return join(mkdtempSync(join(tmpdir(), 'skill-graph-browser-')), 'graph.journal');
}

async function openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: base });
  contexts.push(context);
  // No internet here, and none needed: anything not served by this machine is refused, and noted.
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(path);
  await page.waitForSelector('html[data-app-ready]');
  return page;
}

const view = (page: Page, name: string, slug?: string) =>
  page.waitForSelector(`main [data-page="${name}"]${slug === undefined ? '' : `[data-slug="${slug}"]`}`);

const attributes = (page: Page, selector: string, name: string) =>
  page.$$eval(
    selector,
    (elements, attribute) => elements.map((element) => element.getAttribute(attribute) ?? ''),
    name,
  );

async function chainOf(slug: string, maxDepth: number, includeHelpful: boolean) {
  const { prerequisiteChain } = await graphql.request<{
    prerequisiteChain: {
      steps: { skill: { slug: string } }[];
      edges: { from: { slug: string }; to: { slug: string }; strength: string; reason: string }[];
    };
  }>(
    `query ($slug: String!, $maxDepth: Int!, $includeHelpful: Boolean!) {
      prerequisiteChain(skill: $slug, maxDepth: $maxDepth, includeHelpful: $includeHelpful) {
        steps { skill { slug } }
        edges { from { slug } to { slug } strength reason }
      }
    }`,
    { slug, maxDepth, includeHelpful },
  );
  return {
    nodes: [slug, ...prerequisiteChain.steps.map((step) => step.skill.slug)].sort(),
    edges: prerequisiteChain.edges.map((edge) => `${edge.from.slug}>${edge.to.slug}:${edge.strength}`).sort(),
    reasons: prerequisiteChain.edges,
  };
}

async function drawnChain(page: Page) {
  const nodes = (await attributes(page, 'svg.chain-svg [data-node]', 'data-node')).sort();
  const edgeIds = await attributes(page, 'svg.chain-svg [data-edge]', 'data-edge');
  const strengths = await attributes(page, 'svg.chain-svg [data-edge]', 'data-strength');
  return { nodes, edges: edgeIds.map((id, index) => `${id}:${strengths[index]}`).sort() };
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  api = await startServerProcess({ ...EDITOR_ENV, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: journal() });
  base = api.url.origin;
  graphql = new GraphQLClient(api.url.toString());
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0)).toEqual([]);
  // No CDN, no fonts, no analytics: the explorer works with no internet.
  expect(outside.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  api?.child.kill('SIGTERM');
  await api?.exit;
});

describe('search', () => {
  it('finds a skill despite typos, as you type, and the address follows the text', async () => {
    const page = await openPage('/');
    await page.fill('#search', 'distribted transactons');
    const hit = await page.waitForSelector(`[data-hit="skill:${SKILL}"] a`);
    expect(page.url()).toBe(`${base}/?q=distribted+transactons`);
    await page.screenshot({ path: join(SCREENSHOTS, 'search-desktop.png') });
    await hit.click();
    await view(page, 'skill', SKILL);
    expect(await page.textContent('main h1')).toBe('Distributed transactions');
    // Back returns to the search, with its text and results.
    await page.goBack();
    await page.waitForSelector(`[data-hit="skill:${SKILL}"]`);
    expect(await page.inputValue('#search')).toBe('distribted transactons');
  });

  it('works from the keyboard alone: arrow keys reach the results, Enter opens one', async () => {
    const page = await openPage('/');
    await page.focus('#search');
    await page.keyboard.type('cachng');
    await page.waitForSelector('[data-hit="skill:caching"]');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-hit]')?.getAttribute('data-hit'));
    expect(focused).toBeDefined();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.pathname !== '/');
    await page.waitForSelector('main [data-page]:not([data-page="home"])');
    // The new page's heading has focus, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});

describe('a skill page', () => {
  it('shows the skill, its resources, related topics and what it unlocks, as the API has them', async () => {
    const { skill, unlocks } = await graphql.request<{
      skill: {
        name: string;
        estimatedHours: number;
        resources: { slug: string }[];
        related: { slug: string }[];
        area: { name: string };
      };
      unlocks: { distance: number; skill: { slug: string } }[];
    }>(
      `{ skill(slug: "${SKILL}") { name estimatedHours area { name } resources { slug } related { slug } }
         unlocks(skill: "${SKILL}", maxDepth: 25) { distance skill { slug } } }`,
    );
    const page = await openPage(`/skills/${SKILL}`);
    await view(page, 'skill', SKILL);
    expect(await page.textContent('main h1')).toBe(skill.name);
    expect(await page.textContent('main .meta')).toContain(`${skill.estimatedHours} h`);
    expect(await page.textContent('main .meta')).toContain(skill.area.name);
    expect(await attributes(page, 'main [data-resource]', 'data-resource')).toEqual(
      skill.resources.map((resource) => resource.slug),
    );
    const related = await page.$$eval('#section-related-topics ~ ul a', (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(related).toEqual(skill.related.map((entry) => `/skills/${entry.slug}`));
    expect(await page.textContent('#section-what-it-unlocks + p')).toContain(`${unlocks.length} skill`);
    // Resource links leave the app in a new tab, without handing it a window reference.
    const rel = await attributes(page, 'main [data-resource] a', 'rel');
    expect(rel.every((value) => value === 'noopener noreferrer')).toBe(true);
  });

  it('draws exactly the nodes and edges of the chain the API returns, the skill highlighted', async () => {
    const expected = await chainOf(SKILL, 10, false);
    expect(expected.edges.length).toBeGreaterThan(5);
    const page = await openPage(`/skills/${SKILL}`);
    await page.waitForSelector('svg.chain-svg');
    expect(await drawnChain(page)).toEqual({ nodes: expected.nodes, edges: expected.edges });
    expect(await attributes(page, 'svg.chain-svg .node.target', 'data-node')).toEqual([SKILL]);
    // Layered left to right: every prerequisite is drawn left of the skill that needs it.
    const boxes = await page.$$eval('svg.chain-svg [data-node]', (nodes) =>
      Object.fromEntries(
        nodes.map((node) => [node.getAttribute('data-node'), (node as SVGGraphicsElement).getBBox().x]),
      ),
    );
    for (const edge of expected.reasons) expect(boxes[edge.to.slug]).toBeLessThan(boxes[edge.from.slug]);
    await page.locator('svg.chain-svg').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'skill-desktop.png'), fullPage: false });
  });

  it('on a 1400 px screen, fits the distributed-transactions chain whole, every name written out inside its box', async () => {
    const page = await openPage('/skills/distributed-transactions', { width: 1400, height: 900 });
    await page.waitForSelector('svg.chain-svg');
    const drawn = await page.$eval('.graph-scroll', (scroller) => ({
      overflow: scroller.scrollWidth - scroller.clientWidth,
      nodes: [...scroller.querySelectorAll<SVGAElement>('svg.chain-svg [data-node]')].map((node) => {
        const text = node.querySelector('text')!.getBBox();
        const box = node.querySelector('rect')!.getBBox();
        return {
          name: node.querySelector('title')!.textContent,
          drawn: [...node.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
          inside:
            text.x >= box.x &&
            text.x + text.width <= box.x + box.width &&
            text.y >= box.y &&
            text.y + text.height <= box.y + box.height,
        };
      }),
    }));
    // Nothing to scroll, so no box is cut at either edge (it was: "Computer networking" read "etworking").
    expect(drawn.overflow).toBeLessThanOrEqual(0);
    expect(drawn.nodes.length).toBeGreaterThan(10);
    for (const node of drawn.nodes) expect(node).toEqual({ name: node.name, drawn: node.name, inside: true });
  });

  it('follows helpful prerequisites when asked, drawn apart, and the depth control trims the chain', async () => {
    const essential = await chainOf(SKILL, 10, false);
    const all = await chainOf(SKILL, 10, true);
    expect(all.edges.length).toBeGreaterThan(essential.edges.length);
    const page = await openPage(`/skills/${SKILL}`);
    await page.waitForSelector('svg.chain-svg');
    await page.check('#helpful');
    await page.waitForURL(`${base}/skills/${SKILL}?helpful=1`);
    await page.waitForSelector('svg.chain-svg .edge.helpful');
    expect(await drawnChain(page)).toEqual({ nodes: all.nodes, edges: all.edges });
    // The control that redrew the page keeps the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('helpful');

    const shallow = await chainOf(SKILL, 1, true);
    await page.selectOption('#depth', '1');
    await page.waitForURL(`${base}/skills/${SKILL}?depth=1&helpful=1`);
    await page.waitForFunction(
      (count) => document.querySelectorAll('svg.chain-svg [data-node]').length === count,
      shallow.nodes.length,
    );
    expect(await drawnChain(page)).toEqual({ nodes: shallow.nodes, edges: shallow.edges });
    // Back undoes one control at a time.
    await page.goBack();
    await page.waitForFunction(
      (count) => document.querySelectorAll('svg.chain-svg [data-node]').length === count,
      all.nodes.length,
    );
  });

  it('reads an edge’s reason when the arrow is focused or hovered', async () => {
    const { reasons } = await chainOf(SKILL, 10, false);
    const edge = reasons[0]!;
    const page = await openPage(`/skills/${SKILL}`);
    await page.waitForSelector('svg.chain-svg');
    await page.focus(`[data-edge="${edge.from.slug}>${edge.to.slug}"]`);
    expect(await page.textContent('[data-edge-reason]')).toContain(edge.reason);
    const other = reasons[reasons.length - 1]!;
    await page.hover(`[data-edge="${other.from.slug}>${other.to.slug}"] .edge-hit`, { force: true });
    expect(await page.textContent('[data-edge-reason]')).toContain(other.reason);
  });

  it('opens a skill when its node is clicked, or activated from the keyboard; back and forward work', async () => {
    const { reasons } = await chainOf(SKILL, 10, false);
    const first = reasons.find((edge) => edge.from.slug === SKILL)!.to.slug;
    const page = await openPage(`/skills/${SKILL}`);
    await page.click(`svg.chain-svg [data-node="${first}"]`);
    await view(page, 'skill', first);
    expect(page.url()).toBe(`${base}/skills/${first}`);
    await page.goBack();
    await view(page, 'skill', SKILL);
    await page.goForward();
    await view(page, 'skill', first);

    await page.goBack();
    await view(page, 'skill', SKILL);
    await page.focus(`svg.chain-svg [data-node="${first}"]`);
    await page.keyboard.press('Enter');
    await view(page, 'skill', first);
  });

  it('says so when the skill does not exist, and for any unknown address', async () => {
    const page = await openPage('/skills/no-such-skill');
    await view(page, 'not-found');
    expect(await page.textContent('main h1')).toBe('Not found');
    expect(await page.textContent('main [data-page="not-found"]')).toContain('no-such-skill');
    expect(await page.title()).toBe('Not found · Backend Skill Graph');
    await page.goto('/areas/nowhere');
    await view(page, 'not-found');
    await page.goto('/what/is/this');
    await view(page, 'not-found');
    expect(await page.textContent('main [data-page="not-found"]')).toContain('/what/is/this');
  });
});

describe('planning', () => {
  it('makes a learning plan from targets and known skills picked by name, in the API’s order', async () => {
    const targets = ['distributed-transactions', 'caching'];
    const known = ['http'];
    const { learningPath } = await graphql.request<{
      learningPath: { steps: { skill: { slug: string } }[]; totalHours: number; weeks: number };
    }>(
      `query ($targets: [String!]!, $known: [String!]!) {
         learningPath(targets: $targets, known: $known, hoursPerWeek: 6) { totalHours weeks steps { skill { slug } } }
       }`,
      { targets, known },
    );
    const page = await openPage('/plan');
    await page.fill('#targets', 'Distributed transactions');
    await page.press('#targets', 'Enter');
    await page.fill('#targets', 'caching'); // a slug works too
    await page.press('#targets', 'Enter');
    await page.fill('#known', 'HTTP');
    await page.press('#known', 'Enter');
    expect(await attributes(page, '[data-chip]', 'data-chip')).toEqual([...targets, ...known]);
    await page.fill('#hours', '6');
    await page.click('form.plan-form button[type="submit"]');
    await page.waitForSelector('[data-plan]');
    expect(page.url()).toBe(`${base}/plan?targets=distributed-transactions,caching&known=http&hours=6`);
    expect(await attributes(page, '[data-step]', 'data-step')).toEqual(
      learningPath.steps.map((step) => step.skill.slug),
    );
    expect(await page.textContent('[data-plan] .summary')).toContain(`${learningPath.totalHours} h`);
    expect(await page.$$eval('[data-week]', (weeks) => weeks.length)).toBe(learningPath.weeks);
    await page.screenshot({ path: join(SCREENSHOTS, 'plan-desktop.png'), fullPage: false });
  });

  it('keeps the form and shows the API’s message for a target that does not exist', async () => {
    const page = await openPage('/plan?targets=no-such-skill');
    await page.waitForSelector('main [data-page="plan"] .error');
    expect(await page.textContent('main .error')).toContain('no-such-skill');
    expect(await page.isVisible('#targets')).toBe(true);
  });

  it('lists what is missing for senior, responsibility by responsibility, as gapAnalysis does', async () => {
    const { gapAnalysis } = await graphql.request<{
      gapAnalysis: {
        missingSkills: { slug: string }[];
        responsibilities: { covered: boolean; responsibility: { slug: string } }[];
      };
    }>(`{ gapAnalysis(level: "senior", known: ["http", "caching"]) {
           missingSkills { slug } responsibilities { covered responsibility { slug } } } }`);
    const page = await openPage('/gaps?level=senior&known=http,caching');
    await page.waitForSelector('[data-gaps]');
    expect(await attributes(page, '[data-responsibility]', 'data-responsibility')).toEqual(
      gapAnalysis.responsibilities.map((entry) => entry.responsibility.slug),
    );
    expect(await attributes(page, '[data-responsibility]', 'class')).toEqual(
      gapAnalysis.responsibilities.map((entry) => (entry.covered ? 'covered' : 'missing')),
    );
    expect(await page.textContent('[data-gaps] .summary')).toContain(`${gapAnalysis.missingSkills.length} skills`);
  });

  it('lists what can be learnt next, as readyToLearn ranks it', async () => {
    const { readyToLearn } = await graphql.request<{ readyToLearn: { skill: { slug: string } }[] }>(
      '{ readyToLearn(known: ["http", "computer-networking"], first: 20) { skill { slug } } }',
    );
    const page = await openPage('/next?known=http,computer-networking');
    await page.waitForSelector('[data-ready]');
    expect(await attributes(page, '[data-ready]', 'data-ready')).toEqual(readyToLearn.map((entry) => entry.skill.slug));
  });
});

describe('on a 375 px phone', () => {
  it.each(['/?q=caching', `/skills/${SKILL}`, '/plan?targets=caching&known=http', '/gaps?level=senior'])(
    '%s fits the width; only the graph scrolls sideways',
    async (path) => {
      const page = await openPage(path, { width: 375, height: 740 });
      await page.waitForSelector('main [data-page]');
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      if (path.startsWith('/skills/')) {
        const scroll = await page.$eval('.graph-scroll', (element) => ({
          width: element.clientWidth,
          content: element.scrollWidth,
        }));
        expect(scroll.width).toBeLessThanOrEqual(375);
        expect(scroll.content).toBeGreaterThan(scroll.width);
        await page.locator('.chain-graph').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, 'skill-mobile.png'), fullPage: false });
      }
    },
  );
});

describe('text from the graph', () => {
  it('is shown as text, never run as markup', async () => {
    const name = '<img src=x onerror="window.__injected=1">Evil <b>skill</b>';
    const description = `<script>window.__injected=2</script> ${'A description that an editor wrote with markup in it. '.repeat(3)}`;
    await graphql.request(
      `mutation ($input: CreateSkillInput!) { createSkill(input: $input) { slug } }`,
      { input: { slug: 'markup-test', name, description, area: 'operations', level: 'junior', estimatedHours: 2 } },
      { authorization: `Bearer ${ALICE}` },
    );
    const page = await openPage('/skills/markup-test');
    await view(page, 'skill', 'markup-test');
    expect(await page.textContent('main h1')).toBe(name);
    expect((await page.textContent('main .description'))?.trim()).toBe(description.trim());
    expect(await page.$$('main img, main script, main b')).toHaveLength(0);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  });
});

describe('when the API goes away', () => {
  it('says the API is not answering, and Try again recovers once it is back', async () => {
    const dataFile = journal();
    let own = await startServerProcess({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: dataFile });
    const port = own.url.port;
    const context = await browser.newContext({ baseURL: own.url.origin });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/skills/http');
    await view(page, 'skill', 'http');

    own.child.kill('SIGTERM');
    expect(await own.exit).toBe(0);
    await page.click('main .meta a'); // the area link
    await view(page, 'error');
    expect(await page.textContent('main h1')).toBe('The API is not answering');

    own = await startServerProcess({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: dataFile, PORT: port });
    try {
      await page.click('main [data-page="error"] button');
      await view(page, 'area');
    } finally {
      own.child.kill('SIGTERM');
      await own.exit;
    }
  });
});

describe('the self-hosted GraphiQL (development)', () => {
  it('loads with no internet and runs a query against the API', async () => {
    const dev = await startServerProcess({ NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_FILE: journal() });
    try {
      const context = await browser.newContext({ baseURL: dev.url.origin });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url());
        if (hostname === '127.0.0.1') return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`graphiql: ${error.message}`));
      await page.goto('/graphiql');
      // Ready when the editor shows the default query.
      await page.waitForFunction(() =>
        document.querySelector('.graphiql-query-editor')?.textContent?.includes('prerequisiteChain'),
      );
      await page.click('.graphiql-execute-button');
      // The editor draws only the lines in view: the answer's first lines are enough.
      await page.waitForFunction(() =>
        /"prerequisiteChain":\s*\{\s*"order"/.test(document.querySelector('.result-window')?.textContent ?? ''),
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'graphiql-development.png') });
    } finally {
      dev.child.kill('SIGTERM');
      await dev.exit;
    }
  });
});
