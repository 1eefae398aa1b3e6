import assert from 'node:assert/strict';
import { allowedHostNames, hostNameOf } from '../../server/host-check';

describe('server/host-check', () => {
  it('allows loopback names, the public host and a specific listen address', () => {
    assert.deepEqual(
      [...allowedHostNames({ publicBaseUrl: 'https://Photos.Example.com', host: '127.0.0.1' })].sort(),
      ['127.0.0.1', '[::1]', 'localhost', 'photos.example.com'],
    );
    assert.ok(allowedHostNames({ publicBaseUrl: undefined, host: '192.168.1.20' }).has('192.168.1.20'));
    assert.ok(allowedHostNames({ publicBaseUrl: undefined, host: 'fd00::2' }).has('[fd00::2]'));
    // "Any address" is not a name anybody uses: it allows nothing by itself.
    assert.deepEqual(allowedHostNames({ publicBaseUrl: undefined, host: '0.0.0.0' }).size, 3);
    assert.deepEqual(allowedHostNames({ publicBaseUrl: undefined, host: '::' }).size, 3);
  });

  it('reads the host name of a Host header, and refuses anything URL syntax would read differently', () => {
    assert.equal(hostNameOf('localhost:8080'), 'localhost');
    assert.equal(hostNameOf('LOCALHOST'), 'localhost');
    assert.equal(hostNameOf('[::1]:8080'), '[::1]');
    assert.equal(hostNameOf('photos.example.com'), 'photos.example.com');
    for (const header of [
      undefined,
      '',
      'evil@localhost',
      'localhost/x',
      'localhost?x',
      'local host',
      'a\\b',
    ]) {
      assert.equal(hostNameOf(header), undefined, String(header));
    }
  });
});
