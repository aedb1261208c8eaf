/**
 * What other packages (end-to-end tests, the demo) may rely on: the postMessage protocol
 * between the storefront loader and the iframe, and the stable test selectors.
 */
export {
  ENVELOPE_VERSION,
  FRAME_EVENTS,
  LOADER_COMMANDS,
  acceptEnvelope,
  envelope,
  isEnvelope,
  type Envelope,
  type FrameToLoader,
  type LoaderToFrame,
} from './protocol/envelope';
export { TEST_IDS } from './testIds';
export { tokenKey } from './app/connection/tokenStore';
