export { createBatonServer, type BatonServer, type BatonServerDeps, type Logger } from './app';
export { startBaton, type RunningBaton, type StartOptions } from './bootstrap';
export * from './storage';
