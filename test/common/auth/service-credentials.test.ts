import assert from 'node:assert/strict';
import { ServiceCredentials } from '../../../common/auth/service-credentials';

const A = 'a'.repeat(32);
const B = 'b'.repeat(40);

describe('service credentials', () => {
  it('reads SERVICE_TOKENS: the first is sent, every one is accepted (rotation)', () => {
    const services = ServiceCredentials.fromList(` ${B} , ${A},`);
    assert.equal(services.outgoing, B);
    assert.equal(services.accepts(A), true);
    assert.equal(services.accepts(B), true);
    assert.equal(services.accepts(`${A}x`), false);
    assert.equal(services.accepts(A.slice(1)), false);
    assert.equal(services.accepts(''), false);
  });

  it('accepts nothing and sends nothing when none is configured', () => {
    const none = ServiceCredentials.fromList(undefined);
    assert.equal(none.outgoing, undefined);
    assert.equal(none.accepts(A), false);
  });

  it('refuses a guessable (short) token at startup', () => {
    assert.throws(() => ServiceCredentials.fromList('short-token'), /at least 32 characters/);
  });
});
