/**
 * The directory as the bot uses it: loaded and validated once at start-up, then ranked and
 * rendered per request. Flows, "Find help near me" and crisis answers all come here, so a
 * referral looks the same wherever it appears.
 */
import { fileURLToPath } from "node:url";
import type { Lang, Role, ServiceKind, Topic, Translator } from "../domain.js";
import { renderCards } from "./card.js";
import type { LatLon } from "./geo.js";
import { loadDirectorySync } from "./load.js";
import { hasRegionalServices, rankServices, resolveRegion } from "./rank.js";
import type { Directory } from "./schema.js";

export const DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

export interface ReferralQuery {
  topic: Topic;
  role: Role;
  lang: Lang;
  region?: string;
  location?: LatLon;
  now: Date;
  preferKinds?: readonly ServiceKind[];
  preferServices?: readonly string[];
  excludeServices?: readonly string[];
  limit?: number;
  /** End with a hint to choose a region when none is known (default true). */
  regionalHint?: boolean;
}

export interface Referrals {
  /** Referral cards (Telegram HTML), best first, with a hint when choosing a region would help. */
  referralCards(query: ReferralQuery): string;
  /** Whether these cards end with the hint that choosing a region shows local services (then the bot adds the button for it). */
  hintsRegion(query: ReferralQuery): boolean;
  /** Regions for pickers, in the alphabetical order of `lang`. */
  regions(lang: Lang): ReadonlyArray<{ code: string; name: string }>;
  /** The region around a shared location, if it is in Kazakhstan. */
  regionAt(location: LatLon): string | undefined;
  /** Every name of every region (in each language, its centre's, the other names people type), for reading a typed region. */
  regionPhrases(): ReadonlyArray<{ id: string; phrases: readonly string[] }>;
}

/** Most referral texts kept for one minute (a bound, not a policy). */
const CARDS_KEPT = 2_000;

export function createReferrals(directory: Directory, translate: Translator): Referrals {
  const regionNames = new Map<Lang, { code: string; name: string }[]>();
  const phrases = directory.regions.map((r) => ({
    id: r.code,
    phrases: [...Object.values(r.name), ...Object.values(r.centre.name), ...(r.typed ?? [])],
  }));
  function hintsRegion(query: ReferralQuery): boolean {
    const knowsRegion = resolveRegion(directory, query) !== undefined;
    return query.regionalHint !== false && !knowsRegion && hasRegionalServices(directory, { topic: query.topic, audience: query.role });
  }
  function render(query: ReferralQuery): string {
    const ranked = rankServices(directory, {
      topic: query.topic,
      audience: query.role,
      region: query.region,
      location: query.location,
      now: query.now,
      preferKinds: query.preferKinds,
      preferServices: query.preferServices,
      excludeServices: query.excludeServices,
      limit: query.limit ?? 4,
    });
    const t = (key: string, vars?: Record<string, string | number>) => translate(query.lang, key, vars);
    return renderCards(ranked, t, query.lang, { regionalHint: hintsRegion(query) });
  }
  // The same cards are asked for again and again (a topic's outcome for one role, language and
  // region): kept for the minute, the finest step of any opening hours (a card says "open now"
  // or when a service opens). A shared location makes each query its own.
  const cards = new Map<string, string>();
  let cardsMinute = -1;
  return {
    referralCards(query) {
      if (query.location !== undefined) return render(query);
      const minute = Math.floor(query.now.getTime() / 60_000);
      if (minute !== cardsMinute || cards.size >= CARDS_KEPT) {
        cards.clear();
        cardsMinute = minute;
      }
      const key = `${query.topic}|${query.role}|${query.lang}|${query.region ?? ""}|${query.limit ?? ""}|${query.regionalHint ?? ""}|${query.preferKinds?.join(",") ?? ""}|${query.preferServices?.join(",") ?? ""}|${query.excludeServices?.join(",") ?? ""}`;
      let text = cards.get(key);
      if (text === undefined) cards.set(key, (text = render(query)));
      return text;
    },
    hintsRegion,
    regions(lang) {
      let list = regionNames.get(lang);
      if (!list) {
        const collator = new Intl.Collator(lang);
        list = directory.regions.map((r) => ({ code: r.code, name: r.name[lang] })).sort((a, b) => collator.compare(a.name, b.name));
        regionNames.set(lang, list);
      }
      return list;
    },
    regionAt(location) {
      return resolveRegion(directory, { location })?.code;
    },
    regionPhrases: () => phrases,
  };
}

/** Loads data/ (throws naming file and field when it is invalid) and builds the referrals. */
export function loadReferrals(translate: Translator, dir: string = DATA_DIR): { directory: Directory; referrals: Referrals } {
  const directory = loadDirectorySync(dir);
  return { directory, referrals: createReferrals(directory, translate) };
}
