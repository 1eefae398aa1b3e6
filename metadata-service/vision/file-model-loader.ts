import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';

/**
 * tfjs-core only knows http(s) and browser storage; without tfjs-node (which cannot install offline) nothing
 * reads a `file://` model. This router reads model.json and its weight shards from disk, so models come from
 * node_modules and nothing is ever fetched.
 */
export function registerFileModelLoader(): void {
  if (registered) return;
  registered = true;
  // The router type says IOHandler, but tfjs treats a null answer as "not mine" (its own routers return null).
  tf.io.registerLoadRouter(
    (url) =>
      (typeof url === 'string' && url.startsWith('file://')
        ? fileModelHandler(fileURLToPath(url))
        : null) as tf.io.IOHandler,
  );
}

let registered = false;

function fileModelHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load() {
      const modelJson = JSON.parse(await readFile(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
      const folder = dirname(modelJsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const shards = await Promise.all(
          manifest.flatMap((group) => group.paths.map((path) => readFile(join(folder, path)))),
        );
        const buffers = shards.map((shard) =>
          shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),
        ) as ArrayBuffer[];
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      });
    },
  };
}
