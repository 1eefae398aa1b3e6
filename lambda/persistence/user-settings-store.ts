/**
 * Where per-user settings live. The shape of ask-sdk's PersistenceAdapter (get/save/delete attributes), but keyed by
 * the library owner id the identity interceptor resolved, not by the request envelope: a linked account keeps its
 * settings across devices, and a recognised speaker (person-level owner) has their own.
 *
 * Stores keep attributes as an opaque record; `parseStoredSettings` decides what they mean when read.
 */
export interface UserSettingsStore {
  /** The owner's stored attributes; `{}` when nothing was stored (or what was stored is unreadable). */
  getAttributes(ownerId: string): Promise<Record<string, unknown>>;
  /** Replaces the owner's attributes. */
  saveAttributes(ownerId: string, attributes: Record<string, unknown>): Promise<void>;
  deleteAttributes(ownerId: string): Promise<void>;
}

/** A store that holds a connection: the composition root closes it on shutdown. */
export interface ClosableUserSettingsStore extends UserSettingsStore {
  close(): Promise<void>;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
