/* Kept apart from the schema so that pages and settings can name categories without the schema library. */

/** The categories a reader can browse by; the order is the order shown in the popup. */
export const CATEGORIES = {
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
} as const;

export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];
