import { Arg } from 'type-graphql';

/** The `includeHelpful` argument of every question that follows prerequisites: declared once, so it reads the same everywhere. */
export const IncludeHelpfulArg = () =>
  Arg('includeHelpful', () => Boolean, {
    defaultValue: false,
    description: 'Follow helpful prerequisites too, not only essential ones.',
  });
