// Shared helpers of the benchmarks: statistics, timed process spawns, the runtimes to measure,
// the machine description, temporary homes and markdown tables, and the builds to compare.
// Benchmark sections (hook.mjs, approval.mjs, http-hook.mjs) import from here; nothing here
// asserts anything.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ is one level below it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The package root whose dist/ is measured: BENCH_ROOT when set (a copy of dist/ and sounds/ that
 * a concurrent rebuild cannot change mid-run), else the repository.
 */
export const PACKAGE_ROOT = process.env.BENCH_ROOT ? resolve(process.env.BENCH_ROOT) : REPO_ROOT;

/** The built CLI every section runs. */
export const CLI_PATH = join(PACKAGE_ROOT, 'dist', 'ccbell.js');

/**
 * A second package root to measure side by side with PACKAGE_ROOT (BENCH_BASELINE_ROOT): an
 * earlier build, so that "did it get slower?" is answered by one run on one machine, both builds
 * interleaved in the same rounds, rather than by comparing with numbers taken another day.
 */
export const BASELINE_ROOT = process.env.BENCH_BASELINE_ROOT
  ? resolve(process.env.BENCH_BASELINE_ROOT)
  : undefined;

/**
 * The builds every section measures, the package's own first ("new"), then the baseline's when
 * BENCH_BASELINE_ROOT is set. `cli` is each one's dist/ccbell.js.
 */
export const BUILDS = [
  { key: 'new', root: PACKAGE_ROOT, cli: CLI_PATH },
  ...(BASELINE_ROOT
    ? [{ key: 'baseline', root: BASELINE_ROOT, cli: join(BASELINE_ROOT, 'dist', 'ccbell.js') }]
    : []),
];

/**
 * The commit a package root was built from: its REVISION file when it has one (a copy of a
 * build outside git, as BENCH_ROOT and BENCH_BASELINE_ROOT usually are), else `git describe`.
 */
export function rootRevision(root) {
  try {
    return readFileSync(join(root, 'REVISION'), 'utf8').trim();
  } catch {}
  try {
    return execFileSync('git', ['-C', root, 'describe', '--always', '--dirty'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** Samples sorted ascending, as a new array. */
export function sorted(samples) {
  return Float64Array.from(samples).sort();
}

/**
 * The p-th percentile (0..100) of ascending `values`, by linear interpolation between the two
 * nearest ranks (the "type 7" definition of R and NumPy's default).
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const rank = (p / 100) * (values.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return values[low] + (values[high] - values[low]) * (rank - low);
}

/** Count, min, median, p90, p99, max and mean of `samples` (any order). */
export function summarize(samples) {
  const values = sorted(samples);
  let total = 0;
  for (const value of values) total += value;
  return {
    n: values.length,
    min: values[0] ?? Number.NaN,
    median: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: values[values.length - 1] ?? Number.NaN,
    mean: values.length ? total / values.length : Number.NaN,
  };
}

/** The median of the element-wise differences a[i] − b[i] of two paired sample lists. */
export function medianPairedDifference(a, b) {
  return percentile(sorted(pairedDifferences(a, b)), 50);
}

/** The element-wise differences a[i] − b[i] of two paired sample lists (as long as the shorter). */
export function pairedDifferences(a, b) {
  const n = Math.min(a.length, b.length);
  const differences = [];
  for (let i = 0; i < n; i++) differences.push(a[i] - b[i]);
  return differences;
}

/**
 * A distribution-free confidence interval (default 95 %) for the median of `samples`: the order
 * statistics k and n+1−k, k from the binomial(n, ½) tail, so no assumption about the shape of
 * the (skewed, long-tailed) timing distribution. [NaN, NaN] when n is too small for the level.
 */
export function medianInterval(samples, level = 0.95) {
  const values = sorted(samples);
  const n = values.length;
  const tail = (1 - level) / 2;
  // P(X ≤ k−1) for X ~ binomial(n, ½), summed in log space so that large n does not underflow.
  let logPmf = -n * Math.LN2;
  let below = 0;
  let k = 0;
  while (k < n / 2) {
    const next = below + Math.exp(logPmf);
    if (next > tail) break;
    below = next;
    logPmf += Math.log((n - k) / (k + 1));
    k++;
  }
  return k === 0 ? [Number.NaN, Number.NaN] : [values[k - 1], values[n - k]];
}

/**
 * Compares two paired sample lists of one measure (new, baseline), in ms: the medians, the
 * median of the paired differences new − baseline with its 95 % interval, and a word for the
 * verdict: "slower" or "faster" only when the whole interval is on one side of zero, otherwise
 * "no difference beyond noise". A measurement, not a check: nothing fails on it.
 */
export function compareBuilds(newSamples, baselineSamples) {
  const differences = pairedDifferences(newSamples, baselineSamples);
  const [low, high] = medianInterval(differences);
  const verdict = low > 0 ? 'slower' : high < 0 ? 'faster' : 'no difference beyond noise';
  return {
    newMedian: percentile(sorted(newSamples), 50),
    baselineMedian: percentile(sorted(baselineSamples), 50),
    paired: percentile(sorted(differences), 50),
    low,
    high,
    verdict,
  };
}

/** The comparison as a table cell: "+1.2 (−0.3 … +2.0)". */
export function comparisonCell(comparison, digits = 1) {
  return `${signedMs(comparison.paired, digits)} (${signedMs(comparison.low, digits)} … ${signedMs(comparison.high, digits)})`;
}

/** Milliseconds as text with `digits` decimals (default 1). */
export function ms(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A signed millisecond difference: "+4.2", "−1.0". */
export function signedMs(value, digits = 1) {
  if (!Number.isFinite(value)) return '–';
  const text = Math.abs(value).toFixed(digits);
  return value < 0 ? `−${text}` : `+${text}`;
}

// ---------------------------------------------------------------------------------------------
// Processes

/** High-resolution "now" in milliseconds. */
export function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `file args` to completion and measures it: from just before spawn() to the child's
 * 'close' (exited and its stdout and stderr closed), as a hook runner waits for it. `input` is
 * written to its stdin, which is then closed. Resolves with the time, exit code and output.
 */
export function timedRun(file, args, { env = process.env, input = '', cwd } = {}) {
  return new Promise((resolveRun, reject) => {
    const stdout = [];
    const stderr = [];
    const started = nowMs();
    const child = spawn(file, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.on('error', reject);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.stdin.on('error', () => undefined); // a child that exits before reading stdin
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      resolveRun({
        ms: nowMs() - started,
        code: code ?? (signal ? `signal ${signal}` : null),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** `command` run through /bin/sh -c, as Claude Code runs a command hook; timed like timedRun. */
export function timedShell(command, options = {}) {
  return timedRun('/bin/sh', ['-c', command], options);
}

/** Quotes a word for /bin/sh. */
export function shellQuote(word) {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${String(word).replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `node CLI args` to completion (set-up steps, not measured), CLI being `cli` (default: the
 * package's own); throws with its stderr when it exits non-zero.
 */
export function runCli(node, args, env, cli = CLI_PATH) {
  try {
    return execFileSync(node, [cli, ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`ccbell ${args.join(' ')} failed: ${error.stderr || error.message}`, { cause: error });
  }
}

/**
 * Starts a long-running process and resolves once a line of its stderr matches `ready` (with
 * the match), rejecting if it exits first or `timeoutMs` passes. Its stderr keeps being read
 * (and dropped) afterwards, so a chatty child never blocks on a full pipe.
 */
export function startLongRunning(file, args, { env = process.env, ready, timeoutMs = 15_000 } = {}) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    let done = false;
    const fail = (message) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(`${file} ${args.join(' ')}: ${message}${text ? `; stderr: ${text.slice(0, 2000)}` : ''}`),
      );
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
    child.stderr.on('data', (chunk) => {
      if (done) return;
      text += chunk.toString('utf8');
      const match = ready.exec(text);
      if (match) {
        done = true;
        clearTimeout(timer);
        resolveStart({ child, match });
      }
    });
  });
}

/** Ends a child started here (SIGTERM, then SIGKILL after `graceMs`) and waits for its exit. */
export function stopChild(child, graceMs = 2000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `task(item)` for every item with at most `limit` running at once; results in order. */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Environment

/**
 * The environment children get: this one without NODE_EXTRA_CA_CERTS (it costs every Node 20
 * start ~50 ms here, and no real user has it) and without any ccbell or Claude Code variable
 * that would change what ccbell does, plus `extra`.
 */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key === 'NODE_EXTRA_CA_CERTS' ||
      key === 'NODE_OPTIONS' ||
      key === 'CLAUDE_CONFIG_DIR' ||
      key === 'CLAUDE_CODE_UI_INSTANCE_ID' ||
      key.startsWith('CCBELL_')
    ) {
      delete env[key];
    }
  }
  return { ...env, ...extra };
}

/** A fresh temporary directory; remove it with removeDir. */
export function tempDir(prefix) {
  return mkdtempSync(join(os.tmpdir(), `ccbell-bench-${prefix}-`));
}

/** The file system type of `dir` (ext4, tmpfs, apfs…) as `stat -f` names it, or "an unknown file system". */
export function fsType(dir) {
  try {
    const flag = process.platform === 'darwin' ? ['-f', '%T'] : ['-f', '-c', '%T'];
    return execFileSync('stat', [...flag, dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'an unknown file system';
  }
}

/** Removes a directory made by tempDir; never throws. */
export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {}
}

/** An executable shell script at `dir/name` that exits 0 at once: a sound player that plays nothing. */
export function writeFakePlayer(dir, name = 'fake-player.sh') {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return path;
}

/** Reads a JSON file, applies `change` to the parsed value and writes it back. */
export function editJson(path, change) {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  change(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** `node --version` of a binary, e.g. "v22.23.3". */
export function nodeVersion(node) {
  return execFileSync(node, ['--version'], { encoding: 'utf8', env: cleanEnv() }).trim();
}

/**
 * The Node runtimes to measure: BENCH_NODES (space-separated paths) when set, else every
 * `.node-versions/<v>/node_modules/node/bin/node` in the repository, else this process's Node.
 * Each with its version; duplicates (same version) are dropped.
 */
export function benchNodes() {
  let paths;
  if (process.env.BENCH_NODES?.trim()) {
    paths = process.env.BENCH_NODES.trim().split(/\s+/);
  } else {
    const root = join(REPO_ROOT, '.node-versions');
    paths = existsSync(root)
      ? readdirSync(root)
          .map((version) => join(root, version, 'node_modules', 'node', 'bin', 'node'))
          .filter((path) => existsSync(path))
      : [];
    if (paths.length === 0) paths = [process.execPath];
  }
  const seen = new Set();
  const nodes = [];
  for (const path of paths) {
    const version = nodeVersion(path);
    if (seen.has(version)) continue;
    seen.add(version);
    nodes.push({ path: resolve(path), version });
  }
  return nodes.sort((a, b) => compareVersions(a.version, b.version));
}

function compareVersions(a, b) {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** What machine the numbers come from, from node:os. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() || 'unknown CPU',
    cores: cpus.length,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    load: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A markdown table; `align` per column is 'l' or 'r' (default: first left, the rest right). */
export function markdownTable(columns, rows, align) {
  const sides = columns.map((_, index) => align?.[index] ?? (index === 0 ? 'l' : 'r'));
  const cellText = (cell) => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${columns.map(cellText).join(' | ')} |`,
    `| ${sides.map((side) => (side === 'r' ? '---:' : ':---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cellText).join(' | ')} |`),
  ].join('\n');
}

/** Progress on stderr (stdout may carry the report). */
export function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * The table of a section's side-by-side rows (new build − baseline), the same in every section
 * but for its first column and how the samples were taken.
 */
export function sideBySideTable(firstColumn, taken, rows) {
  return {
    caption: `Side by side, new build − baseline build (${taken}):`,
    columns: [
      firstColumn,
      'new p50 ms',
      'baseline p50 ms',
      'paired Δ ms (95 % interval)',
      'new p99 ms',
      'baseline p99 ms',
      'verdict',
    ],
    rows,
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
  };
}
