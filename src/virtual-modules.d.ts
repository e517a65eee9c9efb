// Produced at build time by scripts/dataset-plugin.ts from data/.
declare module 'virtual:backstory-dataset' {
  const dataset: import('./core/dataset/schema').Dataset;
  export default dataset;
}
declare module 'virtual:backstory-matcher-pack' {
  const pack: import('./core/matcher/pack').MatcherPack;
  export default pack;
}
