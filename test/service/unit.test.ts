// The unit files `ccbell service install` writes: key lines, quoting of odd paths, and the
// service managers' own checkers (systemd-analyze verify, plutil -lint) where they exist.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  carriedEnvironment,
  renderLaunchdPlist,
  renderSystemdUnit,
  SERVICE_FILE_MARKER,
  type ServiceSpec,
  serviceFilePath,
  systemdExecWord,
} from '../../src/service/index.js';

const root = mkdtempSync(join(tmpdir(), 'ccbell-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const spec = (over: Partial<ServiceSpec> = {}): ServiceSpec => ({
  instance: 'work',
  nodePath: '/usr/bin/node',
  cliPath: '/opt/ccbell/dist/ccbell.js',
  port: 17800,
  environment: {},
  ...over,
});

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

describe('the systemd user unit', () => {
  it('runs the app of the instance on its port, restarts it on failure, starts at login', () => {
    const unit = renderSystemdUnit(spec());
    const lines = unit.split('\n');
    expect(lines[0]).toContain(SERVICE_FILE_MARKER);
    expect(lines).toContain(
      'ExecStart=/usr/bin/node /opt/ccbell/dist/ccbell.js app --instance work --no-open --port 17800',
    );
    expect(lines).toContain('Restart=on-failure');
    expect(lines).toContain('WantedBy=default.target');
    // Loopback only: no network ordering, and nothing that would cut the app off the host's loopback.
    expect(unit).not.toMatch(/network|PrivateNetwork/);
  });

  it('quotes paths with spaces, quotes, backslashes, % and $ so systemd reads them back as written', () => {
    expect(systemdExecWord('/home/a b/ccbell.js')).toBe('"/home/a b/ccbell.js"');
    expect(systemdExecWord('/x/50%/$HOME')).toBe('"/x/50%%/$$HOME"');
    expect(systemdExecWord('/x/"q"\\y')).toBe('"/x/\\"q\\"\\\\y"');
    const unit = renderSystemdUnit(
      spec({ cliPath: '/home/a b/50%/ccbell.js', environment: { PATH: '/a b:/c%d' } }),
    );
    expect(unit).toContain('ExecStart=/usr/bin/node "/home/a b/50%%/ccbell.js" app');
    expect(unit).toContain('Environment="PATH=/a b:/c%%d"');
  });

  it('refuses a path with a line break, which would end the line', () => {
    expect(() => renderSystemdUnit(spec({ cliPath: '/x\n[Service]\nExecStartPre=/bin/evil' }))).toThrow(
      /line break/,
    );
    expect(() => renderSystemdUnit(spec({ environment: { PATH: '/a\nX=1' } }))).toThrow(/line break/);
  });

  it('carries the variables that place ccbell files and players, and only those', () => {
    const env = {
      CLAUDE_CONFIG_DIR: '/c',
      CCBELL_BUS_DIR: '/b',
      PATH: '/p',
      HOME: '/h',
      SECRET: 's',
      CCBELL_INSTANCE: 'x',
    };
    expect(carriedEnvironment(env)).toEqual({ CLAUDE_CONFIG_DIR: '/c', CCBELL_BUS_DIR: '/b', PATH: '/p' });
    const unit = renderSystemdUnit(spec({ environment: carriedEnvironment(env) }));
    expect(unit).toContain('Environment="CLAUDE_CONFIG_DIR=/c"');
    expect(unit).not.toContain('SECRET');
  });

  it.skipIf(!has('systemd-analyze'))('passes systemd-analyze verify, odd paths included', () => {
    // verify checks that ExecStart's program exists: the real node, and a CLI path with a space and a %.
    const dir = join(root, 'dist 50%');
    mkdirSync(dir, { recursive: true });
    const cli = join(dir, 'ccbell.js');
    writeFileSync(cli, '');
    chmodSync(cli, 0o755);
    const file = join(root, 'ccbell-my_work-2.service');
    writeFileSync(
      file,
      renderSystemdUnit(
        spec({
          instance: 'my_work-2',
          nodePath: process.execPath,
          cliPath: cli,
          environment: { PATH: '/usr/bin:/a "b"' },
        }),
      ),
    );
    const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!has('systemd-analyze'))(
    'is caught by systemd-analyze when it is broken (the check can fail)',
    () => {
      const file = join(root, 'ccbell-broken.service');
      writeFileSync(
        file,
        renderSystemdUnit(spec({ nodePath: process.execPath })).replace('--port 17800', '"--port 17800'),
      );
      const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      expect(result.stderr).toMatch(/quoting/i);
    },
  );
});

describe('the launchd agent', () => {
  it('has the label, the app arguments one per string, RunAtLoad and KeepAlive on failure', () => {
    const plist = renderLaunchdPlist(spec({ outputPath: '/h/.claude/ccbell-work-cache/service.log' }));
    expect(plist).toContain('<key>Label</key>\n  <string>dev.ccbell.work</string>');
    expect(plist).toContain(
      [
        '    <string>/usr/bin/node</string>',
        '    <string>/opt/ccbell/dist/ccbell.js</string>',
        '    <string>app</string>',
        '    <string>--instance</string>',
        '    <string>work</string>',
        '    <string>--no-open</string>',
        '    <string>--port</string>',
        '    <string>17800</string>',
      ].join('\n'),
    );
    expect(plist).toContain('<key>RunAtLoad</key>\n  <true/>');
    expect(plist).toContain('<key>KeepAlive</key>\n  <dict>\n    <key>SuccessfulExit</key>\n    <false/>');
    expect(plist).toContain(
      '<key>StandardErrorPath</key>\n  <string>/h/.claude/ccbell-work-cache/service.log</string>',
    );
    expect(plist).toContain(SERVICE_FILE_MARKER);
  });

  it('escapes XML in paths and values, and keeps "--" out of its comment (instance names may hold it)', () => {
    const plist = renderLaunchdPlist(
      spec({ instance: 'a--b', cliPath: '/Users/x y/<&>\'"/ccbell.js', environment: { PATH: '/a&b' } }),
    );
    expect(plist).toContain('<string>/Users/x y/&lt;&amp;&gt;&apos;&quot;/ccbell.js</string>');
    expect(plist).toContain('<key>PATH</key>\n    <string>/a&amp;b</string>');
    for (const comment of plist.match(/<!--([\s\S]*?)-->/g) ?? [])
      expect(comment.slice(4, -3)).not.toContain('--');
  });

  it.skipIf(!has('plutil'))('passes plutil -lint', () => {
    const file = join(root, 'dev.ccbell.work.plist');
    writeFileSync(
      file,
      renderLaunchdPlist(spec({ cliPath: '/Users/x y/<&>/ccbell.js', environment: { PATH: '/a&b' } })),
    );
    const result = spawnSync('plutil', ['-lint', file], { encoding: 'utf8' });
    expect(result.status).toBe(0);
  });
});

describe('where the unit file goes', () => {
  it("is systemd's user directory under XDG_CONFIG_HOME, else ~/.config; ~/Library/LaunchAgents on macOS", () => {
    expect(serviceFilePath('linux', 'work', { HOME: '/h', XDG_CONFIG_HOME: '/x' })).toBe(
      '/x/systemd/user/ccbell-work.service',
    );
    expect(serviceFilePath('linux', 'work', { HOME: '/h' })).toBe(
      '/h/.config/systemd/user/ccbell-work.service',
    );
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(serviceFilePath('linux', 'work', { HOME: '/h', XDG_CONFIG_HOME: 'rel' })).toBe(
      '/h/.config/systemd/user/ccbell-work.service',
    );
    expect(serviceFilePath('darwin', 'work', { HOME: '/h' })).toBe(
      '/h/Library/LaunchAgents/dev.ccbell.work.plist',
    );
  });
});
