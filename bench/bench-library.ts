/** Bump when the schema or the synthetic data change: cached indexes of another version are not reused. */
export const BENCH_DATA_VERSION = 4;
/** The owner whose 1,000,000 photos are searched; the other owner's 100,000 share the tables and indexes. */
export const OWNER_A = 'bench-owner-a';
export const OWNER_B = 'bench-owner-b';
