/**
 * Redis keys. Users are named by a pseudonym (an HMAC of the Telegram chat id), never by the
 * id itself, so a look into Redis does not show who wrote; /forget deletes by pseudonym.
 */
import { createHash, createHmac } from "node:crypto";

export type Pseudonymize = (telegramId: number) => string;

/** Pseudonyms remembered in memory (an update asks for its user's several times). */
const PSEUDONYM_CACHE = 20_000;

/** Builds the pseudonym function from a secret (PSEUDONYM_SECRET, else derived from the token). */
export function pseudonymizer(secret: string): Pseudonymize {
  const key = createHash("sha256").update(`senim-pseudonym:${secret}`).digest();
  const cache = new Map<number, string>();
  return (telegramId) => {
    let pseudonym = cache.get(telegramId);
    if (pseudonym === undefined) {
      pseudonym = createHmac("sha256", key).update(String(telegramId)).digest("base64url").slice(0, 22);
      if (cache.size >= PSEUDONYM_CACHE) cache.clear();
      cache.set(telegramId, pseudonym);
    }
    return pseudonym;
  };
}

/**
 * Every Redis key Senim writes, built under one prefix (one per deployment, one per test), so
 * instances and tests share a Redis without collisions. The prefix may hold a Redis Cluster
 * {hash tag}: every key starts with it, so all keys share one slot (scripts and MULTI touch
 * several). What each key holds, how long it lives and what it names: KEY_DOCS below.
 *
 * A key that names a user names them by pseudonym (`user` below), never by Telegram id.
 * The strings are stored data: changing one orphans what deployments already hold.
 */
export function keyspace(prefix: string) {
  const key = (...parts: Array<string | number>) => [prefix, ...parts].join(":");
  return {
    // ── A user's session (storage/session.ts) ──
    prefs: (user: string) => key("prefs", user),
    flow: (user: string) => key("flow", user),
    lock: (user: string) => key("lock", user),
    seen: (user: string) => key("seen", user),
    rate: (user: string) => key("rl", user),
    /** The user's updates waiting for their session, lowest first (fair locking across processes). */
    waiting: (user: string) => key("wait", user),

    // ── Updates that are not from a private chat (storage/guard.ts) ──
    update: (updateId: number) => key("upd", updateId),

    // ── Statistics ──
    campaigns: () => key("stats", "campaigns"),
    /** One Kazakhstan day's anonymous figures ("2026-03-02"). */
    figures: (day: string) => key("stats", "day", day),
    /** Marker: the case's first operator reply was counted. */
    replied: (caseId: number) => key("stats", "replied", caseId),

    // ── Cases (storage/cases.ts) ──
    caseSeq: () => key("case", "seq"),
    case: (id: number | string) => key("case", id),
    caseLog: (id: number | string) => key("case", id, "log"),
    casePairs: (id: number | string) => key("case", id, "pairs"),
    userCase: (user: string) => key("ucase", user),
    userCases: (user: string) => key("ucases", user),
    thread: (threadId: number) => key("thread", threadId),
    /** A topic of a regional staff group (the national group's topics are `thread`, as before there were several). */
    groupThread: (chat: number, threadId: number) => key("thread", chat, threadId),
    queue: () => key("queue"),
    checkins: () => key("checkins"),
    expiringTopics: () => key("topics", "expiring"),
    blocked: (user: string) => key("blocked", user),
    staff: (telegramId: number) => key("staff", telegramId),
    /** Membership of a regional staff group (the national group's is `staff`). */
    groupStaff: (chat: number, telegramId: number) => key("staff", chat, telegramId),
    staffName: (username: string) => key("staffname", username.toLowerCase()),
    /** An operator's resolve dialogue in one topic of one staff group (topic 0: General). */
    resolveDialogue: (chat: number, thread: number, operator: number) => key("resolve", chat, thread, operator),

    // ── The outbox of relayed messages (storage/outbox.ts) ──
    outbox: () => key("outbox"),
    jobSeq: () => key("job", "seq"),
    job: (id: string) => key("job", id),
    outboxLine: (caseId: number, dir: string) => key("outbox", "line", caseId, dir),
    /** The pace of one destination: "g<staff chat>" (or "g" for the one group), "u<case>" for a case's user. */
    throttle: (dest: string) => key("throttle", dest),

    // ── The directory supervisors upload (storage/editable.ts) ──
    directory: () => key("dir", "live"),
    directoryUpload: (token: string) => key("dir", "upload", token),
    // ── The saved replies supervisors upload (storage/editable.ts, as the directory) ──
    replies: () => key("replies", "live"),
    repliesUpload: (token: string) => key("replies", "upload", token),

    /**
     * For Lua scripts that build a key from an id read inside Redis: the key is the stem and
     * the id (`case` + id = case(id), then + `caseLogSuffix` = caseLog(id); `job` + id =
     * job(id); `outboxLine` + "<case>:<dir>" = outboxLine(case, dir)).
     */
    stems: {
      case: key("case", ""),
      caseLogSuffix: ":log",
      job: key("job", ""),
      outboxLine: key("outbox", "line", ""),
      throttle: key("throttle", ""),
      userCase: key("ucase", ""),
      userCases: key("ucases", ""),
    },

    /** Not a key: the SCAN pattern of every key that names one user, for /forget. */
    userPattern: (user: string) => `${prefix}:*${user}*`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;

/** The builders of keys (all of the keyspace but `stems` and `userPattern`). */
export type KeyName = Exclude<keyof Keyspace, "stems" | "userPattern">;

export interface KeyDoc {
  /** What the key holds. */
  holds: string;
  /** How long it lives. */
  lifetime: string;
  /** Whom or what its variable part names: "user" is always a pseudonym. */
  names: "user" | "block mark" | "case" | "job" | "thread" | "update" | "staff member" | "nothing";
}

/** What each key holds, how long it lives, what it names. */
export const KEY_DOCS: Record<KeyName, KeyDoc> = {
  prefs: { holds: "the user's preferences (language, role, region), JSON", lifetime: "SessionTtl.prefsSeconds (90 days) from its last change; /forget", names: "user" },
  flow: { holds: "where the user is in a flow (FlowState), JSON", lifetime: "SessionTtl.flowSeconds (1 day) from its last change; deleted when the flow ends", names: "user" },
  lock: { holds: "the token of the update holding the user's session", lifetime: "15 s (a crashed holder's lock runs out)", names: "user" },
  seen: { holds: "sorted set: the user's newest 64 update ids (duplicate deliveries)", lifetime: "1 hour from the user's last update", names: "user" },
  rate: { holds: "counter of the user's updates in the flood window", lifetime: "the flood window (10 s)", names: "user" },
  waiting: { holds: "hash: update id → until when it waits for the session", lifetime: "20 s after the last wait", names: "user" },
  update: { holds: "marker: this update (not from a private chat) is being handled (r) or was handled (d)", lifetime: "30 s while running, then 1 hour", names: "update" },
  campaigns: { holds: "hash: campaign tag (/start <tag>) → count", lifetime: "kept", names: "nothing" },
  figures: {
    holds: "hash: one Kazakhstan day's anonymous counters (cases/figures.ts: opened by region/topic/risk/…, minutes waited, outcomes, ratings, check-ins, campaign tags); no id, no text",
    lifetime: "FIGURES_DAYS (400 days) from the day's last count",
    names: "nothing",
  },
  replied: { holds: "marker: the case's first operator reply was counted in the figures", lifetime: "120 days from the first reply (later replies of the case come well within it)", names: "case" },
  caseSeq: { holds: "the last case id given", lifetime: "kept", names: "nothing" },
  case: { holds: "hash: a case (cases/types.ts Case; the private chat id while it lives)", lifetime: "until resolved, then the retention (RETENTION_DAYS); reopening keeps it; /forget", names: "case" },
  caseLog: { holds: "list: the case's transcript, its newest 500 entries, JSON", lifetime: "as its case", names: "case" },
  casePairs: {
    holds: "hash: a relayed message's id on one side → its copy's on the other (u<id> in the user's chat, s<id> in the staff group), for edits and replies",
    lifetime: "the retention (RETENTION_DAYS) from the last copy; /forget",
    names: "case",
  },
  userCase: { holds: "the user's latest case id", lifetime: "while a case is open, then as long as the closed case (retention), or until /forget", names: "user" },
  userCases: { holds: "set: every case id of the user (for /forget)", lifetime: "while a case is open, then as long as the closed case (retention), or until /forget", names: "user" },
  thread: { holds: "the case id of a forum topic of the national staff group (\"erased\" after its user's /forget)", lifetime: "4× the retention; after /forget, the retention", names: "thread" },
  groupThread: { holds: "the case id of a forum topic of a regional staff group (\"erased\" after its user's /forget)", lifetime: "4× the retention; after /forget, the retention", names: "thread" },
  queue: { holds: "sorted set: unresolved case ids by risk rank, then waiting since", lifetime: "kept; a case leaves it when resolved or erased", names: "nothing" },
  expiringTopics: {
    holds: "sorted set: staff forum topic id (\"<chat>:<topic>\" in a regional group) → when it is deleted (its case's retention ended, or a day after its user's /forget)",
    lifetime: "kept; a topic leaves it when deleted, or when its case reopens",
    names: "thread",
  },
  checkins: { holds: "sorted set: case id → when its check-in is due (or its lease ends)", lifetime: "kept; an entry leaves when its check-in is queued or cancelled", names: "nothing" },
  blocked: { holds: "marker: a supervisor blocked the user (named by a one-way hash of the pseudonym; kept through /forget, as /privacy says)", lifetime: "1 year", names: "block mark" },
  staff: {
    holds: "cache: is this Telegram user a member of the staff group (1/0); only people who write in the staff group",
    lifetime: "5 minutes",
    names: "staff member",
  },
  groupStaff: {
    holds: "cache: is this Telegram user a member of this regional staff group (1/0); only people who write there",
    lifetime: "5 minutes",
    names: "staff member",
  },
  staffName: {
    holds: "a staff member's Telegram id by their @username (for /transfer), written when their membership is asked of Telegram",
    lifetime: "30 days from the last time it was asked",
    names: "staff member",
  },
  resolveDialogue: {
    holds: "an operator's resolve dialogue in one topic (@grammyjs/conversations state, JSON): the updates of the dialogue without message texts but the operator's own, the outcome and category chosen so far",
    lifetime: "DIALOGUE_TTL_MS (30 minutes) from its last step; deleted when the dialogue ends",
    names: "staff member",
  },
  outbox: { holds: "sorted set: relay job id → when it is due (or its lease ends)", lifetime: "kept; a job leaves it when delivered or given up", names: "nothing" },
  jobSeq: { holds: "the last relay job id given", lifetime: "kept", names: "nothing" },
  job: { holds: "hash: a relay job (body JSON, attempts, line)", lifetime: "until delivered or given up", names: "job" },
  outboxLine: { holds: "list: job ids of one case in one direction, in order", lifetime: "until its last job is done", names: "case" },
  throttle: { holds: "the next time a message may go to one destination (the staff group, or a case's user): the shared pace", lifetime: "as long as it holds anyone back, plus 1 s", names: "case" },
  directory: {
    holds: "hash: the directory in use when a supervisor uploaded one (version, entries JSON); every process swaps to a newer version",
    lifetime: "kept; replaced by the next confirmed upload",
    names: "nothing",
  },
  directoryUpload: {
    holds: "hash: an uploaded directory waiting for a supervisor's confirmation (the version it was checked against, entries, the changes)",
    lifetime: "UPLOAD_TTL_SECONDS (1 hour); deleted when applied or cancelled",
    names: "nothing",
  },
  replies: {
    holds: "hash: the saved replies in use when a supervisor uploaded them (version, replies JSON); every process swaps to a newer version",
    lifetime: "kept; replaced by the next confirmed upload",
    names: "nothing",
  },
  repliesUpload: {
    holds: "hash: uploaded saved replies waiting for a supervisor's confirmation (the version they were checked against, replies, the changes)",
    lifetime: "UPLOAD_TTL_SECONDS (1 hour); deleted when applied or cancelled",
    names: "nothing",
  },
};
