import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for Debian's chromium in a container (reference/dependencies.md section 9). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where chromium is: CHROMIUM_PATH (CI sets it and must then run these tests), else Debian's /usr/bin/chromium.
 * Undefined when neither exists, with the reason to skip.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): { path?: string; reason?: string } {
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} does not exist`);
    return { path: wanted };
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  if (env.CI)
    throw new Error('CI must run the browser tests: install chromium (.ci/run) or set CHROMIUM_PATH');
  return { reason: 'chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)' };
}

/** `extraArgs`, e.g. `--host-resolver-rules=MAP photos.example 127.0.0.1` to reach the stack by another name. */
export function launchChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
