/**
 * The storefront script, served as `/widget.js`. Framework-free and tiny: it finds its own
 * <script> tag, mounts the widget iframe and relays commands and events across postMessage.
 *
 * Install:
 *
 *   <script>
 *     window.Baton = window.Baton || function () {
 *       (window.Baton.q = window.Baton.q || []).push(arguments);
 *     };
 *   </script>
 *   <script async src="https://BATON_HOST/widget.js" data-site-key="YOUR_SITE_KEY"></script>
 *
 * The first snippet (the stub) is optional; it lets the page call `Baton(...)` before this
 * script has loaded. Those calls are replayed in order once it has.
 *
 *   Baton('open'); Baton('close');
 *   Baton('identify', { id, name, email });
 *   Baton('setContext', { customer, account, orders, recentContacts, systems });
 *   Baton('requestHuman');
 *   Baton('on', 'message' | 'escalated' | 'queue' | 'agentJoined' | 'open' | 'close' | 'ready', fn);
 *   Baton('off', eventName, fn);
 */
import { startLoader, type BatonWindow } from './startLoader';

startLoader(window as BatonWindow, document);
