import type { Model } from './model.ts';
import type { DataTable } from './table.ts';

export interface DerivedTable {
  name: string;
  title: string;
  description: string;
  table(model: Model): DataTable;
}

/** The tables the charts are drawn from, offered whole on the data page (computed at build time, never committed). */
export const DERIVED_TABLES: DerivedTable[] = [
  {
    name: 'taxonomy',
    title: 'The full taxonomy',
    description: 'Every node (values, and clusters at levels 1–3) with its parent, top category, share of expressions and, for values, % of conversations and rank.',
    table: ({ taxonomy }) => ({
      columns: [
        { key: 'id', label: 'Id' },
        { key: 'name', label: 'Name' },
        { key: 'level', label: 'Level', format: 'integer' },
        { key: 'parent', label: 'Parent' },
        { key: 'category', label: 'Top category' },
        { key: 'share', label: 'Share of expressions (%)', format: 'percent' },
        { key: 'pctConvos', label: '% of conversations', format: 'percent' },
        { key: 'expressionsPer100', label: 'Expressions per 100 conversations' },
        { key: 'rank', label: 'Rank among values', format: 'integer' },
        { key: 'commonerThan', label: 'Commoner than (% of values)' },
        { key: 'valueCount', label: 'Values under it', format: 'integer' },
        { key: 'description', label: 'Description' },
      ],
      rows: [...taxonomy.nodes]
        .sort((a, b) => b.level - a.level || b.share - a.share || a.name.localeCompare(b.name))
        .map((n) => ({
          id: n.id,
          name: n.name,
          level: n.level,
          parent: n.parentId ? taxonomy.byId.get(n.parentId)!.name : '',
          category: n.category,
          share: n.share,
          pctConvos: n.pctConvos ?? '',
          expressionsPer100: Math.round(n.expressionsPer100 * 1000) / 1000,
          rank: n.rank ?? '',
          commonerThan: n.commonerThan === null ? '' : Math.round(n.commonerThan * 100) / 100,
          valueCount: n.valueCount,
          description: n.description,
        })),
    }),
  },
  {
    name: 'categories',
    title: 'Top-level categories',
    description: 'The five categories with their share of expressions and the number of clusters and values under each.',
    table: ({ categories }) => ({
      columns: [
        { key: 'category', label: 'Category' },
        { key: 'share', label: 'Share of expressions (%)', format: 'percent' },
        { key: 'level2Clusters', label: 'Level-2 clusters', format: 'integer' },
        { key: 'level1Clusters', label: 'Level-1 clusters', format: 'integer' },
        { key: 'values', label: 'Values', format: 'integer' },
      ],
      rows: categories.map(({ href: _href, ...c }) => ({ ...c })),
    }),
  },
];
