import type { OriginalReader } from '../vision/original-reader';
import { clusterOwnerFaces, type ClusteringSummary } from './cluster-people';
import { renderFaceCrop } from './face-crop';
import type { FaceRecord, PeopleRepository, PersonRecord } from './people-repository';

/**
 * People built from faces: clustering after each vision pass, naming and hiding, faces of a photo, a person's
 * picture. Clustering and naming of one owner never interleave (one process serialises them per owner).
 */
export class PeopleService {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repository: PeopleRepository,
    private readonly originals: OriginalReader,
    private readonly threshold?: number,
  ) {}

  cluster(ownerId: string): Promise<ClusteringSummary> {
    return this.exclusive(ownerId, () => clusterOwnerFaces(this.repository, ownerId, this.threshold));
  }

  list(ownerId: string): Promise<PersonRecord[]> {
    return this.repository.listPeople(ownerId);
  }

  get(ownerId: string, personId: string): Promise<PersonRecord | undefined> {
    return this.repository.getPerson(ownerId, personId);
  }

  /** The person's id afterwards (naming may merge it into the person who has that name); undefined if unknown. */
  update(
    ownerId: string,
    personId: string,
    update: { name?: string; hidden?: boolean },
  ): Promise<string | undefined> {
    return this.exclusive(ownerId, () => this.repository.updatePerson(ownerId, personId, update));
  }

  facesInPhoto(ownerId: string, photoId: string): Promise<FaceRecord[] | undefined> {
    return this.repository.facesInPhoto(ownerId, photoId);
  }

  /** A small square JPEG of the person's most typical face, cut from its original; undefined without faces. */
  async faceImage(ownerId: string, personId: string): Promise<Buffer | undefined> {
    const cover = await this.repository.coverFace(ownerId, personId);
    if (!cover) return undefined;
    return renderFaceCrop(await this.originals.read(cover.uri), cover.mediaType, cover.box);
  }

  private exclusive<T>(ownerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(ownerId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(ownerId, settled);
    void settled.then(() => {
      if (this.locks.get(ownerId) === settled) this.locks.delete(ownerId);
    });
    return next;
  }
}
