export * from './axe';
export * from './browser';
export * from './console-page';
export * from './console-stack';
export * from './use-console';
