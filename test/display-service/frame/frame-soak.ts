/**
 * `npm run soak [-- --minutes 10] [--interval 1]`: runs the web frame in chromium against an in-process stack for a
 * while at a short interval, and reports the page's JS heap and DOM node counts (Chrome DevTools Protocol metrics,
 * after a forced garbage collection) at the start and the end, with photos shown and any broken image seen.
 */
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './helpers/chromium';
import { FrameStack } from './helpers/frame-stack';

interface Sample {
  heapUsedMb: number;
  nodes: number;
  listeners: number;
  documents: number;
  shown: number;
  position: number;
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
  const state = await page.evaluate(() =>
    (window as { photoFrame?: { state?: () => { shown: number; position: number } } }).photoFrame?.state?.(),
  );
  return {
    heapUsedMb: Math.round((metric('JSHeapUsedSize') / 1024 / 1024) * 100) / 100,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
    shown: state?.shown ?? 0,
    position: state?.position ?? -1,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, interval: { type: 'string', default: '1' } },
  });
  const minutes = Number(values.minutes);
  const interval = Number(values.interval);
  const { path, reason } = chromiumPath();
  if (!path) throw new Error(reason);
  const [stack, browser] = await Promise.all([FrameStack.start(48), launchChromium(path)]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${stack.url}/frame?interval=${interval}`);
    await page.waitForFunction(
      () =>
        ((window as { photoFrame?: { state?: () => { shown: number } } }).photoFrame?.state?.().shown ?? 0) >
        0,
    );
    // A minute's warm-up (or a tenth of the run): caches fill, the JIT settles.
    await page.waitForTimeout(Math.min(60_000, minutes * 6000));
    const start = await sample(page, cdp);
    const until = Date.now() + minutes * 60_000;
    let broken = 0;
    let checks = 0;
    while (Date.now() < until) {
      broken += await page.evaluate(
        () =>
          Array.from(document.querySelectorAll<HTMLImageElement>('.slide img')).filter(
            (i) => !i.complete || i.naturalWidth === 0,
          ).length,
      );
      checks++;
      await page.waitForTimeout(1000);
    }
    const end = await sample(page, cdp);
    const rows = (Object.keys(start) as (keyof Sample)[]).map(
      (key) => `  ${key.padEnd(11)} ${String(start[key]).padStart(10)} ${String(end[key]).padStart(10)}`,
    );
    process.stdout.write(
      [
        `web frame soak: ${minutes} min at ${interval} s per photo (after warm-up)`,
        `  ${'metric'.padEnd(11)} ${'start'.padStart(10)} ${'end'.padStart(10)}`,
        ...rows,
        `  photos shown during the run: ${end.shown - start.shown}; broken images seen in ${checks} checks: ${broken}`,
        '',
      ].join('\n'),
    );
    if (broken > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
