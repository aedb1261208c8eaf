import { loadReader, type Reader, type ShippedModel } from './classifier';
import requestsModel from './models/requests.json';
import stakesModel from './models/stakes.json';

/**
 * The shipped readers, loaded once. `requests`: does a message ask for a person? `stakes`: what
 * does it put at stake (concession, money_lookup, account, identity, legal, safety)? Both are
 * trained by `scripts/trainReaders.ts` on `eval/train/`.
 */
let requests: Reader | null = null;
let stakes: Reader | null = null;

export function requestReader(): Reader {
  requests ??= loadReader(requestsModel as ShippedModel);
  return requests;
}

export function stakesReader(): Reader {
  stakes ??= loadReader(stakesModel as ShippedModel);
  return stakes;
}
