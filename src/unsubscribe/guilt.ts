/**
 * Words that shame a person for leaving ("confirmshaming": named by the FTC and the EDPB as a
 * deceptive pattern). Dev builds warn when a button or slotted label of `<tp-unsubscribe>`
 * contains one; the story tests fail on them. Lower case, straight apostrophes.
 */
export const GUILT_PHRASES = [
  "no, i don't",
  'no thanks, i',
  'miss out',
  "i don't like sav",
  'i like paying',
  'full price',
  "i don't care",
  'stay uninformed',
  'i hate',
  'are you sure',
  "we'll miss you",
  'abandon',
];

/** The first guilt phrase found in `text`, if any (case and curly apostrophes ignored). */
export const guiltIn = (text: string): string | undefined => {
  const plain = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return GUILT_PHRASES.find((phrase) => plain.includes(phrase));
};
