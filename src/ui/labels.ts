import type { EntityType } from '../core/dataset/schema';

/** Each entity type as readers see it on cards, badges and group headings. */
export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  agreement: 'Agreement',
  event: 'Event',
  place: 'Place',
  media: 'News media',
};

/** Plural headings for the popup's list of names on the page. */
export const TYPE_PLURAL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  agreement: 'Agreements',
  event: 'Events',
  place: 'Places',
  media: 'News media',
};
