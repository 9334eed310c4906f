import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startApp } from '../../app/app.js';
import { childLaunch, isPrintMode } from '../../app/child.js';
import { httpHookResponse } from '../../app/doors/http-hook.js';
import { recordHookPlace, sessionFocuser, sessionPlaces } from '../../app/focus.js';
import { attachTerminal } from '../../app/terminal.js';
import { instanceHookToken } from '../../app/web/hook-token.js';
import { makeToken } from '../../app/web/security.js';
import { startWebServer } from '../../app/web/server.js';
import { createRuntimeIdentity } from '../../approval/index.js';
import { hostName } from '../../approval/route.js';
import { type RemoteTransport, remoteTransport } from '../../bus/index.js';
import type { Core } from '../../core/index.js';
import { UsageError } from '../../errors.js';
import { type AppRecord, claimPidFile, releasePidFile, updatePidFile } from '../../instance/index.js';
import { ruleProblem } from '../../rules/index.js';
import { type ParsedArgs, portFlag } from '../args.js';
import type { CliContext } from '../context.js';
import { openInstance } from '../instance-context.js';
import { openInBrowser } from '../open-browser.js';

/**
 * `ccbell app [--instance NAME] [--accept-legacy] [-- CLAUDE_COMMAND…]`: runs the instance's app.
 * With a command it starts it wired to this app and ends when it ends; without, it runs until
 * interrupted.
 */
export async function runApp(args: ParsedArgs, context: CliContext): Promise<number> {
  const { env } = context;
  // Broken approval rules are reported now (as doctor names them) and left out.
  const { instance, loaded, logger } = openInstance(args, context, { checkRule: ruleProblem });
  // A bad --port is refused before anything starts.
  const port = portOf(args, loaded.config.appPort);

  const remoteConfig = loaded.config.remote;
  if (args.flags.remote === true && !remoteConfig) {
    throw new UsageError(
      `--remote needs a "remote" block in ${loaded.path} (url, user, credentials; see docs/remote.md)`,
    );
  }

  const identity = createRuntimeIdentity();
  const record: AppRecord = {
    pid: process.pid,
    runtimeId: identity.id,
    instance: instance.name,
    startedAt: new Date(identity.startedAt).toISOString(),
  };
  claimPidFile(instance.pid_path, record);
  const cleanups: (() => unknown)[] = [() => releasePidFile(instance.pid_path)];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
    cleanups.length = 0;
  };
  process.once('exit', () => releasePidFile(instance.pid_path));

  try {
    let remote: RemoteTransport | undefined;
    if (args.flags.remote === true && remoteConfig) {
      remote = remoteTransport({
        config: remoteConfig,
        env,
        mode: 'long',
        name: `ccbell app ${instance.name}@${hostName(env)}`,
        onStatus: (line) => logger.warn(line),
      });
      const opened = remote;
      cleanups.push(() => opened.close());
      // Now, not at the first request: a broker that cannot be reached is said at start.
      await remote.connect();
    }
    const app = await startApp({
      instance,
      loaded,
      logger,
      env,
      identity,
      bundledSoundsDir: join(context.packageRoot, 'sounds'),
      acceptLegacy: args.flags['accept-legacy'] === true,
      ...(remote && remoteConfig ? { remote: { transport: remote, user: remoteConfig.user } } : {}),
      placeOf: sessionPlaces(instance, { nodePath: process.execPath, cliPath: context.cliPath }),
    });
    cleanups.push(() => app.stop());
    const hookToken = instanceHookToken(instance);
    const focus = sessionFocuser(instance, env);
    const web = await startWebServer({
      core: app.core,
      instance: instance.name,
      runtimeId: identity.id,
      onHook: (input, signal, place) => {
        // No hook process saw the session's environment: its headers said where it lives.
        recordHookPlace(instance, input, place);
        logger.debug(
          `http hook: ${String(input.hook_event_name ?? '-').slice(0, 40)} session=${String(input.session_id ?? '-').slice(0, 80)}`,
        );
        return httpHookResponse(app.core, input, signal);
      },
      // "Go to session": the terminal the session's hooks recorded (docs/focus.md).
      onFocus: async (sessionId) => {
        const result = await focus(sessionId);
        logger.debug(`focus ${sessionId}: ${result.steps.join('; ') || 'no terminal known'}`);
        return result;
      },
      port,
      pageToken: makeToken(),
      hookToken,
      assetsDir: join(context.packageRoot, 'dist', 'web'),
      soundsDir: join(context.packageRoot, 'sounds'),
      log: (line) => logger.warn(line),
    });
    cleanups.push(() => web.close());
    app.setPageUrl(web.baseUrl);
    updatePidFile(instance.pid_path, { ...record, url: web.url, hookToken });
    const command = args.rest;
    const terminalFree = command.length === 0 || isPrintMode(command);
    // An interactive Claude Code owns the terminal: anything written to it lands inside its
    // screen. While it runs, the app's lines go to the log (and the page shows them).
    const toTerminal = (text: string) => context.stderr(text);
    const toLog = (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) logger.info(line);
    };
    cleanups.push(
      attachTerminal(app.core, {
        instance: instance.name,
        write: terminalFree ? toTerminal : toLog,
        ...(terminalFree && process.stdin.readable ? { input: process.stdin } : {}),
      }),
    );
    context.stderr(
      `[ccbell ${instance.name}] app running: id ${identity.id}, listening for ${app.channels.request}${args.flags['accept-legacy'] ? ' and the legacy channel' : ''}\n` +
        `[ccbell ${instance.name}] page: ${web.url}\n` +
        (app.phone
          ? `[ccbell ${instance.name}] phone approvals: ${app.phone.publicUrl} (endpoint on port ${app.phone.port})\n`
          : '') +
        (app.subjects && remoteConfig
          ? `[ccbell ${instance.name}] remote: ${app.subjects.approval} on ${remoteConfig.url.join(', ')}\n`
          : ''),
    );
    if (args.flags['no-open'] !== true) openInBrowser(web.url, env);

    if (command.length === 0) {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        // The terminal closed (a tmux pane killed, an ssh session dropped): end cleanly.
        process.once('SIGHUP', resolve);
      });
      return 0;
    }
    const launch = childLaunch(
      {
        command,
        runtimeId: identity.id,
        instance: instance.name,
        nodePath: process.execPath,
        cliPath: context.cliPath,
        approvalTimeoutSeconds: loaded.config.approvalTimeoutSeconds,
        hooksUrl: `${web.hooksUrl}?ccbell_instance=${encodeURIComponent(instance.name)}`,
      },
      env,
      hookToken,
    );
    logger.debug(`starting ${launch.file} for session(s) of ${identity.id}`);
    const child = spawn(launch.file, launch.args, {
      env: launch.env,
      stdio: terminalFree ? ['ignore', 'inherit', 'inherit'] : 'inherit',
    });
    // Ctrl-C reaches the child (same process group); the app ends when the child does.
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    const forward = () => child.kill('SIGTERM');
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    cleanups.push(() => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
    });
    const code = await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        context.stderr(`ccbell: cannot start ${launch.file}: ${error.message}\n`);
        resolve(1);
      });
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    if (!terminalFree) context.stderr(summaryOf(app.core, instance.name, logger.path));
    return code;
  } finally {
    await cleanup();
    // stdin may still be open for the terminal prompt; nothing else should keep the app alive.
    process.stdin.destroy();
  }
}

/** What the app did while an interactive child held the terminal, said once it is free again. */
function summaryOf(core: Core, instance: string, logPath: string): string {
  const items = core.desk.book.all();
  const count = (test: (item: (typeof items)[number]) => boolean) => items.filter(test).length;
  const parts = [
    `${count((item) => item.decision?.behavior === 'allow')} allowed`,
    `${count((item) => item.decision?.behavior === 'deny')} denied`,
    `${count((item) => item.settled?.by === 'claude-code')} answered in Claude Code`,
  ];
  return `[ccbell ${instance}] session over: ${items.length} request${items.length === 1 ? '' : 's'} (${parts.join(', ')}), ${core.feed.list().length} events; details in ${logPath}\n`;
}

function portOf(args: ParsedArgs, configured: number | undefined): number {
  return portFlag(args, { allowAny: true }) ?? configured ?? 0;
}
