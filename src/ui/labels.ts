import type { EntityType } from '../core/dataset/schema';
import { t } from '../shared/i18n';

// Thunks, not strings: the messages are looked up when drawn, in the reader's language.
const LABEL: Record<EntityType, () => string> = {
  person: () => t('type_person'),
  organization: () => t('type_organization'),
  agreement: () => t('type_agreement'),
  event: () => t('type_event'),
  place: () => t('type_place'),
  media: () => t('type_media'),
};

const PLURAL: Record<EntityType, () => string> = {
  person: () => t('types_person'),
  organization: () => t('types_organization'),
  agreement: () => t('types_agreement'),
  event: () => t('types_event'),
  place: () => t('types_place'),
  media: () => t('types_media'),
};

/** Each entity type as readers see it on cards, badges and group headings. */
export const typeLabel = (type: EntityType): string => LABEL[type]();

/** Plural headings for the popup's list of names on the page and the options' kinds. */
export const typePlural = (type: EntityType): string => PLURAL[type]();
