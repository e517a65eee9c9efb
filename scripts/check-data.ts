/** `npm run data:check`: validates data/ and prints every problem with its file and field. */
import { fileURLToPath } from 'node:url';
import { loadDataset } from './load-dataset';

try {
  const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
  console.log(
    `data/ is valid: ${dataset.entities.length} entities, facts checked as of ${dataset.meta.checked}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
