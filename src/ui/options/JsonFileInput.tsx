/**
 * A file input for one JSON file: hands the chosen file over and clears itself, so choosing
 * the same file again (after fixing it) is a new choice.
 */
export function JsonFileInput({ name, onFile }: { name: string; onFile: (file: File) => void }) {
  return (
    <input
      type="file"
      name={name}
      accept=".json,application/json"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (file) onFile(file);
        e.currentTarget.value = '';
      }}
    />
  );
}
