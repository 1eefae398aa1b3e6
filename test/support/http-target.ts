import type { RequestOptions } from 'node:http';

/**
 * A URL as node:http's options object. Tests that call node:http directly (to send their own Host header, which
 * fetch will not) must use the options-only form: virtual-alexa bundles nock 9, which replaces http.get/request
 * process-wide once its test file is loaded, and its replacement rejects the (url, options, callback) form.
 */
export function httpTarget(url: string): Pick<RequestOptions, 'hostname' | 'port' | 'path'> {
  const parsed = new URL(url);
  return {
    hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port,
    path: `${parsed.pathname}${parsed.search}`,
  };
}
