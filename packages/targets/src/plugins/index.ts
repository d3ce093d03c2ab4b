// The built-in target plugins. Registering one is one line here.
export { segment } from './segment';
export { slack } from './slack';
