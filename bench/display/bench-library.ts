import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LibraryApi } from '../../common/clients/library-client';
import {
  photoFlagsSchema,
  type PhotoCaptionFacts,
  type PhotoFacts,
  type Person,
  type PhotoFaces,
  type PhotoFlags,
  type PhotoSummary,
  type SearchRequest,
  type SearchResponse,
  type Vocabulary,
} from '../../common/contracts';
import { AppError } from '../../common/errors';
import { barePhotoFacts } from '../../test/support/bare-photo-facts';

/**
 * A fixed library for the bench: `copies` photos per original file, each with its own content hash, so every
 * photo is a distinct (cold) rendition while the bench needs only a few large files on disk. Every query matches
 * every photo that is not hidden, in a fixed order; cursors are positions in that order.
 */
export class BenchLibrary implements LibraryApi {
  readonly photos: PhotoSummary[];
  private readonly hidden = new Set<string>();

  constructor(files: readonly string[], copies: number, size: { width: number; height: number }) {
    this.photos = [];
    for (let copy = 0; copy < copies; copy++) {
      files.forEach((file, index) => {
        const id = `bench_${copy}_${index}`;
        this.photos.push({
          id,
          takenLocal: `2026-07-${String(1 + (this.photos.length % 28)).padStart(2, '0')}T10:00:00`,
          width: size.width,
          height: size.height,
          orientation: 1,
          source: {
            path: file,
            uri: pathToFileURL(file).href,
            contentHash: createHash('sha256').update(id).digest('hex'),
            bytes: 1,
          },
        });
      });
    }
  }

  search(_ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    const visible = this.photos.filter((photo) => !this.hidden.has(photo.id));
    const offset = request.cursor === undefined ? (request.offset ?? 0) : Number(request.cursor);
    const limit = request.limit ?? 100;
    const end = offset + limit;
    return Promise.resolve({
      total: visible.length,
      span: null,
      photos: visible.slice(offset, end),
      ...(end < visible.length ? { nextCursor: String(end) } : {}),
    });
  }

  getPhoto(_ownerId: string, photoId: string): Promise<PhotoFacts> {
    const photo = this.find(photoId);
    if (!photo) return Promise.reject(notFound());
    return Promise.resolve({ ...barePhotoFacts(photo), hidden: this.hidden.has(photoId) });
  }

  describePhotos(_ownerId: string, photoIds: readonly string[]): Promise<PhotoCaptionFacts[]> {
    return Promise.resolve(
      photoIds.flatMap((id) => {
        const photo = this.find(id);
        return photo ? [{ id, takenLocal: photo.takenLocal, place: null, people: [] }] : [];
      }),
    );
  }

  async setPhotoFlags(ownerId: string, photoId: string, flags: PhotoFlags): Promise<PhotoFacts> {
    const { hidden } = photoFlagsSchema.parse(flags);
    if (!this.find(photoId)) throw notFound();
    if (hidden === true) this.hidden.add(photoId);
    if (hidden === false) this.hidden.delete(photoId);
    return this.getPhoto(ownerId, photoId);
  }

  vocabulary(): Promise<Vocabulary> {
    return Promise.resolve({ people: [], albums: [], labels: [] });
  }

  /** The bench's generated photos have no faces, so no people to name. */
  facesInPhoto(_ownerId: string, photoId: string): Promise<PhotoFaces> {
    if (!this.find(photoId)) return Promise.reject(notFound());
    return Promise.resolve({ photoId, faces: [] });
  }

  updatePerson(): Promise<Person> {
    return Promise.reject(
      new AppError({ status: 404, code: 'PERSON_NOT_FOUND', publicMessage: 'No such person' }),
    );
  }

  private find(photoId: string): PhotoSummary | undefined {
    return this.photos.find((candidate) => candidate.id === photoId);
  }
}

function notFound(): AppError {
  return new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Not found' });
}
