import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..');
export const LAMBDA_ENTRY = join(ROOT, 'lambda', 'index.ts');
export const LAMBDA_BUILD_DIR = join(ROOT, 'build', 'lambda');

/**
 * Bundles the skill into one CommonJS file with every dependency inlined, so the deployed folder needs no
 * `npm install`: ask-cli's nodejs-npm build flow finds a package.json without dependencies and just zips it.
 */
export async function buildLambdaBundle(outDir = LAMBDA_BUILD_DIR): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [LAMBDA_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
  const manifest = {
    name: 'photo-frame-skill',
    version: '0.1.0',
    private: true,
    description: 'Photo Frame Alexa skill, bundled by scripts/build-lambda.ts (dependencies are inlined)',
    main: 'index.js',
  };
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return outfile;
}

if (require.main === module) {
  buildLambdaBundle().then(
    (outfile) => process.stdout.write(`Built ${outfile}\n`),
    (error: unknown) => {
      process.stderr.write(
        `Lambda build failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
