import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/index';

/** Drives the exported Lambda handler exactly as the Lambda runtime does (event, context, callback). */
export function invokeLambda(event: RequestEnvelope): Promise<ResponseEnvelope> {
  return new Promise((resolve, reject) => {
    const result = handler(event, {}, (error, response) =>
      error ? reject(error) : resolve(response as ResponseEnvelope),
    );
    void Promise.resolve(result).catch(reject);
  });
}
