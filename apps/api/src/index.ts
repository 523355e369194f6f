// The API application without the process around it, for benchmarks that run it in process.
export { createApp, API_PREFIX } from './app.factory';
