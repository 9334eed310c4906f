// `npm test`: everything, in the order that fails fastest. Lint and types, the build, the whole
// vitest suite on this Node, then the unit project again on the current Node LTS lines (22, 24),
// which npm serves as the package `node` and this script installs into .node-versions/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const LTS_LINES = (process.env.CCBELL_TEST_NODES ?? '22 24').split(/\s+/).filter(Boolean);

function run(title, command, args, env = process.env) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function nodeOf(line) {
  const prefix = join(root, '.node-versions', line);
  const node = join(prefix, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    run(`install Node ${line} from the npm registry`, 'npm', [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `node@${line}`,
    ]);
  }
  return node;
}

run('lint and format (biome)', bin('biome'), ['check', '.']);
run('types (tsc)', bin('tsc'), ['--noEmit']);
run('build', process.execPath, ['scripts/build.mjs']);
run(`tests on Node ${process.version}`, process.execPath, [
  join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
]);
for (const line of LTS_LINES) {
  const node = nodeOf(line);
  // The CLI under test is started with the same node (tests use process.execPath).
  run(`unit and CLI tests on Node ${line}`, node, [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'unit',
  ]);
}
console.log('\n✔ all tests passed');
