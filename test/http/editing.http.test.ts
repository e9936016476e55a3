import { startTestServer } from '../support/test-server';
import { defineEditingSuite } from './editing-suite';

defineEditingSuite('embedded', (env) => startTestServer(env));
