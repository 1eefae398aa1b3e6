import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LibraryApi } from '../../common/clients/library-client';
import type { PhotoFacts, PhotoSummary, SearchRequest, SearchResponse } from '../../common/contracts';
import { AppError } from '../../common/errors';
import { barePhotoFacts } from '../../test/support/bare-photo-facts';

/**
 * A fixed library for the bench: `copies` photos per original file, each with its own content hash, so every
 * photo is a distinct (cold) rendition while the bench needs only a few large files on disk.
 */
export class BenchLibrary implements LibraryApi {
  readonly photos: PhotoSummary[];

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
    const offset = request.offset ?? 0;
    const limit = request.limit ?? 100;
    return Promise.resolve({
      total: this.photos.length,
      span: null,
      photos: this.photos.slice(offset, offset + limit),
    });
  }

  getPhoto(_ownerId: string, photoId: string): Promise<PhotoFacts> {
    const photo = this.photos.find((candidate) => candidate.id === photoId);
    if (!photo) {
      return Promise.reject(
        new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Not found' }),
      );
    }
    return Promise.resolve(barePhotoFacts(photo));
  }
}
