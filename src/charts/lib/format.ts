/** The number formats live in src/lib/format.ts, where the data layer's sentences can use them too. */
export * from '../../lib/format.ts';
