// What acts on a valid scenario with the engine, loaded with it (one
// request): « Mes scénarios », the files (import, export, CSV) and the
// way back from a scenario replaced.
export { libraryActions } from './library.js';
export { fileActions } from './files.js';
export { wayBackActions } from './way-back.js';
