import type { Kysely } from 'kysely';
import type { LibraryApi } from '../../common/clients/library-client';
import { answerNothingFound, nothingFoundSentence } from '../../common/answers/nothing-found-answer';
import { photoQuerySchema, type PhotoQuery } from '../../common/contracts';
import type { DisplayDatabase } from '../database/schema';
import { DEFAULT_CLIP_SHARE_PERCENT } from '../slideshows/ambient/clip-share';
import { frameErrors } from '../frame/server/frame-errors';
import type { FrameProfile, FrameProfileSettings, FrameShows } from './frame-profile';
import { FrameProfileRepository } from './frame-profile-repository';
import { listOwnerFrames, type OwnerFrame } from './owner-frames';

/** One of the owner's frames with its profile (null: none saved, the frame's own settings apply). */
export interface OwnerFrameView extends OwnerFrame {
  profile: FrameProfile | null;
}

/**
 * Per-frame profiles (issue 15.4): the owner sets what each frame shows and how; the web frame and the skill's
 * ambient mode on an Echo Show read the same stored profile for their device id.
 */
export class FrameProfiles {
  private readonly repository: FrameProfileRepository;

  constructor(
    private readonly db: Kysely<DisplayDatabase>,
    private readonly library: LibraryApi,
    private readonly now: () => number,
    /** Clips' share of an ambient frame whose profile does not set one (AMBIENT_CLIP_SHARE), in percent. */
    readonly defaultClipSharePercent: number = DEFAULT_CLIP_SHARE_PERCENT,
  ) {
    this.repository = new FrameProfileRepository(db);
  }

  find(ownerId: string, deviceId: string): Promise<FrameProfile | undefined> {
    return this.repository.find(ownerId, deviceId);
  }

  /** What the device's ambient frame shows: its profile's selection, or null for the whole library. */
  async selectionFor(ownerId: string, deviceId: string): Promise<PhotoQuery | null> {
    return (await this.repository.find(ownerId, deviceId))?.selection ?? null;
  }

  /** The share of the device's ambient items that are clips, in percent: its profile's, else the default. */
  async clipShareFor(ownerId: string, deviceId: string): Promise<number> {
    const profile = await this.repository.find(ownerId, deviceId);
    return profile?.clipSharePercent ?? this.defaultClipSharePercent;
  }

  async listFrames(ownerId: string): Promise<OwnerFrameView[]> {
    const [frames, profiles] = await Promise.all([
      listOwnerFrames(this.db, ownerId),
      this.repository.listForOwner(ownerId),
    ]);
    const byDevice = new Map(profiles.map((profile) => [profile.deviceId, profile]));
    return frames.map((frame) => ({ ...frame, profile: byDevice.get(frame.deviceId) ?? null }));
  }

  /**
   * Saves a frame's profile. The frame must be one of the owner's (else 404 FRAME_NOT_FOUND, the same answer as
   * for a frame that does not exist); what it shows is read against the library now and refused when it finds
   * nothing, as the frame and the skill refuse such text: a frame never silently shows something else.
   */
  async save(
    ownerId: string,
    deviceId: string,
    settings: FrameProfileSettings,
    timeZone: string | undefined,
  ): Promise<FrameProfile> {
    const frames = await listOwnerFrames(this.db, ownerId);
    if (!frames.some((frame) => frame.deviceId === deviceId)) throw frameErrors.frameNotFound();
    const { selection, showsText } = await this.resolve(ownerId, settings.shows, timeZone);
    return this.repository.save(ownerId, { ...settings, deviceId, selection, showsText }, this.now());
  }

  /** Forgets a frame's profile (its own settings apply again); false when it had none. */
  remove(ownerId: string, deviceId: string): Promise<boolean> {
    return this.repository.remove(ownerId, deviceId);
  }

  private async resolve(
    ownerId: string,
    shows: FrameShows,
    timeZone: string | undefined,
  ): Promise<{ selection: PhotoQuery | null; showsText: string }> {
    switch (shows.kind) {
      case 'everything':
        return { selection: null, showsText: 'The whole library' };
      case 'favourites':
        return this.checked(ownerId, { favoritesOnly: true }, 'Favourites');
      case 'person': {
        const name = (await this.library.vocabulary(ownerId)).people.find(
          (p) => p.id === shows.personId,
        )?.name;
        return this.checked(
          ownerId,
          { people: [shows.personId] },
          `Photos of ${name ?? 'an unnamed person'}`,
        );
      }
      case 'album': {
        const name = (await this.library.vocabulary(ownerId)).albums.find(
          (a) => a.id === shows.albumId,
        )?.name;
        if (name === undefined) throw frameErrors.noMatchingPhotos('No album of this library has that id');
        return this.checked(ownerId, { albums: [shows.albumId] }, `Album “${name}”`);
      }
      case 'query': {
        const reading = await this.library.search(ownerId, {
          q: shows.q,
          limit: 0,
          ...(timeZone === undefined ? {} : { timeZone }),
          reference: new Date(this.now()).toISOString(),
        });
        if (reading.total === 0) {
          const answer = reading.nothingFound
            ? nothingFoundSentence(
                answerNothingFound(reading.nothingFound, { text: shows.q, understood: reading.understood }),
              )
            : undefined;
          throw frameErrors.noMatchingPhotos(answer);
        }
        if (!reading.query || (reading.understood ?? []).length === 0) throw frameErrors.textNotUnderstood();
        return { selection: photoQuerySchema.parse(reading.query), showsText: `“${shows.q}”` };
      }
    }
  }

  /** A person, album or favourites that has no photo to show is refused like text that finds nothing. */
  private async checked(
    ownerId: string,
    filter: Partial<PhotoQuery>,
    showsText: string,
  ): Promise<{ selection: PhotoQuery; showsText: string }> {
    const selection = photoQuerySchema.parse(filter);
    const { total } = await this.library.search(ownerId, { query: selection, limit: 0 });
    if (total === 0) throw frameErrors.noMatchingPhotos(`${showsText}: no photos to show`);
    return { selection, showsText };
  }
}
