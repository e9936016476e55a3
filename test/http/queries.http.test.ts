import { startTestServer } from '../support/test-server';
import { defineQuerySuite } from './query-suite';

defineQuerySuite('embedded', () => startTestServer());
