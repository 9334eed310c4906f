// `npm run bench` (after `npm run build`): runs the benchmark sections one after another and
// writes docs/benchmarks.md. Benchmarks, never assertions: targets are reported, not enforced.
//
//   node bench/run.mjs [SECTION…] [--quick] [--out FILE|-]
//
// SECTION picks sections by id (default: all). --quick takes far fewer samples, for trying the
// bench out. The report goes to docs/benchmarks.md when every section ran at full size, else to
// stdout; --out overrides either ("-" for stdout). BENCH_NODES="path …" names the Node binaries
// the hook section compares; BENCH_ROOT a package root (with dist/ and sounds/) other than this one;
// BENCH_BASELINE_ROOT a second package root (an earlier build) that every section measures side
// by side with it, interleaved. A copied root may hold a REVISION file naming its commit.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BASELINE_ROOT,
  BUILDS,
  benchNodes,
  machineInfo,
  markdownTable,
  PACKAGE_ROOT,
  progress,
  REPO_ROOT,
  rootRevision,
} from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The sections, in report order. A section is a module in bench/ exporting `run`, an async
 * function of the context ({ nodes, quick }) resolving to { tables: [{ columns, rows, caption? }],
 * notes: [markdown], summary: [markdown], sideBySide?: [markdown] } (sideBySide: the comparison
 * with the baseline build, when BENCH_BASELINE_ROOT is set). A module not written yet gets a
 * placeholder section, so a new one only needs its file.
 */
const SECTIONS = [
  { id: 'hook', title: 'Hook handler wall time', file: 'hook.mjs', run: 'benchHook' },
  { id: 'approval', title: 'Approval round trip (machine only)', file: 'approval.mjs', run: 'benchApproval' },
  {
    id: 'remote',
    title: 'Approval round trip over NATS, beside the local bus',
    file: 'remote.mjs',
    run: 'benchRemote',
  },
  { id: 'http-hook', title: 'HTTP hook', file: 'http-hook.mjs', run: 'benchHttpHook' },
  {
    id: 'service-hook',
    title: 'Stop as `service install` wires it',
    file: 'service-hook.mjs',
    run: 'benchServiceHook',
  },
];

function parseArgs(argv) {
  const options = { ids: [], quick: false, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--out') options.out = argv[++i];
    else if (arg.startsWith('--out=')) options.out = arg.slice('--out='.length);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `usage: node bench/run.mjs [${SECTIONS.map((s) => s.id).join('|')}…] [--quick] [--out FILE|-]\n`,
      );
      process.exit(0);
    } else if (SECTIONS.some((section) => section.id === arg)) options.ids.push(arg);
    else {
      process.stderr.write(`bench: unknown argument ${arg}\n`);
      process.exit(2);
    }
  }
  return options;
}

/** The header's line for the build in `root`: version, commit, and where it was copied to. */
function buildLine(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // A copy of this package's build without a REVISION file is taken to come from this checkout.
  const ownCopy = root === PACKAGE_ROOT && !existsSync(join(root, 'REVISION'));
  const revision = rootRevision(ownCopy ? REPO_ROOT : root);
  const where = root === REPO_ROOT ? '' : ` (a copy of the build, in ${root})`;
  return `${pkg.version}, \`${revision}\`, ${relative(root, join(root, 'dist', 'ccbell.js'))}${where}`;
}

function renderSection(section, result) {
  const lines = [`## ${section.title}`, ''];
  if (result.placeholder) {
    lines.push(result.placeholder, '');
    return lines.join('\n');
  }
  if (result.error) {
    lines.push(`**Not measured: the section failed:** \`${result.error.replace(/`/g, "'")}\``, '');
    return lines.join('\n');
  }
  if (result.summary?.length) lines.push(...result.summary.map((line) => `- ${line}`), '');
  if (result.sideBySide?.length) {
    lines.push(
      '**Side by side with the baseline** (both builds in the same run, interleaved; "slower" or "faster" only ' +
        'when the 95 % interval of the paired difference new − baseline excludes zero; a measurement, not a ' +
        'pass/fail check):',
      '',
      ...result.sideBySide.map((line) => `- ${line}`),
      '',
    );
  }
  for (const table of result.tables ?? []) {
    if (table.caption) lines.push(table.caption, '');
    lines.push(markdownTable(table.columns, table.rows, table.align), '');
  }
  if (result.notes?.length)
    lines.push('How these were taken:', '', ...result.notes.map((note) => `- ${note}`), '');
  return lines.join('\n');
}

async function runSection(section, context) {
  const path = join(here, section.file);
  if (!existsSync(path)) {
    return { placeholder: `_Not measured yet: \`bench/${section.file}\` is not written._` };
  }
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  try {
    const module = await import(pathToFileURL(path).href);
    const run = module[section.run];
    if (typeof run !== 'function') throw new Error(`bench/${section.file} does not export ${section.run}()`);
    const result = await run(context);
    const seconds = (Date.now() - started) / 1000;
    progress(`${section.id}: done in ${seconds.toFixed(1)} s`);
    result.notes ??= [];
    result.notes.push(
      `The section took ${seconds.toFixed(0)} s; the 1-minute load average was ${loadBefore.toFixed(2)} before it and ` +
        `${os.loadavg()[0].toFixed(2)} after it (${os.cpus().length} cores: above that, processes waited for a CPU ` +
        'and the times include that wait).',
    );
    return result;
  } catch (error) {
    progress(`${section.id}: FAILED: ${error?.stack ?? error}`);
    return { error: error?.message ?? String(error) };
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  for (const build of BUILDS) {
    if (!existsSync(build.cli)) {
      process.stderr.write(`bench: ${build.cli} is missing; run "npm run build" first\n`);
      return 1;
    }
  }
  const chosen = options.ids.length ? SECTIONS.filter((s) => options.ids.includes(s.id)) : SECTIONS;
  const nodes = benchNodes();
  const machine = machineInfo();
  const startedAt = new Date();
  progress(`runtimes: ${nodes.map((n) => `${n.version} (${n.path})`).join(', ')}`);
  progress(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.os}, load ${machine.load}`);

  const context = { nodes, quick: options.quick };
  const results = [];
  for (const section of chosen) {
    progress(`${section.id}: starting`);
    results.push([section, await runSection(section, context)]);
  }

  const header = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      `${options.quick ? ' in **quick mode** (few samples: indicative only)' : ''}. Numbers are from one run on ` +
      'the machine below; they are measurements, not pass/fail checks.',
    '',
    markdownTable(
      ['', ''],
      [
        ['machine', `${machine.cpu}, ${machine.cores} cores, ${machine.memory}`],
        ['OS', machine.os],
        ['load average at start (1, 5, 15 min)', machine.load],
        ['measured runtimes', nodes.map((n) => `Node ${n.version}`).join(', ')],
        ['bench runner', `Node ${process.version} (approval client, apps and servers run on it)`],
        ['ccbell', buildLine(PACKAGE_ROOT)],
        ...(BASELINE_ROOT ? [['baseline (measured side by side)', buildLine(BASELINE_ROOT)]] : []),
      ],
      ['l', 'l'],
    ),
    '',
  ].join('\n');
  const report = `${header}\n${results.map(([section, result]) => renderSection(section, result)).join('\n')}`;

  const everything = chosen.length === SECTIONS.length && !options.quick;
  const out = options.out ?? (everything ? join(REPO_ROOT, 'docs', 'benchmarks.md') : '-');
  if (out === '-') process.stdout.write(report);
  else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, report);
    progress(`wrote ${out}`);
  }
  return results.some(([, result]) => result.error) ? 1 : 0;
}

process.exitCode = await main();
