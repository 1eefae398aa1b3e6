import type { RequestEnvelope } from 'ask-sdk-model';

interface Component {
  entities?: Array<Record<string, unknown>>;
  children?: Component[];
}

/**
 * The visual context as the slideshow document reports it: each `photo` entity also names the page it is on (its
 * slideshow index and list), and, when given, the device's own report of the list's version (`dataSources`).
 * Changes the envelope in place and returns it.
 */
export function onListPage(
  envelope: RequestEnvelope,
  page: { listId: string; index: number },
  reportedVersion?: number,
): RequestEnvelope {
  const apl = envelope.context['Alexa.Presentation.APL'];
  if (!apl) throw new Error('the envelope has no slideshow on screen');
  const visit = (components: Component[] | undefined): void => {
    for (const component of components ?? []) {
      for (const entity of component.entities ?? []) {
        if (entity.type === 'photo') Object.assign(entity, page);
      }
      visit(component.children);
    }
  };
  visit(apl.componentsVisibleOnScreen as Component[] | undefined);
  if (reportedVersion !== undefined) {
    apl.dataSources = [
      {
        type: 'dynamicIndexList',
        listId: page.listId,
        listVersion: reportedVersion,
        minimumInclusiveIndex: 0,
        maximumExclusiveIndex: 25,
        startIndex: 0,
      },
    ];
  }
  return envelope;
}
