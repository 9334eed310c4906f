import { spawn } from 'node:child_process';

/** Opens the page where there is a desktop to show it; quietly does nothing elsewhere. */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv) {
  const opener =
    process.platform === 'darwin' ? 'open' : env.DISPLAY || env.WAYLAND_DISPLAY ? 'xdg-open' : undefined;
  if (!opener) return;
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
