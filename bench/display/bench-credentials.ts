/** The service credential the display bench's server accepts and its clients send (/v1 needs one, issue 12). */
export const BENCH_SERVICE_TOKEN = 'bench-display-service-token-0123456789abcdef';
