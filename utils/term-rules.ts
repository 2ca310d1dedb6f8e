/**
 * The rules a term of the reader's own must meet, with messages they can act on. Used where terms
 * come in (the form, imports); pages only read what these rules let through.
 */
import { checkLink, HAS_WORD, LIMITS, nameKey, namesOf, squash, STORED_DATE, type TermFields } from './custom-terms';
// Control characters would be invisible in the card and break the CSV file; ";" separates
// variants in a spreadsheet cell.
const FORBIDDEN_IN_NAME = /[\p{Cc};]/u;

function checkName(name: string, what: string): string | null {
  if (!name) return `${what} is empty.`;
  if (name.length > LIMITS.nameChars) return `${what} “${name.slice(0, 30)}…” is longer than ${LIMITS.nameChars} characters.`;
  if (!HAS_WORD.test(name)) return `${what} “${name}” has no letters or numbers.`;
  if (FORBIDDEN_IN_NAME.test(name)) return `${what} “${name}” contains a semicolon or an invisible control character.`;
  return null;
}

export type TermCheck = { ok: true; fields: TermFields } | { ok: false; problems: string[] };

/**
 * Checks one term as typed in the form or read from a file, and tidies it (spaces, repeated names).
 * `variants` may be a list or text separated by commas or semicolons.
 */
export function checkTerm(input: { term?: unknown; variants?: unknown; explanation?: unknown; link?: unknown; added?: unknown }): TermCheck {
  const problems: string[] = [];
  const text = (v: unknown, what: string): string => {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    problems.push(`${what} must be text.`);
    return '';
  };
  const term = squash(text(input.term, 'The term'));
  const termProblem = checkName(term, 'The term');
  if (termProblem) problems.push(termProblem);

  let rawVariants: unknown[] = [];
  if (Array.isArray(input.variants)) rawVariants = input.variants;
  else if (typeof input.variants === 'string') rawVariants = input.variants.split(/[,;\n]/u);
  else if (input.variants !== undefined && input.variants !== null) problems.push('Other names must be a list or text separated by commas.');
  const variants: string[] = [];
  const seen = new Set([nameKey(term)]);
  for (const raw of rawVariants) {
    const name = squash(text(raw, 'Another name'));
    if (!name) continue;
    const problem = checkName(name, 'Another name');
    if (problem) problems.push(problem);
    else if (!seen.has(nameKey(name))) {
      seen.add(nameKey(name));
      variants.push(name);
    }
  }
  if (variants.length > LIMITS.variants) problems.push(`There are ${variants.length} other names; at most ${LIMITS.variants} are allowed.`);

  const explanation = text(input.explanation, 'The explanation').trim();
  if (!explanation) problems.push('The explanation is empty.');
  else if (explanation.length > LIMITS.explanationChars)
    problems.push(`The explanation has ${explanation.length} characters; at most ${LIMITS.explanationChars} are allowed.`);

  const link = text(input.link, 'The link').trim();
  const linkProblem = link ? checkLink(link) : null;
  if (linkProblem) problems.push(linkProblem);

  const addedText = text(input.added, 'The date added').trim();
  const added = STORED_DATE.test(addedText) ? addedText : undefined;

  if (problems.length) return { ok: false, problems };
  return { ok: true, fields: { term, variants, explanation, ...(link ? { link } : {}), ...(added ? { added } : {}) } };
}

/**
 * Problems a term would cause beside the others: a name that already belongs to another of the
 * reader's terms would make the same word mean two things.
 */
export function clashes(fields: Pick<TermFields, 'term' | 'variants'>, others: readonly Pick<TermFields, 'term' | 'variants'>[]): string[] {
  const owner = new Map<string, string>();
  for (const other of others) for (const name of namesOf(other)) owner.set(name, other.term);
  const problems: string[] = [];
  for (const [i, name] of namesOf(fields).entries()) {
    const taken = owner.get(name);
    if (taken !== undefined) problems.push(`“${i === 0 ? fields.term : fields.variants[i - 1]}” is already a name of your term “${taken}”.`);
  }
  return problems;
}

