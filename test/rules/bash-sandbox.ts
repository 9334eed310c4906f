// A sandbox where a shell line really runs under bash, to learn what it does: PATH holds only
// fake programs that record their argv (and, for wrappers such as env, sudo, xargs, find -exec,
// ssh and bash itself, go on to run what they wrap), HOME and an "outside" directory are the
// sandbox's own, so a line can write nowhere else. echo, cd, eval and other builtins stay real.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** One program a line ran: its name, arguments, and whether a fake wrapper started it. */
export interface Ran {
  readonly argv: readonly string[];
  readonly nested: boolean;
}

/** What bash did with one line. */
export interface BashRun {
  readonly ran: readonly Ran[];
  /** Files that appeared outside the working directory (relative to the line's sandbox). */
  readonly writtenOutside: readonly string[];
  readonly stderr: string;
  readonly code: number | null;
}

/** Per-line directories: the session's cwd, HOME, and a stand-in for /tmp. */
export interface LinePlace {
  readonly root: string;
  readonly work: string;
  readonly home: string;
  readonly out: string;
}

/** The programs the sandbox fakes. */
export const FAKES = [
  'touch',
  'rm',
  'curl',
  'ls',
  'cat',
  'git',
  'grep',
  'find',
  'xargs',
  'env',
  'sudo',
  'nohup',
  'timeout',
  'ssh',
  'bash',
  'sh',
  'diff',
];

export const REAL_BASH = (() => {
  const found = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();
  if (!found.startsWith('/')) throw new Error('bash is needed for this test');
  return found;
})();

// Records "$nested\0name\0args…" in a file of its own, then plays the wrapper it stands for.
const FAKE = `#!${REAL_BASH}
name=\${0##*/}
printf '%s\\0' "\${CCBELL_NESTED:-0}" "$name" "$@" > "$CCBELL_REC/$$.$RANDOM$RANDOM"
export CCBELL_NESTED=1
case $name in
  bash|sh) exec ${REAL_BASH} "$@" ;;
  env) while [[ $# -gt 0 && ( $1 == -* || $1 == *=* ) ]]; do shift; done ;;
  sudo|nohup) while [[ $1 == -* ]]; do shift; done ;;
  timeout) while [[ $1 == -* ]]; do shift; done; shift ;;
  ssh) shift; exec ${REAL_BASH} -c "$*" ;;
  xargs) while [[ $1 == -* ]]; do shift; done; mapfile -t items; set -- "$@" "\${items[@]}" ;;
  find)
    run=(); on=0
    for a in "$@"; do
      if [[ $on == 1 ]]; then [[ $a == ';' || $a == + ]] && break; run+=("\${a//\\{\\}/found}")
      elif [[ $a == -exec || $a == -execdir || $a == -ok || $a == -okdir ]]; then on=1; fi
    done
    set -- "\${run[@]}" ;;
  *) exit 0 ;;
esac
[[ $# -gt 0 ]] && exec "$@"
exit 0
`;

/** A sandbox with one bin directory of fakes; each line gets fresh directories. */
export class BashSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'ccbell-shell-table-'));
  readonly bin = join(this.dir, 'bin');
  private lines = 0;

  constructor() {
    mkdirSync(this.bin);
    const fake = join(this.bin, '.fake');
    writeFileSync(fake, FAKE);
    chmodSync(fake, 0o755);
    for (const name of FAKES) symlinkSync(fake, join(this.bin, name));
  }

  /** Fresh directories for one line. */
  place(): LinePlace {
    const root = join(this.dir, `line-${++this.lines}`);
    const place = { root, work: join(root, 'work'), home: join(root, 'home'), out: join(root, 'out') };
    for (const dir of [place.work, place.home, join(place.out, 'allowed'), join(root, 'rec')]) {
      mkdirSync(dir, { recursive: true });
    }
    return place;
  }

  /** Runs the line with `bash -c` in the place's work directory and reports what it did. */
  run(line: string, place: LinePlace): BashRun {
    const rec = join(place.root, 'rec');
    const before = new Set(filesOutside(place));
    const result = spawnSync(REAL_BASH, ['-c', line], {
      cwd: place.work,
      env: { PATH: this.bin, HOME: place.home, CCBELL_REC: rec, LC_ALL: 'C' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 5000,
    });
    const ran = readdirSync(rec).map((file) => {
      const fields = readFileSync(join(rec, file), 'utf8').split('\0').slice(0, -1);
      return { nested: fields[0] === '1', argv: fields.slice(1) };
    });
    return {
      ran,
      writtenOutside: filesOutside(place).filter((file) => !before.has(file)),
      stderr: result.stderr,
      code: result.status,
    };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function filesOutside(place: LinePlace): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (path === place.work || path === join(place.root, 'rec')) continue;
      if (entry.isDirectory()) walk(path);
      else found.push(relative(place.root, path));
    }
  };
  walk(place.root);
  return found;
}
