import nock from 'nock';

/*
 * nock 14 activates itself on import and then routes every HTTP request of the mocha process through
 * @mswjs/interceptors' MockHttpSocket, mocked or not. Its passthrough of a real response can forward the socket's
 * close before the body's end, which Node reports as "Error: aborted" on a complete response
 * (mswjs/interceptors#794): the S3 suite, talking to a real s3rver, failed that way in CI. So interception is off
 * at import and on only while a suite that records outbound APIs runs. Import nock from here, never directly,
 * so this module is loaded whenever nock is.
 */
if (nock.isActive()) nock.restore();

/** Suites running with interception, so a nested suite's end does not switch it off for its parent. */
let interceptingSuites = 0;

/** Mocha hooks: nock intercepts outbound HTTP for this suite only, refusing any host not recorded. */
export function interceptOutboundHttp(): void {
  before(() => {
    interceptingSuites += 1;
    if (!nock.isActive()) nock.activate();
  });
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  after(() => {
    interceptingSuites -= 1;
    if (interceptingSuites === 0) nock.restore();
  });
}

export { nock };
