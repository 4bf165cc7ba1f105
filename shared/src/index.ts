export * from './domain/languages.js';
export * from './domain/roles.js';
export * from './domain/sectors.js';
export * from './domain/limits.js';
export * from './errors/error-codes.js';
export * from './api/common.js';
export * from './api/auth.js';
export * from './api/labs.js';
