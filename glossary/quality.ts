import * as v from 'valibot';
import { EntrySchema, isAuthoritativeUrl, type GlossaryEntry } from './schema';
import { readingGrade } from './readability';
import { formKey } from './normalize';

export const GRADE_LIMITS = { medianShort: 7, maxShort: 10 } as const;

/**
 * Words whose everyday meaning is not medical. An entry whose term or variant is one of these must
 * carry `ambiguous: true`, so it is only highlighted on pages that are clearly about health.
 */
export const EVERYDAY_WORDS = [
  'cold', 'virus', 'depression', 'culture', 'cell', 'cells', 'pressure', 'heart', 'stroke', 'shot',
  'drug', 'organ', 'tissue', 'trial', 'labor', 'labour', 'delivery', 'screening', 'iron', 'fiber',
  'fibre', 'protein', 'sodium', 'calorie', 'fat', 'sugar', 'stress', 'fever', 'cancer', 'plaque',
  'bug', 'strain', 'host', 'vector', 'resistance', 'tolerance', 'dependence', 'mass', 'lead', 'stent',
  'scan', 'test', 'dose', 'patch', 'graft', 'implant', 'transplant', 'discharge', 'rash', 'bleeding',
  'seizure', 'attack', 'crash', 'shock', 'mania', 'panic', 'anxiety', 'trauma', 'diet', 'exercise',
  'vitamin', 'mineral', 'salt', 'carbohydrate', 'carbs', 'energy', 'weight', 'obesity', 'smoking',
  'alcohol', 'sleep', 'fatigue', 'pain', 'injury', 'wound', 'burn', 'bruise', 'sprain', 'knee',
  'ankle', 'brain', 'lung', 'liver', 'kidney', 'blood', 'bone', 'muscle', 'skin', 'gut', 'stomach',
  'spine', 'joint', 'nerve', 'vein', 'artery', 'pulse', 'temperature', 'immunity', 'infection',
  'outbreak', 'epidemic', 'pandemic', 'placebo', 'cure', 'therapy', 'treatment', 'medicine', 'pill',
  'tablet', 'capsule', 'generic', 'benign', 'malignant', 'positive', 'negative', 'acute', 'chronic',
  'remission', 'relapse', 'recovery', 'rehab', 'rehabilitation', 'inflammation', 'allergy', 'hormone',
  'gene', 'genes', 'dna', 'mutation', 'clone', 'cloning', 'risk', 'prevalence', 'incidence', 'bias',
  'control', 'cohort', 'sample', 'significant', 'correlation', 'model', 'mouse', 'mice', 'rats',
  'colon', 'temple', 'digit', 'palm', 'sole', 'chest', 'back', 'neck', 'hip', 'head', 'eye', 'ear',
  'nose', 'mouth', 'tooth', 'teeth', 'hand', 'foot', 'feet', 'arm', 'leg', 'caffeine', 'nicotine', 'coma', 'hangover', 'burnout', 'addiction', 'autism', 'bipolar', 'paranoid', 'paranoia', 'psychotic', 'hysteria', 'mood', 'grief',
  'abortion', 'pregnancy', 'birth', 'period', 'periods', 'cycle', 'menopause', 'fertility',
  'contraction', 'contractions', 'ovulation', 'vaccine', 'vaccination', 'booster', 'jab', 'flu',
  'germ', 'germs', 'bacteria', 'fungus', 'mold', 'mould', 'yeast', 'parasite', 'worm', 'worms', 'lice',
  'plague', 'pox', 'cramp', 'cramps', 'itch', 'sore', 'ache', 'cough', 'sneeze', 'swelling', 'lump',
  'bump', 'cyst', 'wart', 'ulcer', 'hernia', 'fracture', 'break', 'cast', 'splint', 'crutch', 'brace',
  'sling', 'glasses', 'lens', 'filling', 'crown', 'bridge', 'root canal', 'x-ray', 'surgery',
  'operation', 'theatre', 'ward', 'clinic', 'hospital', 'nurse', 'doctor', 'physician', 'surgeon',
  'specialist', 'consultant', 'senile', 'hypothermia', 'dehydration', 'heatstroke',
  'concussion', 'whiplash', 'tremor', 'palpitations', 'dizziness', 'nausea', 'vomiting', 'diarrhea',
  'diarrhoea', 'constipation', 'heartburn', 'indigestion', 'bloating', 'gas', 'wind', 'probiotic',
  'probiotics', 'antioxidant', 'antioxidants', 'detox', 'supplement', 'supplements', 'herbal',
  'organic', 'calcium', 'magnesium', 'potassium', 'zinc', 'glucose', 'fructose', 'lactose', 'gluten',
  'starch', 'omega-3', 'acid', 'metabolism', 'hydration', 'nutrient', 'nutrients', 'nutrition',
  'screen', 'monitor', 'marker', 'markers', 'grade', 'stage', 'spread', 'growth', 'tumor', 'tumour',
  'side effect', 'side effects', 'withdrawal', 'overdose', 'high', 'low', 'tone', 'reflex', 'reflexes',
  'frame', 'pupil', 'iris', 'lashes', 'cornea', 'canal', 'drum', 'tube', 'tubes', 'valve', 'chamber',
  'gland', 'glands', 'duct', 'node', 'nodes', 'trunk', 'navel', 'womb', 'bladder', 'bowel', 'bowels',
  'appendix', 'tissue', 'membrane', 'plasma', 'serum', 'platelet', 'platelets', 'antibody',
  'antibodies', 'receptor', 'receptors', 'enzyme', 'enzymes', 'protein', 'lipid', 'lipids', 'steroid',
  'steroids', 'sedative', 'stimulant', 'stimulants', 'depressant', 'opiate', 'opioid', 'opioids',
  'painkiller', 'painkillers', 'antibiotic', 'antibiotics', 'tonic', 'remedy', 'remedies', 'balm',
  'ointment', 'cream', 'drops', 'inhaler', 'spray', 'syringe', 'needle', 'injection', 'infusion', 'drip',
  'pump', 'pacemaker', 'monitor', 'scanner', 'massage', 'meditation', 'yoga', 'acupuncture', 'mindfulness',
  'relaxation', 'counseling', 'counselling', 'coaching', 'hypnosis', 'chiropractic', 'homeopathy',
  'antigen', 'pathogen', 'immune', 'memory', 'quarantine', 'isolation', 'contact tracing', 'lockdown',
] as const;

/** Wording that gives advice or a diagnosis instead of explaining. */
export const ADVICE_PATTERNS: readonly RegExp[] = [
  /\byou should (?:take|stop|start|use|avoid|not)\b/iu,
  /\bthis means you have\b/iu,
  /\byou (?:probably|likely|definitely) have\b/iu,
  /\b(?:stop|start) taking\b/iu,
  /\bthe best (?:treatment|medicine|cure) (?:is|for)\b/iu,
  /\bcures? (?:all|every)\b/iu,
  /\bguaranteed\b/iu,
];

export interface Violation {
  id: string;
  rule: string;
  message: string;
}

export interface QualityReport {
  entries: number;
  forms: number;
  grades: Map<string, number>;
  medianGrade: number;
  violations: Violation[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every quality rule of CONTRIBUTING.md, over the whole glossary at once (some rules span entries). */
export function checkGlossary(raw: readonly unknown[]): QualityReport {
  const violations: Violation[] = [];
  const entries: GlossaryEntry[] = [];
  raw.forEach((item, index) => {
    const parsed = v.safeParse(EntrySchema, item);
    const id = (item as { id?: unknown })?.id;
    if (parsed.success) entries.push(parsed.output);
    else
      for (const issue of parsed.issues)
        violations.push({
          id: typeof id === 'string' ? id : `#${index}`,
          rule: 'schema',
          message: `${v.getDotPath(issue) ?? '(entry)'}: ${issue.message}`,
        });
  });

  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) violations.push({ id: e.id, rule: 'unique-id', message: 'id used twice' });
    ids.add(e.id);
  }

  const owner = new Map<string, string>();
  const everyday = new Set<string>(EVERYDAY_WORDS);
  let forms = 0;
  const grades = new Map<string, number>();
  for (const e of entries) {
    for (const rel of e.related) {
      if (!ids.has(rel)) violations.push({ id: e.id, rule: 'related-exists', message: `related id "${rel}" does not exist` });
      if (rel === e.id) violations.push({ id: e.id, rule: 'related-exists', message: 'entry is related to itself' });
    }
    const seen = new Set<string>();
    for (const f of [e.term, ...e.variants]) {
      forms++;
      const key = formKey(f);
      if (seen.has(key)) {
        violations.push({ id: e.id, rule: 'unique-variant', message: `"${f}" is listed twice in this entry` });
        continue;
      }
      seen.add(key);
      const other = owner.get(key);
      if (other && other !== e.id)
        violations.push({ id: e.id, rule: 'unique-variant', message: `"${f}" also belongs to "${other}"` });
      else owner.set(key, e.id);
      if (everyday.has(f.toLowerCase()) && !e.ambiguous)
        violations.push({ id: e.id, rule: 'ambiguous-flag', message: `"${f}" is an everyday word: set "ambiguous": true` });
    }
    if (!e.sources.some((s) => isAuthoritativeUrl(s.url)))
      violations.push({ id: e.id, rule: 'source', message: 'no source on an authoritative domain' });
    const grade = readingGrade(e.short);
    grades.set(e.id, grade);
    if (grade > GRADE_LIMITS.maxShort)
      violations.push({ id: e.id, rule: 'reading-grade', message: `short reads at grade ${grade.toFixed(1)} (max ${GRADE_LIMITS.maxShort})` });
    for (const pattern of ADVICE_PATTERNS)
      for (const text of [e.short, e.long])
        if (pattern.test(text))
          violations.push({ id: e.id, rule: 'no-advice', message: `advice or diagnosis wording: ${pattern.source}` });
  }
  const medianGrade = median([...grades.values()]);
  if (medianGrade > GRADE_LIMITS.medianShort)
    violations.push({ id: '(all)', rule: 'reading-grade', message: `median grade of short is ${medianGrade.toFixed(1)} (max ${GRADE_LIMITS.medianShort})` });
  return { entries: entries.length, forms, grades, medianGrade, violations };
}
