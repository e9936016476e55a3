import { startTestServer } from '../support/test-server';
import { defineLearningSuite } from './learning-suite';
import { defineQuerySuite } from './query-suite';

defineQuerySuite('embedded', () => startTestServer());
defineLearningSuite('embedded', () => startTestServer());
