/* Kept apart from the schema so that pages and settings can name categories without the schema library. */

/**
 * The categories a reader can browse by; the order is the order shown in the popup. The ids alone
 * are what a page needs, so its script carries no labels.
 */
export const CATEGORY_IDS = [
  'conditions',
  'symptoms',
  'body',
  'messengers',
  'immunity',
  'tests',
  'procedures',
  'medicines',
  'treatments',
  'mental-health',
  'pregnancy-children',
  'nutrition',
  'genetics',
  'research',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Each category's name, as the popup and the settings show it. */
export const CATEGORIES: Readonly<Record<CategoryId, string>> = {
  conditions: 'Conditions and diseases',
  symptoms: 'Symptoms',
  body: 'Body parts and systems',
  messengers: 'Hormones and chemical messengers',
  immunity: 'Germs, infection and immunity',
  tests: 'Tests and lab values',
  procedures: 'Procedures, surgery and scans',
  medicines: 'Medicines',
  treatments: 'Treatments and therapies',
  'mental-health': 'Mental health',
  'pregnancy-children': 'Pregnancy and children',
  nutrition: 'Food and nutrition',
  genetics: 'Genes and heredity',
  research: 'Research and health news',
};
