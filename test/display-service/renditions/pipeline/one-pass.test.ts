import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { isAppError } from '../../../../common/errors';
import { DEFAULT_RENDITION_LIMITS } from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { DEFAULT_FORMAT_SETTINGS } from '../../../../display-service/renditions/output-formats';
import { compose } from '../../../../display-service/renditions/pipeline/compose';
import type {
  FaceBox,
  RenditionContext,
  RenditionJob,
  RenditionStage,
} from '../../../../display-service/renditions/pipeline/context';
import { decode } from '../../../../display-service/renditions/pipeline/decode';
import { decodeHeicSources } from '../../../../display-service/renditions/pipeline/decode-heic';
import { encode } from '../../../../display-service/renditions/pipeline/encode';
import { loadSource } from '../../../../display-service/renditions/pipeline/load-source';
import { onePass } from '../../../../display-service/renditions/pipeline/one-pass';
import { probeSource } from '../../../../display-service/renditions/pipeline/probe-source';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';
import { HEIC_SAMPLE, sceneSvg } from '../../../metadata-service/fixtures/images';
import { makeTempDir } from '../../helpers/image-fixtures';

type Size = { width: number; height: number };
const ECHO_SHOW_8 = { width: 1280, height: 800 };

/** A photo-like JPEG (gradients and shapes) of `size`. */
function sceneJpeg(size: Size): Promise<Buffer> {
  return sharp(Buffer.from(sceneSvg('harbour', size.width, size.height)))
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function pixelsOf(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('renditions/pipeline/one-pass', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  const deps = {
    originals: new LocalFileOriginalStore(),
    limits: DEFAULT_RENDITION_LIMITS,
    formats: DEFAULT_FORMAT_SETTINGS,
  };
  let written = 0;
  const fileWith = async (bytes: Buffer, extension = 'jpg'): Promise<string> => {
    const file = join(dir, `photo-${written++}.${extension}`);
    await writeFile(file, bytes);
    return file;
  };
  const jobFor = (
    files: string[],
    screen: Size = ECHO_SHOW_8,
    composition: RenditionJob['composition'] = 'contain',
    faces?: FaceBox[][],
  ): RenditionJob => ({
    sourceUris: files.map((file) => pathToFileURL(file).href),
    ...screen,
    shape: 'RECTANGLE',
    composition,
    format: 'jpeg',
    ...(faces ? { faces } : {}),
  });
  async function run(job: RenditionJob, stages: readonly RenditionStage[]): Promise<RenditionContext> {
    const context: RenditionContext = { job, ...deps, signal: new AbortController().signal };
    for (const stage of stages) await stage.run(context);
    return context;
  }
  const takesOnePass = async (job: RenditionJob) =>
    (await run(job, [loadSource, probeSource, decodeHeicSources, onePass])).onePass === true;
  /** The rendition the two passes make (decode, compose, encode), whatever the photo. */
  async function twoPasses(job: RenditionJob): Promise<Buffer> {
    const { output } = await run(job, [loadSource, probeSource, decodeHeicSources, decode, compose, encode]);
    assert.ok(output);
    return output;
  }

  it('renders a screen one photo fills in one pass, to the very pixels of two passes', async () => {
    const cases: [string, RenditionJob][] = [
      // 3:2 on 16:10: a contain screen crops a photo this close to its shape (centred).
      [
        'a 3:2 photo on an Echo Show 8',
        jobFor([await fileWith(await sceneJpeg({ width: 2400, height: 1600 }))]),
      ],
      // A cover screen crops a portrait photo to landscape: where the attention strategy, or the faces, say.
      [
        'a portrait photo covering a landscape screen',
        jobFor([await fileWith(await sceneJpeg({ width: 1500, height: 2000 }))], ECHO_SHOW_8, 'cover'),
      ],
      [
        'a portrait photo covering a landscape screen, around its faces',
        jobFor([await fileWith(await sceneJpeg({ width: 1500, height: 2000 }))], ECHO_SHOW_8, 'cover', [
          [{ left: 0.4, top: 0.1, width: 0.2, height: 0.1 }],
        ]),
      ],
      [
        'a 16:9 photo on a Full HD TV',
        jobFor([await fileWith(await sceneJpeg({ width: 3840, height: 2160 }))], {
          width: 1920,
          height: 1080,
        }),
      ],
    ];
    for (const [what, job] of cases) {
      assert.equal(await takesOnePass(job), true, what);
      const [one, two] = await Promise.all([
        renderRendition(job, deps).then(pixelsOf),
        twoPasses(job).then(pixelsOf),
      ]);
      assert.deepEqual([one.width, one.height], [job.width, job.height], what);
      assert.ok(one.data.equals(two.data), `${what}: the same pixels`);
    }
  });

  it('takes two passes for everything else, and renders those at the screen size', async () => {
    const scene = await sceneJpeg({ width: 2000, height: 1500 });
    const cases: [string, RenditionJob][] = [
      ['a 4:3 photo shown whole on its fill', jobFor([await fileWith(scene)])],
      ['an enlarged photo', jobFor([await fileWith(await sceneJpeg({ width: 1000, height: 625 }))])],
      [
        'a photo with alpha',
        jobFor([
          await fileWith(await sharp(scene).resize(2400, 1500).ensureAlpha(0.5).png().toBuffer(), 'png'),
        ]),
      ],
      ['a pair', jobFor([await fileWith(scene), await fileWith(scene)], ECHO_SHOW_8, 'pair')],
      [
        'a HEIC photo (decoded by the wasm libheif)',
        jobFor([HEIC_SAMPLE], { width: 960, height: 480 }, 'cover'),
      ],
    ];
    for (const [what, job] of cases) {
      assert.equal(await takesOnePass(job), false, what);
      const rendered = await pixelsOf(await renderRendition(job, deps));
      assert.deepEqual([rendered.width, rendered.height], [job.width, job.height], what);
    }
  });

  it('answers 422 SOURCE_UNREADABLE for a photo whose scan is cut off, decoded as it is encoded', async () => {
    const whole = await sceneJpeg({ width: 2400, height: 1600 });
    const job = jobFor([await fileWith(whole.subarray(0, Math.floor(whole.length * 0.6)))]);
    assert.equal(await takesOnePass(job), true);
    try {
      await renderRendition(job, deps);
      assert.fail('a cut-off photo rendered');
    } catch (error) {
      assert.ok(isAppError(error), String(error));
      assert.equal(`${error.status} ${error.code}`, '422 SOURCE_UNREADABLE');
    }
  });
});
