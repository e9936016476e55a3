import { defineQueryBombSuite } from './query-bombs-suite';

defineQueryBombSuite('embedded store', {});
