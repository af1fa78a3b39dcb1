// Matching property names against a vocabulary by the words they end with, so a qualified name
// (`walletBalance`, `ownerUserId`) counts as the thing it names and a name that only starts
// with a vocabulary word (`roleName`, `balanceCurrency`) does not.

import { perList } from './cache.js';
import { words } from './names.js';

/** A name's words beyond this many never decide a match: the longest vocabulary entry is shorter. */
const MAX_ENTRY_WORDS = 6;

export interface VocabularyMatch {
  /** The entry matched, compacted (`owner_id` → `ownerid`). */
  entry: string;
  /** The name is the entry itself, not a qualified form of it. */
  whole: boolean;
  /** The name's words that are not the entry's (`wallet` in `walletBalance`, `user` in `ownerUserId`). */
  qualifiers: readonly string[];
}

/**
 * A matcher for one vocabulary. A name matches an entry when its last words are the entry's
 * words (`role` matches `userRole`, `created_at` matches `repoCreatedAt`), or, for an entry of
 * several words, when it starts with the entry's first word, ends with its last, and has the
 * ones between in order (`owner_id` matches `ownerUserId`). The longest entry wins, so
 * `accountStatus` is an `account_status`, not a bare `status`, and `ownerUserId` not an `id`.
 */
export const vocabularyMatcher: (entries: readonly string[]) => (name: string) => VocabularyMatch | undefined = perList(buildMatcher);

function buildMatcher(entries: readonly string[]): (name: string) => VocabularyMatch | undefined {
  const whole = new Set<string>();
  const spanning: Array<readonly string[]> = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const list = words(entry);
    if (list.length === 0 || list.length > MAX_ENTRY_WORDS) continue;
    whole.add(list.join(''));
    if (list.length > 1) spanning.push(list);
  }
  return name => {
    const list = words(name);
    if (list.length === 0) return undefined;
    const joined = list.join('');
    let best: VocabularyMatch | undefined;
    let bestLength = 0;
    for (let length = Math.min(MAX_ENTRY_WORDS, list.length); length >= 1 && best === undefined; length--) {
      const entry = list.slice(-length).join('');
      if (whole.has(entry)) [best, bestLength] = [{ entry, whole: entry === joined, qualifiers: list.slice(0, list.length - length) }, length];
    }
    // A spanning entry beats a shorter ending: `ownerUserId` is an `owner_id`, not an `id`.
    const span = spanning.find(e => e.length > bestLength && spans(list, e));
    return span === undefined ? best : { entry: span.join(''), whole: false, qualifiers: list.slice(1, -1).filter(word => !span.includes(word)) };
  };
}

/** Whether `list` starts with the entry's first word, ends with its last and has the others in order between. */
function spans(list: readonly string[], entry: readonly string[]): boolean {
  if (list.length <= entry.length || list[0] !== entry[0] || list[list.length - 1] !== entry[entry.length - 1]) return false;
  let next = 1;
  for (let i = 1; i < list.length - 1 && next < entry.length - 1; i++) if (list[i] === entry[next]) next++;
  return next === entry.length - 1;
}

