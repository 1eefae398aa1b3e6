import type { Logger } from '../../common/logger';
import type { PeopleService } from '../people/people-service';
import type { JobHandler } from './job-queue';
import { peopleJobSchema } from './queue-definitions';

/**
 * Clusters an owner's faces that have no person yet (incremental, people-service.ts). Vision jobs ask for it with
 * the owner as key, so a thousand new faces wait as one job.
 */
export function peopleJobHandler(deps: { people: PeopleService; logger: Logger }): JobHandler<unknown> {
  return async (job) => {
    const { ownerId } = peopleJobSchema.parse(job.data);
    const clustering = await deps.people.cluster(ownerId);
    deps.logger.info('people job', { ownerId, movedFaces: clustering.movedFaces, people: clustering.people });
  };
}
