// The validated dataset, produced at build time by scripts/dataset-plugin.ts from data/.
declare module 'virtual:backstory-dataset' {
  const dataset: import('./core/dataset/schema').Dataset;
  export default dataset;
}
