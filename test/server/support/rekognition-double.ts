import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RekognitionClient } from '@aws-sdk/client-rekognition';

/**
 * Rekognition's JSON protocol (awsJson1_1: POST /, `x-amz-target: RekognitionService.<Operation>`) on a local
 * port, with response bodies shaped as the API reference documents them, so the embedded stack's vision jobs run
 * the real provider and SDK without AWS. `decide` picks, per DetectLabels/IndexFaces call, an answer or an error.
 */
export interface RekognitionCall {
  operation: string;
  /** IndexFaces' ExternalImageId: the photo id. */
  photoId?: string;
}

export type Decision = 'ok' | 'fail';

export class RekognitionDouble {
  readonly calls: RekognitionCall[] = [];
  private server: Server | undefined;

  constructor(
    private readonly decide: (call: RekognitionCall, calls: readonly RekognitionCall[]) => Decision = () =>
      'ok',
    private readonly delayMs = 0,
  ) {}

  async start(): Promise<RekognitionClient> {
    this.server = createServer((req, res) => {
      void body(req).then(async (text) => {
        const operation = String(req.headers['x-amz-target'] ?? '').replace('RekognitionService.', '');
        const request = JSON.parse(text || '{}') as { ExternalImageId?: string };
        const call: RekognitionCall = { operation, photoId: request.ExternalImageId };
        this.calls.push(call);
        if (this.delayMs > 0 && operation === 'DetectLabels') {
          await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        }
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        if (this.decide(call, this.calls) === 'fail') {
          res.statusCode = 400;
          res.setHeader('x-amzn-errortype', 'InvalidParameterException');
          res.end(
            JSON.stringify({ __type: 'InvalidParameterException', Message: 'Request has invalid image' }),
          );
          return;
        }
        res.end(JSON.stringify(answerTo(operation)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return new RekognitionClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      maxAttempts: 1,
    });
  }

  count(operation: string): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function answerTo(operation: string): object {
  if (operation === 'CreateCollection') {
    return {
      StatusCode: 200,
      CollectionArn: 'aws:rekognition:us-east-1:000000000000:collection/pf',
      FaceModelVersion: '7.0',
    };
  }
  if (operation === 'DetectLabels') {
    return {
      Labels: [
        {
          Name: 'Dog',
          Confidence: 96.4,
          Instances: [{ BoundingBox: { Width: 0.5, Height: 0.6, Left: 0.1, Top: 0.3 }, Confidence: 96.4 }],
          Parents: [{ Name: 'Animal' }, { Name: 'Mammal' }, { Name: 'Pet' }],
          Aliases: [],
          Categories: [{ Name: 'Animals and Pets' }],
        },
      ],
      LabelModelVersion: '3.0',
    };
  }
  if (operation === 'IndexFaces') return { FaceRecords: [], UnindexedFaces: [], FaceModelVersion: '7.0' };
  return {};
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
