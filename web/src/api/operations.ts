// Every GraphQL operation the explorer sends, by name. They use only the public schema; a unit
// test validates each against schema.graphql, so a schema change that breaks the explorer fails
// `npm test`, not a user's page. Their answers' types are generated from this text
// (npm run generate:web), so a view that reads a field no document asks for does not compile.
import { type TypedDocument, byOperationName } from './typed-document';

/** A resource as a list shows it; sent inside each document that spreads it. */
const RESOURCE_FIELDS = /* GraphQL */ `
  fragment ResourceFields on Resource {
    slug
    title
    kind
    free
    estimatedHours
    url
  }
`;

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 12) {
      score
      node {
        __typename
        ... on Skill {
          slug
          name
          estimatedHours
          area {
            name
          }
          level {
            name
          }
        }
        ... on Area {
          slug
          name
          skillCount
        }
        ... on Resource {
          slug
          title
          url
          kind
          free
        }
      }
    }
  }
` as TypedDocument<'ExplorerSearch'>;

export const HOME = /* GraphQL */ `
  query ExplorerHome {
    areas {
      slug
      name
      description
      skillCount
    }
    levels {
      slug
      name
    }
    dataset {
      version
      date
      counts {
        skills
        resources
        essentialPrerequisites
        helpfulPrerequisites
      }
    }
  }
` as TypedDocument<'ExplorerHome'>;

export const AREA = /* GraphQL */ `
  query ExplorerArea($slug: String!) {
    area(slug: $slug) {
      slug
      name
      description
      skills {
        slug
        name
        estimatedHours
        level {
          slug
          name
          rank
        }
        parent {
          slug
        }
      }
    }
    levels {
      slug
      name
    }
  }
` as TypedDocument<'ExplorerArea'>;

export const SKILL = /* GraphQL */ `
  query ExplorerSkill($slug: String!, $depth: Int!, $helpful: Boolean!) {
    skill(slug: $slug) {
      slug
      name
      description
      estimatedHours
      area {
        slug
        name
      }
      level {
        slug
        name
      }
      parent {
        slug
        name
      }
      children {
        slug
        name
      }
      prerequisites {
        strength
        reason
        skill {
          slug
          name
        }
      }
      related {
        slug
        name
      }
      responsibilities {
        slug
        name
      }
      resources {
        ...ResourceFields
        authors
        year
      }
    }
    unlocks(skill: $slug, maxDepth: 25, includeHelpful: $helpful) {
      distance
      unlockCount
      skill {
        slug
        name
      }
    }
    prerequisiteChain(skill: $slug, maxDepth: $depth, includeHelpful: $helpful) {
      steps {
        depth
        skill {
          slug
          name
          estimatedHours
        }
      }
      edges {
        from {
          slug
        }
        to {
          slug
        }
        reason
        strength
      }
      order {
        slug
        name
      }
    }
  }
${RESOURCE_FIELDS}` as TypedDocument<'ExplorerSkill'>;

/** Every skill's slug and name, a page at a time, for the skill pickers. */
export const SKILL_NAMES = /* GraphQL */ `
  query ExplorerSkillNames($after: String) {
    skills(first: 100, after: $after) {
      edges {
        node {
          slug
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as TypedDocument<'ExplorerSkillNames'>;

export const LEARNING_PLAN = /* GraphQL */ `
  query ExplorerLearningPlan(
    $targets: [String!]!
    $known: [String!]!
    $hoursPerWeek: Int
    $filter: LearningResourceFilter
    $helpful: Boolean!
  ) {
    learningPath(
      targets: $targets
      known: $known
      hoursPerWeek: $hoursPerWeek
      resourceFilter: $filter
      includeHelpful: $helpful
    ) {
      totalHours
      weeks
      hoursPerWeek
      targets {
        slug
        name
      }
      steps {
        position
        hours
        isTarget
        skill {
          slug
          name
        }
        neededFor {
          reason
          strength
          skill {
            slug
            name
          }
        }
        resources {
          ...ResourceFields
        }
      }
      schedule {
        week
        hours
        sessions {
          hours
          skill {
            slug
            name
          }
        }
      }
    }
  }
${RESOURCE_FIELDS}` as TypedDocument<'ExplorerLearningPlan'>;

export const GAP_ANALYSIS = /* GraphQL */ `
  query ExplorerGapAnalysis($level: String!, $known: [String!]!, $helpful: Boolean!) {
    gapAnalysis(level: $level, known: $known, includeHelpful: $helpful) {
      level {
        slug
        name
      }
      missingSkills {
        slug
        name
      }
      responsibilities {
        covered
        responsibility {
          slug
          name
          category
          level {
            name
          }
        }
        missingSkills {
          slug
          name
        }
      }
      learningPath {
        totalHours
        steps {
          position
          hours
          skill {
            slug
            name
          }
        }
      }
    }
    levels {
      slug
      name
    }
  }
` as TypedDocument<'ExplorerGapAnalysis'>;

export const READY_TO_LEARN = /* GraphQL */ `
  query ExplorerReadyToLearn($known: [String!]!, $helpful: Boolean!) {
    readyToLearn(known: $known, first: 20, includeHelpful: $helpful) {
      unlockCount
      skill {
        slug
        name
        estimatedHours
        level {
          name
        }
        area {
          name
        }
      }
    }
  }
` as TypedDocument<'ExplorerReadyToLearn'>;

export const operations = byOperationName({
  ExplorerSearch: SEARCH,
  ExplorerHome: HOME,
  ExplorerArea: AREA,
  ExplorerSkill: SKILL,
  ExplorerSkillNames: SKILL_NAMES,
  ExplorerLearningPlan: LEARNING_PLAN,
  ExplorerGapAnalysis: GAP_ANALYSIS,
  ExplorerReadyToLearn: READY_TO_LEARN,
});
