/** Rejection reasons in one English sentence each, for the command line and the CSV's `reason`. */
const REASONS: Readonly<Record<string, string>> = {
  empty_required: 'empty, but required',
  ambiguous_date: 'the date could be day/month or month/day: declare the column date format',
  undeclared_date_format: 'not an ISO date: declare the column date format',
  partial_date: 'a partial date (year or month only)',
  two_digit_year: 'a two-digit year cannot be placed in a century',
  invalid_date: 'not a real date',
  not_a_number: 'not a number',
  not_a_boolean: 'not yes or no',
  unknown_value: 'a value the mapping does not know',
  unknown_country: 'not a country the import knows (use a two-letter code)',
  unknown_person: 'names nobody in the case or in this import',
  ambiguous_person: 'names several people: refer to them by identifier',
  invalid_grading: 'not a grading: a letter A to F and a number 1 to 6 (B2)',
  unknown_prison: 'names no prison of the gazetteer or the case',
  ambiguous_prison: 'fits several prisons: write the full name',
  identifier_invalid: 'not a valid identifier for its scheme',
  identifier_check_letter: 'the check letter does not match the number',
  identifiers_of_two_people: 'its identifiers belong to two different people of the case',
  self_link: 'a link from a person to the same person',
  period_reversed: 'ends before it starts',
  release_before_start: 'release before the start of the sentence',
  empty_name: 'the name is empty',
  too_long: 'too long',
};

export function describeReason(reason: string): string {
  return REASONS[reason] ?? reason;
}
