import { UsageError } from '../../errors.js';
import {
  copyInstance,
  createInstance,
  type InstanceStatus,
  instanceStatus,
  listInstanceStatuses,
  removeInstance,
  resolveInstance,
} from '../../instance/index.js';
import { type ParsedArgs, stringFlag } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE =
  'usage: ccbell instance list|show NAME|create NAME [--config FILE]|copy SRC DST|remove NAME [--json]';

function describe(status: InstanceStatus): string {
  const running = status.app
    ? `running (app pid ${status.app.pid}, id ${status.app.runtimeId})`
    : 'not running';
  return [
    `${status.name}: ${running}`,
    `  config: ${status.config_path}${status.configExists ? '' : ' (none yet: defaults)'}`,
    `  state:  ${status.state_path}`,
    `  cache:  ${status.cache_dir}`,
    `  log:    ${status.log_path}`,
    `  pid:    ${status.pid_path}`,
    ...(status.app?.url ? [`  page:   ${status.app.url.replace(/token=[^&]+/, 'token=…')}`] : []),
  ].join('\n');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, (key, v) => (key === 'hookToken' || key === 'url' ? undefined : v), 2)}\n`;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}; ${USAGE}`);
  return value;
}

/** `ccbell instance …` (and the seed's `ccbell --instance …`): manage named instances. */
export async function runInstance(args: ParsedArgs, context: CliContext): Promise<number> {
  const [action, first, second, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; ${USAGE}`);
  const asJson = args.flags.json === true;
  const { env, stdout } = context;
  switch (action) {
    case 'list': {
      const all = listInstanceStatuses(env);
      stdout(asJson ? json(all) : `${all.map(describe).join('\n')}\n`);
      return 0;
    }
    case 'show': {
      const status = instanceStatus(resolveInstance(need(first, 'instance name'), env));
      stdout(asJson ? json(status) : `${describe(status)}\n`);
      return 0;
    }
    case 'create': {
      const created = createInstance(need(first, 'instance name'), stringFlag(args, 'config'), env);
      stdout(`created instance "${created.name}" with config ${created.config_path}\n`);
      return 0;
    }
    case 'copy': {
      const created = copyInstance(need(first, 'source instance'), need(second, 'new instance name'), env);
      stdout(`copied the config of "${first}" to new instance "${created.name}" (${created.config_path})\n`);
      return 0;
    }
    case 'remove': {
      const removed = removeInstance(need(first, 'instance name'), env);
      stdout(
        `removed instance "${removed.name}" from the registry; its files are kept (${removed.config_path})\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(action ? `unknown instance command "${action}"; ${USAGE}` : USAGE);
  }
}
