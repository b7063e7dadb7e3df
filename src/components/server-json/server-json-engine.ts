/** The server.json code the import and authors' islands load on first use, kept off page load. */
export {
  checkInputs,
  convertChoice,
  inputsOf,
  readServerJson,
} from '../../lib/server-json/index.ts';
export {
  badgeSnippets,
  prefillFragment,
  prefillLink,
  prefillTodo,
  prefillWarnings,
  readmeSection,
} from '../../lib/server-json/link.ts';
export { decodeShare } from '../../lib/share/share.ts';
export { envLines } from '../../lib/generator/env.ts';
