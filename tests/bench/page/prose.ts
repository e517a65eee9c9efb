/**
 * News-like prose for the generated benchmark pages: sentences that mention names from the
 * dataset, mixed with ordinary filler, so a page has roughly the density of names of a real
 * wire story (a name every few sentences) at any size.
 */
import { aliasText, type Dataset } from '../../../src/core/dataset/schema';

/** `{A}` and `{B}` are replaced by names from the dataset. */
const WITH_NAMES = [
  '{A} said on Tuesday that talks with {B} would resume after the holiday.',
  'Officials close to {A} declined to comment on the report.',
  'The meeting between {A} and {B} lasted less than an hour, according to two people present.',
  'A spokesman for {A} denied that any agreement had been reached.',
  'Analysts said the move by {A} was aimed as much at domestic critics as at {B}.',
  '{A} has not appeared in public since the strike, fuelling speculation about his health.',
  'Diplomats in {A} described the atmosphere as tense but businesslike.',
  'Satellite images reviewed by {A} showed new construction near the site.',
  'The visit was the first by a senior figure from {A} to {B} in more than a decade.',
  'In a televised address, {A} called on {B} to show restraint.',
  'Supporters of {A} gathered outside the ministry on Friday evening.',
  'Inspectors from {A} were expected to return to {B} next month.',
  'The sanctions target companies that Western governments say are linked to {A}.',
  'Earlier this year {A} accused {B} of backing armed groups along the border.',
  '"We will not negotiate under pressure," {A} told reporters in {B}.',
  'Relations between {A} and {B} have swung between open hostility and cautious contact.',
  'A senior aide to {A} travelled to {B} at the weekend, state media reported.',
  'The statement from {A} made no mention of the prisoners.',
];

const FILLER = [
  'The statement gave no timetable.',
  'Prices in the capital have risen sharply since the start of the year.',
  'Schools reopened on Sunday after a week of closures.',
  'Traffic was heavy on the main road out of the city as families left for the holiday.',
  'The figures could not be independently verified.',
  'Several roads remained closed on Thursday morning.',
  'Officials said the investigation was continuing.',
  'It was not immediately clear how many people had been detained.',
  'The talks are expected to continue next week.',
  'Residents said they had heard several loud explosions shortly after midnight.',
  'The currency fell to a record low against the dollar in street trading.',
  'Electricity cuts of up to six hours a day have become common in the summer months.',
  'Aid groups warned that supplies of fuel and medicine were running low.',
  'The parliament is due to vote on the budget before the end of the month.',
  'Turnout in the last election was the lowest on record.',
  'Hospitals in the area were treating dozens of people for smoke inhalation.',
  'The ministry did not respond to a request for comment.',
  'Markets were closed for the public holiday.',
];

/** Every full name and unabbreviated Latin-script alias in the dataset. */
export function datasetNames(dataset: Dataset): string[] {
  const names = new Set<string>();
  for (const entity of dataset.entities) {
    names.add(entity.name);
    for (const alias of entity.aliases) {
      const short = typeof alias !== 'string' && alias.short === true;
      if (!short && /^[A-Za-z][A-Za-z .'-]+$/.test(aliasText(alias))) names.add(aliasText(alias));
    }
  }
  return [...names];
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)]!;

/** A sentence that mentions one or two names. */
export function namedSentence(names: readonly string[], random: () => number): string {
  return pick(WITH_NAMES, random)
    .replace('{A}', pick(names, random))
    .replace('{B}', pick(names, random));
}

/** One sentence; about two in five mention names. */
export function sentence(names: readonly string[], random: () => number): string {
  return random() < 0.4 ? namedSentence(names, random) : pick(FILLER, random);
}

/** A paragraph of four to seven sentences. */
export function paragraph(names: readonly string[], random: () => number): string {
  const count = 4 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(names, random)).join(' ');
}
