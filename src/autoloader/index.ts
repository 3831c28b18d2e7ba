// `touchpoint/autoloader`: importing it starts loading, for the whole document, only the components
// whose tags are on the page, now and later. Guarded so that a Node or SSR import does nothing.
import { autoload } from './autoloader.js';

export { autoload };
export { loaders, type AutoloadedTag } from './loaders.js';

if (typeof document !== 'undefined') autoload(document);
