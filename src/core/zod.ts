import { z } from 'zod';

/**
 * zod for every schema we ship, set to interpret rather than compile. By default zod 4 probes
 * for `new Function` when a schema is built and, where it works, compiles object parsers from
 * strings. Extension pages, service workers and content scripts forbid that (MV3's CSP), and a
 * strict-CSP page reports even the caught probe as a violation. Every schema module imports `z`
 * from here (eslint refuses 'zod' elsewhere), so this runs before the first schema exists.
 */
z.config({ jitless: true });

export { z };
