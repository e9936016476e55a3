// node -r ./scripts/ts-register.cjs: lets Node `require` the project's TypeScript directly, so
// the scripts run without a build and tests can kill a child process mid-write. Transpile only,
// as ts-jest does (tsconfig's isolatedModules makes that safe; npm run typecheck checks types).
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};
