import { describe, expect, it } from 'vitest';
import { LINK_KINDS, MARKINGS, MONITORING_STATUSES, PROGRAMME_STATUSES, ROLES } from '../../shared/model';
import { en } from './en';
import { es } from './es';
import { createI18n } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatKeys(value, `${prefix}${key}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (tree: Tree) => [...new Set(flatKeys(tree).map((k) => k.replace(PLURAL, '')))].sort();

describe('translation resources', () => {
  it('es and en have exactly the same keys', () => {
    expect(baseKeys(en)).toEqual(baseKeys(es));
  });

  it.each([
    ['es', es],
    ['en', en],
  ] as const)('%s has every plural form its language needs', (locale, tree) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const keys = flatKeys(tree as Tree);
    const plurals = [...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    for (const base of plurals) {
      for (const category of categories) expect(keys).toContain(`${base}_${category}`);
    }
  });

  it('translates every value of the vocabularies in both languages', () => {
    for (const tree of [es, en]) {
      expect(Object.keys(tree.role).sort()).toEqual([...ROLES].sort());
      expect(Object.keys(tree.monitoring).sort()).toEqual([...MONITORING_STATUSES].sort());
      expect(Object.keys(tree.programme).sort()).toEqual([...PROGRAMME_STATUSES].sort());
      expect(Object.keys(tree.linkKind).sort()).toEqual([...LINK_KINDS].sort());
      expect(Object.keys(tree.marking).sort()).toEqual([...MARKINGS].sort());
    }
  });

  it('pluralises and formats numbers per language', () => {
    const i18n = createI18n('es');
    expect(i18n.t('network.people', { count: 1 })).toBe('1 persona');
    expect(i18n.t('network.people', { count: 10000 })).toBe('10.000 personas');
    void i18n.changeLanguage('en');
    expect(i18n.t('network.people', { count: 10000 })).toBe('10,000 people');
    expect(i18n.t('network.prisons', { count: 1 })).toBe('1 prison');
  });
});
