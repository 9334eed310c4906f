// How short-lived tools (`pending`, `answer`, the PermissionRequest hook) reach an instance's
// app: its PID file names its runtime id, and the runtime id names its channels.
import { channelsFor, runtimeIdFromEnv } from '../approval/identity.js';
import { busDirectory, request } from '../bus/index.js';
import { EnvironmentError } from '../errors.js';
import { type AppRecord, type InstanceConfig, readRunningApp } from '../instance/index.js';
import type { ControlRequest } from '../protocol/index.js';

/** The runtime id of the app to talk to: the one that launched this session, else the instance's. */
export function locateApp(
  instance: InstanceConfig,
  env: NodeJS.ProcessEnv,
): { runtimeId: string; record?: AppRecord } | undefined {
  const fromEnv = runtimeIdFromEnv(env);
  if (fromEnv) return { runtimeId: fromEnv };
  const record = readRunningApp(instance.pid_path);
  return record ? { runtimeId: record.runtimeId, record } : undefined;
}

/** Sends one control operation to the instance's running app and returns its reply. */
export async function askApp(
  instance: InstanceConfig,
  env: NodeJS.ProcessEnv,
  control: ControlRequest,
): Promise<unknown> {
  const record = readRunningApp(instance.pid_path);
  if (!record)
    throw new EnvironmentError(
      `no app of instance "${instance.name}" is running (start it with "ccbell app --instance ${instance.name}")`,
    );
  return request(channelsFor(record.runtimeId).control, control, { timeoutMs: 5000, dir: busDirectory(env) });
}
