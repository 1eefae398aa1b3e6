import type { OriginalReader } from '../vision/original-reader';
import { clusterOwnerFaces, type ClusteringSummary } from './cluster-people';
import { renderFaceCrop } from './face-crop';
import { answersFor, type FaceDecision } from './face-decisions-repository';
import type { FaceRecord, PeopleRepository, PersonRecord } from './people-repository';
import { suggestFaces, type FaceSuggestion } from './person-suggestions';

/** "Is this X?" for a person: the doubtful faces, or why there are none to ask about. */
export type SuggestionsOutcome =
  { kind: 'suggestions'; suggestions: FaceSuggestion[] } | { kind: 'no-person' } | { kind: 'not-named' };

/** The owner's answer to one suggestion, applied: the person after, or what was missing. */
export type AnswerOutcome =
  | { kind: 'answered'; person: PersonRecord }
  | { kind: 'no-person' }
  | { kind: 'not-named' }
  | { kind: 'no-face' };

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
    return this.exclusive(ownerId, () => this.clusterNow(ownerId, false));
  }

  list(ownerId: string): Promise<PersonRecord[]> {
    return this.repository.listPeople(ownerId);
  }

  get(ownerId: string, personId: string): Promise<PersonRecord | undefined> {
    return this.repository.getPerson(ownerId, personId);
  }

  /**
   * The person's id afterwards (naming may merge it into the person who has that name); undefined if unknown.
   * Naming re-clusters: the named person's faces now attract the clusters near them (NAMED_PERSON_THRESHOLD).
   */
  update(
    ownerId: string,
    personId: string,
    update: { name?: string; hidden?: boolean },
  ): Promise<string | undefined> {
    return this.exclusive(ownerId, async () => {
      const id = await this.repository.updatePerson(ownerId, personId, update);
      if (id !== undefined && update.name !== undefined) await this.clusterNow(ownerId, true);
      return id;
    });
  }

  /** Faces that may be this named person but are not in them yet, closest first ("is this X?"). */
  suggestions(ownerId: string, personId: string): Promise<SuggestionsOutcome> {
    return this.exclusive(ownerId, async () => {
      const person = await this.repository.getPerson(ownerId, personId);
      if (!person) return { kind: 'no-person' };
      if (person.name === null) return { kind: 'not-named' };
      const [state, decisions] = await Promise.all([
        this.repository.clusteringState(ownerId),
        this.repository.decisions().decisionsOf(ownerId),
      ]);
      const refused = answersFor(state.faces, decisions).refused;
      const faces = state.faces.flatMap((face) =>
        face.descriptor === undefined ? [] : [{ ...face, descriptor: face.descriptor }],
      );
      const refusedHere = new Set(faces.filter((f) => refused.get(f.id)?.has(personId)).map((f) => f.id));
      return {
        kind: 'suggestions',
        suggestions: suggestFaces({ personId, faces, named: state.named, refused: refusedHere }),
      };
    });
  }

  /** "Is this X?" answered: remembered, and the face joins X (yes) or leaves X for good (no). */
  answer(ownerId: string, personId: string, faceId: string, decision: FaceDecision): Promise<AnswerOutcome> {
    return this.exclusive(ownerId, async () => {
      const person = await this.repository.getPerson(ownerId, personId);
      if (!person) return { kind: 'no-person' };
      if (person.name === null) return { kind: 'not-named' };
      const outcome = await this.repository
        .decisions()
        .decide(ownerId, personId, faceId, decision, new Date().toISOString());
      if (outcome === 'no-face') return { kind: 'no-face' };
      await this.clusterNow(ownerId, true);
      const after = await this.repository.getPerson(ownerId, personId);
      return after ? { kind: 'answered', person: after } : { kind: 'no-person' };
    });
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

  private async clusterNow(ownerId: string, force: boolean): Promise<ClusteringSummary> {
    const decisions = await this.repository.decisions().decisionsOf(ownerId);
    return clusterOwnerFaces(this.repository, ownerId, { threshold: this.threshold, decisions, force });
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
