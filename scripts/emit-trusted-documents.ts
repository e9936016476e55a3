import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { trustedDocumentManifest } from '../src/graphql/trusted-document-sources';
import { PROJECT_ROOT } from '../src/project-paths';
import { operations } from '../web/src/api/operations';

// npm run documents:emit: rewrites trusted-documents.json from the explorer's operations and
// the examples in docs/api/ (npm run build:web runs it too; a test fails when it is out of date).
const manifest = trustedDocumentManifest(operations);
writeFileSync(join(PROJECT_ROOT, 'trusted-documents.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`trusted-documents.json: ${manifest.operations.length} operations\n`);
