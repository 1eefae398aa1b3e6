import { LRUCache } from 'lru-cache';
import type { PhotoRepository } from '../repositories/photo-repository';
import { loadOwnerTextContext, type OwnerTextContext } from './owner-text-context';

/** Owners whose text context is kept; a context is a few hundred names, tens of kilobytes. */
const DEFAULT_MAX_OWNERS = 256;

interface KeptContext {
  generation: number;
  context: Promise<OwnerTextContext>;
}

/**
 * Each owner's text context, read once and reused while their library generation (migration 0018) is the one it
 * was read at. The generation lives in the database and every write bumps it in its own transaction, so a write
 * made by another library process or worker is seen on the next request, as by this one: one primary-key read per
 * request instead of the ~18 statements of a fresh read (issue 16: 30-40 ms at a million photos).
 * The generation is read before the context: a write landing in between leaves the context newer than the
 * generation it is kept under, and the next request reads it again; the other order could keep a stale one.
 */
export class OwnerTextContexts {
  private readonly kept: LRUCache<string, KeptContext>;

  constructor(
    private readonly repository: PhotoRepository,
    options: { maxOwners?: number } = {},
  ) {
    this.kept = new LRUCache<string, KeptContext>({ max: options.maxOwners ?? DEFAULT_MAX_OWNERS });
  }

  async get(ownerId: string): Promise<OwnerTextContext> {
    const generation = await this.repository.libraryGeneration(ownerId);
    const kept = this.kept.get(ownerId);
    if (kept !== undefined && kept.generation === generation) return kept.context;
    const fresh: KeptContext = { generation, context: loadOwnerTextContext(this.repository, ownerId) };
    // A slower request that read an older generation never replaces a newer entry.
    if (kept === undefined || kept.generation < generation) {
      this.kept.set(ownerId, fresh);
      // A failed read is not kept: the next request tries again (the caller still gets the error).
      fresh.context.catch(() => {
        if (this.kept.get(ownerId) === fresh) this.kept.delete(ownerId);
      });
    }
    return fresh.context;
  }
}
