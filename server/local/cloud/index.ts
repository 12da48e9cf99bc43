// The embedded local cloud database: a durable SQLite store that answers wx-server-sdk's
// database calls exactly as CloudBase would. See README.md for semantics and deviations.
export { openLocalStore, type LocalStore, type StoreOptions } from './store';
export { installLocalCloud, currentLocalStore, answerWhenDurable, runAsBackground } from './install';
export { AGGREGATE_DEFAULT_LIMIT } from './aggregate';
export { walSyncer, type SyncFn } from './group-commit';
